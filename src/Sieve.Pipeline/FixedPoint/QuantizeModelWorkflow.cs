using Sieve.IO;
using Sieve.Models.FixedPoint;

namespace Sieve.Pipeline;

/// <summary>
/// quantize-model: post-training quantisation of a dense autoencoder into hls4ml fixed-point types. The
/// output directory is a copy of the model with <c>fixed-point.json</c> beside its manifest; the float
/// weights stay as they were (the fixed-point ones follow from them and the types, exactly).
/// </summary>
public static class QuantizeModelWorkflow
{
    /// <summary>Writes the quantised model; returns each layer's types and statistics.</summary>
    public static IReadOnlyList<LayerQuantisationSummary> Run(QuantizeModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        FixedPointConfig config = FixedPointModels.Config(request.Precision, request.PerLayerFile, request.Accumulator);
        (_, Sieve.Models.Inference.AutoencoderWeights weights) = FixedPointModels.Load(request.ModelDirectory);
        var model = FixedPointAutoencoder.Create(weights, config);
        IReadOnlyList<LayerQuantisationSummary> layers = LayerQuantisationSummary.Of(model);

        string source = Path.GetFullPath(request.ModelDirectory);
        string target = Path.GetFullPath(request.OutputDirectory);
        if (string.Equals(source.TrimEnd(Path.DirectorySeparatorChar), target.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new ArgumentException("--out must be a new directory, not the model's own.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"{target} exists and is not empty; give a new directory to --out.");
        }

        // Build the copy beside the target and move it into place: no half-written model directory.
        AtomicDirectory.Write(target, temporary =>
        {
            foreach (string file in Directory.EnumerateFiles(source))
            {
                if (Path.GetFileName(file) != FixedPointModelFile.FileName)
                {
                    File.Copy(file, Path.Combine(temporary, Path.GetFileName(file)));
                }
            }

            AtomicFile.WriteAllText(Path.Combine(temporary, FixedPointModelFile.FileName), FixedPointModelFile.Serialize(config, layers));
        });

        return layers;
    }
}
