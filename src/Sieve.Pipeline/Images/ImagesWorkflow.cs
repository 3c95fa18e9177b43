using System.Globalization;
using System.Text.Json;
using Sieve.Core.Events;
using Sieve.Core.Images;
using Sieve.Core.Jets;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.IO.Numpy;
using Sieve.Reports.Images;

namespace Sieve.Pipeline.Images;

/// <summary>
/// images: jet images (one per jet of a generator file) or calorimeter-region images (one per
/// event) as an (N, C, H, W) float32 .npy, with OUTPUT.json (the .npy name plus .json) describing it and OUTPUT.rows.csv
/// naming the event (and jet) of each row. Everything is computed before anything is written,
/// and every file is written through a temporary name, so a failure leaves no partial output.
/// </summary>
public static class ImagesWorkflow
{
    /// <summary>The sidecar's path for an output array.</summary>
    public static string SidecarOf(string output) => output + ".json";

    /// <summary>The row index's path for an output array.</summary>
    public static string RowsOf(string output) => output + ".rows.csv";

    /// <summary>Runs the request.</summary>
    public static ImagesSummary Run(ImagesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.LeadingJets < 0)
        {
            throw new ArgumentException($"--leading must be 0 (every jet) or a positive number of jets per event, not {request.LeadingJets}.");
        }

        if (request.Synthetic is not null && request.Kind != ImageKind.Jet)
        {
            throw new ArgumentException("--synthetic makes jets: use it with --kind jet (region images need reconstructed events, e.g. the DarkMachines format).");
        }

        var images = new List<float[]>();
        var rows = new List<string>();
        long events = 0;
        RowShape shape;
        ImageDescription description;
        string rowsHeader;
        if (request.Kind == ImageKind.Jet)
        {
            JetImageOptions options = request.JetImage.Validated();
            JetDefinition definition = request.Jets.Validated();
            shape = JetImager.Shape(options);
            rowsHeader = "event,jet,pt,eta,phi,m,constituents";
            IEnumerable<JetSource.Particles> source = request.Synthetic is { } synthetic ? JetSource.Read(synthetic) : JetSource.Read(request.Input, request.Format);
            foreach (JetSource.Particles e in source)
            {
                events++;
                if (options.Channels == JetImageChannels.ByType && !e.HasPdgIds)
                {
                    throw new ArgumentException(
                        $"{request.Input} is FastJet text, which has no particle ids, so there are no particle types to split channels by; use --channels one.");
                }

                IReadOnlyList<Jet> jets = JetClustering.InclusiveJets(JetSource.Momenta(e.Visible), definition);
                int take = request.LeadingJets == 0 ? jets.Count : Math.Min(jets.Count, request.LeadingJets);
                for (int k = 0; k < take; k++)
                {
                    Jet j = jets[k];
                    images.Add(JetImager.Image(e.Visible, j, options));
                    rows.Add(string.Create(CultureInfo.InvariantCulture, $"{e.EventId},{k},{j.Pt:R},{j.Eta:R},{j.Phi:R},{j.M:R},{j.Constituents.Count}"));
                }
            }

            double half = options.Extent / 2;
            double[] edges = Enumerable.Range(0, options.Pixels + 1).Select(i => -half + (i * options.Extent / options.Pixels)).ToArray();
            string centre = options.Centre == ImageCentre.JetAxis ? "the jet axis" : "the pT-weighted centroid";
            description = new ImageDescription
            {
                Kind = ImageKind.Jet,
                Source = request.Synthetic is { } made
                    ? string.Create(CultureInfo.InvariantCulture, $"SYNTHETIC {made.Flavour.ToString().ToLowerInvariant()}-like jets ({made.Events} events, seed {made.Seed}; docs/images.md)")
                    : request.Input,
                Synthetic = request.Synthetic is not null,
                Shape = [images.Count, shape.Dims[0], shape.Dims[1], shape.Dims[2]],
                Channels = options.Channels == JetImageChannels.ByType ? ParticleTypes.ChannelNames : ["all particles"],
                Eta = new ImageAxis($"delta eta from {centre}{(options.Rotate ? ", after rotating the principal axis onto eta" : string.Empty)}", edges, "1 (pseudorapidity)"),
                Phi = new ImageAxis($"delta phi from {centre}, the short way round", edges, "rad"),
                Jets = new JetImageSettings(definition.Algorithm.Name(), definition.Radius, definition.PtMin, request.LeadingJets,
                    options.Centre == ImageCentre.JetAxis ? "jet_axis" : "pt_centroid", options.Rotate, options.Flip),
                Rows = Path.GetFileName(RowsOf(request.Output)),
            };
        }
        else
        {
            CaloRegionGrid grid = request.Regions.Validated();
            shape = grid.Shape;
            rowsHeader = "event,deposited_pt";
            var input = new InputRequest(request.Input, request.Format);
            if (!File.Exists(InputLoader.FileOf(input.Path)))
            {
                throw new FileNotFoundException($"input file {input.Path} does not exist.", input.Path);
            }

            InputFormat kind = input.Format ?? InputLoader.Detect(input.Path);
            if (!InputLoader.IsEventFormat(kind))
            {
                throw new ArgumentException($"{request.Input} is read as a {kind} table; region images need events with objects (DarkMachines, LHE, HepMC3, FastJet text).");
            }

            foreach (Event e in InputLoader.ReadEvents(input with { Format = kind }))
            {
                events++;
                float[] image = CaloRegionImager.Image(e, grid);
                images.Add(image);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Id},{image.Sum(v => (double)v):R}"));
            }

