using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Convolutional;
using Sieve.Reports.Images;

namespace Sieve.Pipeline.Images;

/// <summary>
/// reconstruct: what a convolutional model does to images, where people look rather than read.
/// For chosen rows the original, the reconstruction and their difference side by side (channels
/// summed, and each channel when there are several); the average input and average reconstruction
/// (blurring shows as a wider average); and a latent traversal grid: each of the first latent
/// dimensions moved from -2 to +2 standard deviations of the input's latents, the others at their mean,
/// decoded, which shows what that dimension learned. PNGs, pictures.json and one index.html page.
/// </summary>
public static class ReconstructionWorkflow
{
    /// <summary>Draws the pictures; returns what was drawn.</summary>
    public static ReconstructionPictures Run(ReconstructionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(request.ModelDirectory);
        using (model)
        {
            ConvolutionalOptions conv = manifest.Convolution
                ?? throw new ArgumentException($"{request.ModelDirectory} is not an image model; `sieve reconstruct` draws the images of a convolutional model (train one on an (N, C, H, W) .npy).");
            ModelInput prepared = ModelInput.Prepare(manifest, request.InputPath);
            FeatureTable table = prepared.Input.Table;
            int n = table.RowCount, size = conv.InputSize;
            int[] rows = [.. request.Events.Distinct()];
            if (rows.FirstOrDefault(r => r < 0 || r >= n, -1) is int bad && bad != -1)
            {
                throw new ArgumentException($"--events: row {bad} is not in {request.InputPath}, which has {n} images (rows 0 to {n - 1}).");
            }

            RowShape shape = RowShape.Image(conv.Channels, conv.Height, conv.Width);
            ImagePlotAxes axes = Axes(request.InputPath, conv);
            Directory.CreateDirectory(request.OutputDirectory);
            string Out(string name) => Path.Combine(request.OutputDirectory, name);

            float[] latents = BatchInference.Encode(model, prepared.Normalised);
            double[] reconstruction = manifest.Normaliser.Inverse(BatchInference.Decode(model, latents));

            var events = new List<EventPictures>();
            foreach (int row in rows)
            {
                double[] original = table.Values.AsSpan(row * size, size).ToArray();
                double[] back = reconstruction.AsSpan(row * size, size).ToArray();
                double[] residual = [.. back.Select((v, i) => v - original[i])];
                string o = $"event-{row}-original.png", r = $"event-{row}-reconstruction.png", d = $"event-{row}-residual.png";
                ImagePlot.Save(Out(o), original, shape, axes, Inv($"row {row}: original"), "pT per pixel (GeV)");
                ImagePlot.Save(Out(r), back, shape, axes, Inv($"row {row}: reconstruction"), "pT per pixel (GeV)");
                ResidualImagePlot.Save(Out(d), residual, shape, axes, Inv($"row {row}: reconstruction - original"), "GeV");
                var channels = new List<ChannelPictures>();
                if (conv.Channels > 1)
                {
                    RowShape plane = RowShape.Image(1, conv.Height, conv.Width);
                    int pixels = conv.Height * conv.Width;
                    for (int c = 0; c < conv.Channels; c++)
                    {
                        string co = $"event-{row}-channel-{c}-original.png", cr = $"event-{row}-channel-{c}-reconstruction.png";
                        ImagePlot.Save(Out(co), original.AsSpan(c * pixels, pixels).ToArray(), plane, axes, Inv($"row {row}, channel {c}: original"), "pT per pixel (GeV)");
                        ImagePlot.Save(Out(cr), back.AsSpan(c * pixels, pixels).ToArray(), plane, axes, Inv($"row {row}, channel {c}: reconstruction"), "pT per pixel (GeV)");
                        channels.Add(new ChannelPictures(c, co, cr));
                    }
                }

                events.Add(new EventPictures(row, o, r, d, channels));
            }

            ImagePlot.Save(Out("average-original.png"), Mean(table.Values, n, size), shape, axes, Inv($"average of {n} images"), "mean pT per pixel (GeV)");
            ImagePlot.Save(Out("average-reconstruction.png"), Mean(reconstruction, n, size), shape, axes, Inv($"average of {n} reconstructions"), "mean pT per pixel (GeV)");

            (IReadOnlyList<IReadOnlyList<string>> traversal, double[] values) = Traverse(model, manifest, latents, n, conv, shape, axes, request, Out);
            var pictures = new ReconstructionPictures(conv.Describe() + (manifest.Variational is { } v ? Inv($" VAE (beta {v.Beta})") : string.Empty), n, events,
                "average-original.png", "average-reconstruction.png", traversal, values);
            AtomicFile.WriteAllText(Out("pictures.json"), JsonSerializer.Serialize(pictures, SieveJson.Options));
            AtomicFile.WriteAllText(Out("index.html"), Html(pictures, request.InputPath, manifest.Synthetic));
            return pictures;
        }
    }

