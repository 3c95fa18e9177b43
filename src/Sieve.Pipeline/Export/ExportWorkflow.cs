using Sieve.IO;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Export;
using Sieve.Models.Inference;

namespace Sieve.Pipeline;

/// <summary>export: a trained dense model as an ONNX file, written atomically.</summary>
public static class ExportWorkflow
{
    /// <summary>Writes <paramref name="onnxPath"/>; returns its size in bytes and the model's shape.</summary>
    public static (long Bytes, string Shape, bool Variational) ToOnnx(string modelDirectory, string onnxPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxPath);
        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(modelDirectory);
        using (model)
        {
            AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(model)
                ?? throw new ArgumentException($"{modelDirectory} holds a {model.GetType().Name}; ONNX export covers dense autoencoders and VAEs.");
            byte[] bytes = OnnxExport.ToBytes(weights, Path.GetFileName(Path.GetFullPath(modelDirectory).TrimEnd(Path.DirectorySeparatorChar)));
            AtomicFile.WriteAllBytes(onnxPath, bytes);
            string shape = model is DenseAutoencoder dense ? dense.Options.Describe() : ((VariationalAutoencoder)model).Options.Describe();
            return (bytes.Length, shape, weights.IsVariational);
        }
    }
}
