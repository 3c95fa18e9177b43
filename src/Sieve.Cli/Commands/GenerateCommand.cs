using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sieve.Cli.Terminal;
using Sieve.Core.Serialization;
using Sieve.Pipeline.Generation;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve generate`: sample a trained VAE's latent distribution and decode new rows.</summary>
internal static class GenerateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model directory of a trained VAE (`sieve train --vae`).", Required = true };
        var count = new Option<int>("--n", "-n") { Description = "Rows to generate: events for table models, objects for a per-object model.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "File to write, atomically: CSV with the model's feature columns in the training input's units, or DarkMachines-format events for a slot model with --latent posterior.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the latent draws; the same seed gives the same file. Default 42.", DefaultValueFactory = _ => 42 };
        var temperature = new Option<double>("--temperature") { Description = "Scale of the latent spread around its mean: z = mu + T sigma eps. 1 (default) samples the distribution itself; below 1 gives more typical rows.", DefaultValueFactory = _ => 1.0 };
        var latent = new Option<string>("--latent") { Description = "prior (default): z ~ N(0, I), the VAE's prior. fitted: z ~ a full-covariance Gaussian fitted to the latent means of --reference encoded through the model (closer to the data where the encoder's latents are not N(0, I)). " +
                          "posterior: the aggregate posterior of --reference: for each row a reference event at random, z ~ its q(z|x) = N(mu, (T sigma)^2); " +
                          "with a slot layout (fixed-slots, level1) each generated event takes that event's object counts and kinds and is written in the DarkMachines format.", DefaultValueFactory = _ => "prior" };
        var reference = new Option<string?>("--reference") { Description = "With --latent fitted or posterior: the file to encode (e.g. the training split), read as the model was trained." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of a table." };
        var command = new Command("generate", "Use a VAE as a generative model: draw latents from its prior N(0, I) (or a Gaussian fitted to a reference's latents), decode, " +
                                              "invert the normaliser and write the rows as CSV. Compare them with the data with `sieve compare`.")
        {
            model, count, output, seed, temperature, latent, reference, json,
        };
        command.SetAction(parse =>
        {
            LatentSource source = parse.GetValue(latent)!.Trim().ToLowerInvariant() switch
            {
                "prior" => LatentSource.Prior,
                "fitted" => LatentSource.Fitted,
                "posterior" => LatentSource.Posterior,
                var other => throw new ArgumentException($"--latent '{other}': expected prior, fitted or posterior."),
            };
            var request = new GenerateRequest(parse.GetValue(model)!, parse.GetValue(count), parse.GetValue(output)!, parse.GetValue(seed),
                parse.GetValue(temperature), source, parse.GetValue(reference));
            bool asJson = parse.GetValue(json);
            var clock = Stopwatch.StartNew();
            TimeSpan next = TimeSpan.FromSeconds(2);
            var progress = new SyncProgress<long>(rows =>
            {
                // A line every few seconds on long runs only; JSON output stays clean.
                if (!asJson && clock.Elapsed >= next && rows < request.Count)
                {
                    next = clock.Elapsed + TimeSpan.FromSeconds(5);
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decoded {rows:N0} of {request.Count:N0} rows"));
                }
            });
            GenerateOutcome outcome = GenerateWorkflow.Run(request, progress);
            if (asJson)
            {
                console.WriteLine(JsonSerializer.Serialize(outcome, SieveJson.Options));
                return 0;
            }

            var table = new Table().AddColumn("generated").AddColumn("value");
            table.AddRow("file", Markup.Escape(outcome.Output));
            table.AddRow("rows", Markup.Escape($"{outcome.Rows:N0} {outcome.RowKind}"));
            table.AddRow("features", Markup.Escape(string.Join(", ", outcome.Features)));
            table.AddRow("latents", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{outcome.Source}, {outcome.LatentSize} dimensions, temperature {outcome.Temperature:G4}, seed {outcome.Seed}")));
            table.AddRow("model", Markup.Escape(outcome.ModelSha256[..12] + "..."));
            table.AddRow("time", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{outcome.Seconds:F1} s")));
            console.Write(table);
            if (outcome.Note is { } note)
            {
                console.MarkupLine("[yellow]note:[/] " + Markup.Escape(note));
            }

            return 0;
        });
        return command;
    }
}