    // Each of the first latent dimensions from -2 to +2 standard deviations of the input's latents, the others at their mean.
    private static (IReadOnlyList<IReadOnlyList<string>> Files, double[] Values) Traverse(IAutoencoder model, ModelManifest manifest, float[] latents, int n,
        ConvolutionalOptions conv, RowShape shape, ImagePlotAxes axes, ReconstructionRequest request, Func<string, string> output)
    {
        int z = conv.LatentSize, dims = Math.Clamp(request.TraversalDimensions, 0, z), steps = Math.Max(2, request.TraversalSteps);
        double[] values = [.. Enumerable.Range(0, steps).Select(i => -2 + (4.0 * i / (steps - 1)))];
        var mean = new double[z];
        var std = new double[z];
        for (int k = 0; k < z; k++)
        {
            double m = 0, s = 0;
            for (int i = 0; i < n; i++)
            {
                m += latents[(i * z) + k];
            }

            m /= n;
            for (int i = 0; i < n; i++)
            {
                s += Math.Pow(latents[(i * z) + k] - m, 2);
            }

            mean[k] = m;
            std[k] = Math.Sqrt(s / Math.Max(1, n - 1));
        }

        var grid = new float[dims * steps * z];
        for (int d = 0; d < dims; d++)
        {
            for (int j = 0; j < steps; j++)
            {
                for (int k = 0; k < z; k++)
                {
                    grid[(((d * steps) + j) * z) + k] = (float)(mean[k] + (k == d ? values[j] * std[k] : 0));
                }
            }
        }

        double[] decoded = dims == 0 ? [] : manifest.Normaliser.Inverse(BatchInference.Decode(model, grid));
        var files = new List<IReadOnlyList<string>>();
        for (int d = 0; d < dims; d++)
        {
            var row = new List<string>();
            for (int j = 0; j < steps; j++)
            {
                string name = Inv($"traversal-z{d}-{j}.png");
                ImagePlot.Save(output(name), decoded.AsSpan(((d * steps) + j) * conv.InputSize, conv.InputSize).ToArray(), shape, axes,
                    Inv($"z{d} = mean {values[j]:+0.0;-0.0;0} sd"), "pT per pixel (GeV)");
                row.Add(name);
            }

            files.Add(row);
        }

        return (files, values);
    }

    // The sidecar's axes when `sieve images` wrote one, else pixel indices.
    private static ImagePlotAxes Axes(string input, ConvolutionalOptions conv)
    {
        string sidecar = input + ".json";
        if (File.Exists(sidecar))
        {
            try
            {
                ImageDescription? description = JsonSerializer.Deserialize<ImageDescription>(File.ReadAllText(sidecar), SieveJson.Options);
                if (description is not null && description.Eta.Edges.Count == conv.Height + 1 && description.Phi.Edges.Count == conv.Width + 1)
                {
                    bool jet = description.Kind == ImageKind.Jet;
                    return new ImagePlotAxes(jet ? "delta eta" : "eta", description.Eta.Edges, jet ? "delta phi" : "phi", description.Phi.Edges);
                }
            }
            catch (JsonException)
            {
                // A sidecar that is not one of ours: draw pixel indices instead.
            }
        }

        return new ImagePlotAxes("eta pixel", [.. Enumerable.Range(0, conv.Height + 1).Select(i => (double)i)], "phi pixel", [.. Enumerable.Range(0, conv.Width + 1).Select(i => (double)i)]);
    }

    private static double[] Mean(ReadOnlySpan<double> values, int n, int size)
    {
        var mean = new double[size];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = values.Slice(i * size, size);
            for (int p = 0; p < size; p++)
            {
                mean[p] += row[p] / n;
            }
        }

        return mean;
    }

    private static string Html(ReconstructionPictures p, string input, bool synthetic)
    {
        var html = new StringBuilder();
        string Img(string file) => $"<img src=\"{WebUtility.HtmlEncode(file)}\" width=\"320\">";
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sieve reconstructions</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}td{text-align:center;vertical-align:top}</style></head><body>")
            .Append(Inv($"<h1>Reconstructions of {WebUtility.HtmlEncode(Path.GetFileName(input))}</h1><p>Model: {WebUtility.HtmlEncode(p.Model)}; {p.Images} images."))
            .Append(synthetic ? " <b>Trained on SYNTHETIC data.</b>" : string.Empty).Append("</p>")
            .Append("<h2>Original, reconstruction, residual</h2><table><tr><th>row</th><th>original</th><th>reconstruction</th><th>reconstruction - original</th></tr>");
        foreach (EventPictures e in p.Events)
        {
            html.Append(Inv($"<tr><td>{e.Row}</td><td>{Img(e.Original)}</td><td>{Img(e.Reconstruction)}</td><td>{Img(e.Residual)}</td></tr>"));
            foreach ((int _, string o, string r) in e.Channels)
            {
                html.Append(Inv($"<tr><td></td><td>{Img(o)}</td><td>{Img(r)}</td><td></td></tr>"));
            }
        }

        html.Append("</table><h2>Averages</h2><table><tr><td>").Append(Img(p.AverageOriginal)).Append("</td><td>").Append(Img(p.AverageReconstruction)).Append("</td></tr></table>");
        if (p.Traversal.Count > 0)
        {
            html.Append("<h2>Latent traversal</h2><p>Each row moves one latent dimension from -2 to +2 standard deviations of the input's latents, the others at their mean.</p><table>");
            for (int d = 0; d < p.Traversal.Count; d++)
            {
                html.Append(Inv($"<tr><td>z{d}</td>"));
                foreach (string file in p.Traversal[d])
                {
                    html.Append("<td>").Append(Img(file)).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
