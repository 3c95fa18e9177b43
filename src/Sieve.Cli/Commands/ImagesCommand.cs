using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Images;
using Sieve.Core.Serialization;
using Sieve.Core.Synthetic;
using Sieve.Pipeline.Images;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve images`: jet images or calorimeter-region images as an (N, C, H, W) .npy for convolutional models.</summary>
internal static class ImagesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Event file. Jet images: a generator file (FastJet text, HepMC3, LHE). Region images: any event file (DarkMachines, generator files). Required unless --synthetic." };
        var synthetic = new Option<string?>("--synthetic")
        {
            Description = "Jet images of SYNTHETIC jets instead of an input file: quark (fewer, harder constituents, narrower) or gluon (more, softer, wider), " +
                          "one jet of 150-250 GeV per event with soft particles around it, particle types from PDG ids (so --channels type works). " +
                          "A toy for training where real particle-level events are scarce, not physics data; the sidecar and every model trained on it say synthetic (docs/images.md).",
        };
        var count = new Option<int>("--n", "-n") { Description = "With --synthetic: events to generate. Default 1000.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "With --synthetic: seed of the generator; the same seed gives the same images. Default 1.", DefaultValueFactory = _ => 1 };
        var format = CommonOptions.Format();
        var kind = new Option<string>("--kind", "-k")
        {
            Description = "jet: one image per jet, its constituents' pT in (delta eta, delta phi) around the jet. " +
                          "regions: one image per event, objects' pT summed in the 14 (eta) x 18 (phi) Level-1 calorimeter regions over |eta| < 3 (muons left out).",
            DefaultValueFactory = _ => "jet",
        };
        var algorithm = JetOptions.Algorithm();
        var radius = JetOptions.Radius();
        var ptMin = JetOptions.PtMin(20);
        var leading = new Option<int>("--leading") { Description = "Image at most this many jets per event, hardest first; 0 (default) images every jet above --ptmin." };
        var pixels = new Option<int>("--pixels") { Description = "Jet images: pixels along each axis (the image is pixels x pixels).", DefaultValueFactory = _ => 32 };
        var extent = new Option<double?>("--extent") { Description = "Jet images: full width in delta eta and in delta phi. Default 2R." };
        var channels = new Option<string>("--channels")
        {
            Description = "Jet images: one (every particle in one channel) or type (3 channels: charged, photons+electrons, neutral hadrons, from PDG ids; not for FastJet text, which has none).",
            DefaultValueFactory = _ => "one",
        };
        var centre = new Option<string>("--centre")
        {
            Description = "Jet images: what goes in the middle: axis (the jet's direction) or centroid (pT-weighted mean of the constituents' eta and phi).",
            DefaultValueFactory = _ => "axis",
        };
        var rotate = new Option<bool>("--rotate") { Description = "Jet images: rotate about the centre so that the jet's principal axis (pT-weighted) lies along eta." };
        var flip = new Option<bool>("--flip") { Description = "Jet images: mirror so that the brighter half lies at high phi and the brighter half at high eta." };
        var output = new Option<string>("--out", "-o") { Description = "The .npy to write: float32 (N, C, H, W), axes image, channel, eta, phi. FILE.npy.json beside it describes it, FILE.npy.rows.csv names each row's event (and jet).", Required = true };
        var plot = new Option<string?>("--plot") { Description = "Folder for PNG pictures: average.png (mean image) and image-0.png ... (the first few), log colour scale." };
        var json = new Option<bool>("--json") { Description = "Print the description of the array as JSON." };
        var command = new Command("images", "Turn events into images for convolutional autoencoders: jet images from clustered jets, or calorimeter-region images " +
                                            "from reconstructed objects. Conventions (axes, units, pixel edges) in docs/images.md.")
        {
            input, synthetic, count, seed, format, kind, algorithm, radius, ptMin, leading, pixels, extent, channels, centre, rotate, flip, output, plot, json,
        };
        command.SetAction(parse =>
        {
            double r = parse.GetValue(radius);
            string? flavour = parse.GetValue(synthetic);
            string? file = parse.GetValue(input);
            if ((flavour is null) == (file is null))
            {
                throw new ArgumentException(flavour is null ? "give --input FILE, or --synthetic quark|gluon for synthetic jets." : "give either --input or --synthetic, not both.");
            }

            var request = new ImagesRequest(file ?? string.Empty, ParseKind(parse.GetValue(kind)!), parse.GetValue(output)!)
            {
                Synthetic = flavour is null ? null : new SyntheticJetSource(ParseFlavour(flavour), parse.GetValue(count), parse.GetValue(seed)),
                Format = parse.GetValue(format),
                Jets = JetOptions.Parse(parse.GetValue(algorithm)!, r, parse.GetValue(ptMin)),
                LeadingJets = parse.GetValue(leading),
                JetImage = new JetImageOptions
                {
                    Pixels = parse.GetValue(pixels),
                    Extent = parse.GetValue(extent) ?? (2 * r),
                    Channels = ParseChannels(parse.GetValue(channels)!),
                    Centre = ParseCentre(parse.GetValue(centre)!),
                    Rotate = parse.GetValue(rotate),
                    Flip = parse.GetValue(flip),
                },
                PlotDirectory = parse.GetValue(plot),
            };
            if (request.JetImage.Pixels is < 1 or > 1024)
            {
                throw new ArgumentException($"--pixels {request.JetImage.Pixels} is out of range; expected 1 to 1024.");
            }

            if (!(request.JetImage.Extent > 0) || double.IsInfinity(request.JetImage.Extent))
            {
                throw new ArgumentException($"--extent {request.JetImage.Extent} is out of range; expected a width > 0.");
            }

            ImagesSummary summary = ImagesWorkflow.Run(request);
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(summary.Description, SieveJson.Options));
                return 0;
            }

            string dims = string.Join(" x ", summary.Description.Shape);
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Images:N0} {(request.Kind == ImageKind.Jet ? "jet" : "region")} images from {summary.Events:N0} events: {dims} float32 (image x channel x eta x phi), GeV per pixel")));
            console.MarkupLine(Markup.Escape($"wrote {summary.Output}, {summary.Sidecar}, {ImagesWorkflow.RowsOf(summary.Output)}"));
            foreach (string p in summary.Plots)
            {
                console.MarkupLine(Markup.Escape("drew " + p));
            }

            return 0;
        });
        return command;
    }

    private static ImageKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "jet" or "jets" => ImageKind.Jet,
        "regions" or "region" or "calo" => ImageKind.Regions,
        _ => throw new ArgumentException($"--kind {text} is not an image kind; expected jet or regions."),
    };

    private static ShowerFlavour ParseFlavour(string text) => text.Trim().ToLowerInvariant() switch
    {
        "quark" or "q" => ShowerFlavour.Quark,
        "gluon" or "g" => ShowerFlavour.Gluon,
        _ => throw new ArgumentException($"--synthetic {text} is not a jet flavour; expected quark or gluon."),
    };

    private static JetImageChannels ParseChannels(string text) => text.Trim().ToLowerInvariant() switch
    {
        "one" or "1" => JetImageChannels.One,
        "type" or "types" or "by-type" => JetImageChannels.ByType,
        _ => throw new ArgumentException($"--channels {text} is not a channel choice; expected one or type."),
    };

    private static ImageCentre ParseCentre(string text) => text.Trim().ToLowerInvariant() switch
    {
        "axis" or "jet-axis" => ImageCentre.JetAxis,
        "centroid" or "pt-centroid" => ImageCentre.PtCentroid,
        _ => throw new ArgumentException($"--centre {text} is not a centring choice; expected axis or centroid."),
    };
}