            double[] phiEdges = Enumerable.Range(0, grid.PhiRegions + 1).Select(i => grid.PhiStart + (i * grid.PhiWidth)).ToArray();
            description = new ImageDescription
            {
                Kind = ImageKind.Regions,
                Source = request.Input,
                Shape = [images.Count, shape.Dims[0], shape.Dims[1], shape.Dims[2]],
                Channels = ["calorimeter objects (all kinds but muons)"],
                Eta = new ImageAxis("eta of the object (Level-1 calorimeter regions, half-open [low, high))", grid.EtaEdges, "1 (pseudorapidity)"),
                Phi = new ImageAxis("phi of the object taken into [phi_start, phi_start + 2 pi)", phiEdges, "rad"),
                Rows = Path.GetFileName(RowsOf(request.Output)),
            };
        }

        if (images.Count == 0)
        {
            throw new ArgumentException(request.Kind == ImageKind.Jet
                ? $"{description.Source}: no jet above {request.Jets.PtMin} GeV in {events} event(s); nothing to write (lower --ptmin?)."
                : $"{request.Input}: no events; nothing to write.");
        }

        IReadOnlyList<string> plots = request.PlotDirectory is { } dir ? DrawPlots(dir, images, shape, description, request.SinglePlots) : [];
        WriteNpy(request.Output, images, shape);
        AtomicFile.WriteText(RowsOf(request.Output), w =>
        {
            w.Write(rowsHeader);
            w.Write('\n');
            foreach (string row in rows)
            {
                w.Write(row);
                w.Write('\n');
            }
        });
        string sidecar = SidecarOf(request.Output);
        AtomicFile.WriteAllText(sidecar, JsonSerializer.Serialize(description, SieveJson.Options) + "\n");
        return new ImagesSummary(events, images.Count, shape, request.Output, sidecar, plots, description);
    }

    /// <summary>Streams the images as one (N, C, H, W) little-endian float32 array, numpy's layout.</summary>
    private static void WriteNpy(string path, List<float[]> images, RowShape shape)
    {
        int[] dims = [images.Count, .. shape.Dims];
        byte[] header = NpyWriter.Header(Sieve.IO.Arrays.ArrayElementType.Float32, dims);
        AtomicFile.WriteBinary(path, stream =>
        {
            stream.Write(header);
            byte[] buffer = new byte[shape.Size * sizeof(float)];
            foreach (float[] image in images)
            {
                for (int i = 0; i < image.Length; i++)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * sizeof(float)), image[i]);
                }

                stream.Write(buffer);
            }
        });
    }

    private static List<string> DrawPlots(string directory, List<float[]> images, RowShape shape, ImageDescription description, int singles)
    {
        Directory.CreateDirectory(directory);
        int size = shape.Size;
        var mean = new double[size];
        foreach (float[] image in images)
        {
            for (int i = 0; i < size; i++)
            {
                mean[i] += image[i] / (double)images.Count;
            }
        }

        // Short labels: the full description of each axis is in the JSON sidecar.
        bool jet = description.Kind == ImageKind.Jet;
        var axes = new ImagePlotAxes(jet ? "delta eta" : "eta", description.Eta.Edges, jet ? "delta phi" : "phi", description.Phi.Edges);
        string what = jet ? "jet" : "event";
        var written = new List<string>();
        string averagePath = Path.Combine(directory, "average.png");
        ImagePlot.Save(averagePath, mean, shape, axes, string.Create(CultureInfo.InvariantCulture, $"average of {images.Count} {what} images"), "mean pT per pixel (GeV)");
        written.Add(averagePath);
        for (int k = 0; k < Math.Min(singles, images.Count); k++)
        {
            string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"image-{k}.png"));
            ImagePlot.Save(path, Array.ConvertAll(images[k], v => (double)v), shape, axes, string.Create(CultureInfo.InvariantCulture, $"{what} image {k}"), "pT per pixel (GeV)");
            written.Add(path);
        }

        return written;
    }
}
