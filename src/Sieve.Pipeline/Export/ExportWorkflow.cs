using Sieve.IO;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Export;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;

namespace Sieve.Pipeline;

/// <summary>
/// export: a trained dense model as an ONNX file (float, or QDQ for a model with fixed-point types), or
/// as an hls4ml bundle directory; each written atomically (a file through a temporary file, a bundle
/// built in a temporary directory beside its target and moved into place).
/// </summary>
public static class ExportWorkflow
{
    /// <summary>hls4ml's model-wide default type, used for a float model's bundle.</summary>
    public static ApFixedFormat Hls4mlDefaultPrecision { get; } = new(16, 6);

    /// <summary>Writes <paramref name="onnxPath"/> in <paramref name="form"/>.</summary>
    /// <exception cref="ArgumentException">QDQ asked for a model without fixed-point types, or not a dense model.</exception>
    public static ExportOutcome ToOnnx(string modelDirectory, string onnxPath, OnnxForm form = OnnxForm.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxPath);
        (AutoencoderWeights weights, string shape) = Load(modelDirectory);
        FixedPointConfig? config = FixedPointModelFile.Read(modelDirectory);
        if (form == OnnxForm.Qdq && config is null)
        {
            throw new ArgumentException($"{modelDirectory} has no fixed-point types ({FixedPointModelFile.FileName}); make them with " +
                                        "`sieve quantize-model --model MODEL --precision 'ap_fixed<16,6,AP_RND_CONV,AP_SAT>' --out QUANTISED`, or export the float model with --form float.");
        }

        bool qdq = form == OnnxForm.Qdq || (form == OnnxForm.Auto && config is not null);
        string name = ModelName(modelDirectory);
        byte[] bytes = qdq ? QdqOnnxExport.ToBytes(FixedPointAutoencoder.Create(weights, config!), name) : OnnxExport.ToBytes(weights, name);
        AtomicFile.WriteAllBytes(onnxPath, bytes);
        return new ExportOutcome(onnxPath, bytes.Length, shape, weights.IsVariational, qdq ? OnnxForm.Qdq : OnnxForm.Float,
            qdq ? QdqOnnxExport.Opset : OnnxExport.Opset, qdq, []);
    }

    /// <summary>
    /// Writes the hls4ml bundle into <paramref name="directory"/> (new, or empty): the model's stored
    /// fixed-point types, or hls4ml's default ap_fixed&lt;16,6&gt; everywhere for a float model.
    /// </summary>
    /// <exception cref="IOException">The directory exists and is not empty.</exception>
    public static ExportOutcome ToHls4ml(string modelDirectory, string directory, int reuseFactor = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        (AutoencoderWeights weights, string shape) = Load(modelDirectory);
        FixedPointConfig? stored = FixedPointModelFile.Read(modelDirectory);
        FixedPointConfig config = stored ?? new FixedPointConfig(Hls4mlDefaultPrecision);
        var model = FixedPointAutoencoder.Create(weights, config);
        IReadOnlyList<(string Name, byte[] Content)> files = Hls4mlBundle.Files(model, config.Precision, reuseFactor, ModelName(modelDirectory), stored is not null);

        string target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            throw new IOException($"{target} exists and is not an empty directory; give a new directory to --hls4ml.");
        }

        // Built beside the target and moved into place: no half-written bundle.
        AtomicDirectory.Write(target, temporary =>
        {
            foreach ((string fileName, byte[] content) in files)
            {
                File.WriteAllBytes(Path.Combine(temporary, fileName), content);
            }
        });

        return new ExportOutcome(directory, files.Sum(f => (long)f.Content.Length), shape, weights.IsVariational, OnnxForm.Float, OnnxExport.Opset,
            stored is not null, [.. files.Select(f => f.Name)]);
    }

    private static (AutoencoderWeights Weights, string Shape) Load(string modelDirectory)
    {
        (IAutoencoder model, ModelManifest _) = ModelCheckpoint.Load(modelDirectory);
        using (model)
        {
            AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(model)
                ?? throw new ArgumentException($"{modelDirectory} holds a {model.GetType().Name}; ONNX and hls4ml export cover dense autoencoders and VAEs.");
            string shape = model is DenseAutoencoder dense ? dense.Options.Describe() : ((VariationalAutoencoder)model).Options.Describe();
            return (weights, shape);
        }
    }

    private static string ModelName(string modelDirectory) => Path.GetFileName(Path.GetFullPath(modelDirectory).TrimEnd(Path.DirectorySeparatorChar));
}
