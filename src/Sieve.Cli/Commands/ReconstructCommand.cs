using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Pipeline.Images;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve reconstruct`: pictures of what a convolutional model does to images.</summary>
internal static class ReconstructCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "A convolutional model directory (`sieve train` on an (N, C, H, W) .npy).", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "Images to draw, (N, C, H, W) or (N, H, W, C) .npy; the .npy.json sidecar of `sieve images` gives the axes in eta and phi.", Required = true };
        var events = new Option<string>("--events") { Description = "Comma-separated rows (0-based) to draw original, reconstruction and residual for. Default 0,1,2,3.", DefaultValueFactory = _ => "0,1,2,3" };
        var dims = new Option<int>("--traverse") { Description = "Latent dimensions to traverse (the first ones); 0 = none. Default 4.", DefaultValueFactory = _ => 4 };
        var steps = new Option<int>("--steps") { Description = "Values per traversed dimension, from -2 to +2 standard deviations of the input's latents. Default 5.", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the PNGs, pictures.json and index.html.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print pictures.json to the terminal." };
        var command = new Command("reconstruct", "Draw what a convolutional (V)AE does to images: original, reconstruction and residual side by side for chosen rows " +
                                                 "(channels summed and per channel; log colour scale, residual on a signed linear scale), the average input and reconstruction, " +
                                                 "and a latent traversal grid (each latent dimension from -2 to +2 sd, the others at their mean). One HTML page.")
        {
            model, input, events, dims, steps, output, json,
        };
        command.SetAction(parse =>
        {
            int[] rows = [.. parse.GetValue(events)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : throw new ArgumentException($"--events: '{t}' is not a row number."))];
            var request = new ReconstructionRequest(parse.GetValue(model)!, parse.GetValue(input)!, parse.GetValue(output)!, rows, parse.GetValue(dims), parse.GetValue(steps));
            ReconstructionPictures pictures = ReconstructionWorkflow.Run(request);
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(pictures, SieveJson.Options));
                return 0;
            }

            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"drew {pictures.Events.Count} rows of {pictures.Images} images, the averages and a {pictures.Traversal.Count} x {pictures.TraversalValues.Count} latent traversal ({pictures.Model})")));
            console.MarkupLine(Markup.Escape($"report: {Path.Combine(request.OutputDirectory, "index.html")}, pictures.json and PNGs"));
            return 0;
        });
        return command;
    }
}
