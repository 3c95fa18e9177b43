using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Sieve.Models.FixedPoint;

namespace Sieve.Models.Export;

/// <summary>
/// The files of an hls4ml bundle, a directory from which hls4ml makes the FPGA project of a dense
/// autoencoder: <c>model.onnx</c> (<see cref="Hls4mlOnnx"/>), <c>hls4ml_config.json</c>
/// (<see cref="Hls4mlConfig"/>), test vectors with the emulation's outputs (<c>tb_input_features.dat</c>,
/// <c>tb_output_latent.dat</c>, <c>tb_output_reconstruction.dat</c>), <c>convert.py</c>, which runs
/// hls4ml's ONNX front end and compares its C simulation with those outputs, and a <c>README.md</c>.
/// </summary>
public static class Hls4mlBundle
{
    /// <summary>Rows of the test vectors.</summary>
    public const int TestRows = 64;

    /// <summary>File names in the bundle.</summary>
    public const string OnnxFile = "model.onnx", ConfigFile = "hls4ml_config.json", InputFile = "tb_input_features.dat",
        LatentFile = "tb_output_latent.dat", ReconstructionFile = "tb_output_reconstruction.dat", ConvertScript = "convert.py", ReadmeFile = "README.md";

    /// <summary>Every file of the bundle, name and content.</summary>
    /// <param name="model">The fixed-point model (the stored types, or hls4ml's default everywhere for a float model).</param>
    /// <param name="modelPrecision">hls4ml's model-wide default type.</param>
    /// <param name="reuseFactor">hls4ml's ReuseFactor for every layer (1: fully parallel, lowest latency).</param>
    /// <param name="modelName">Graph name.</param>
    /// <param name="typesStored">Whether the types came with the model (quantize-model) rather than being the defaults; said in the README.</param>
    public static IReadOnlyList<(string Name, byte[] Content)> Files(FixedPointAutoencoder model, ApFixedFormat modelPrecision, int reuseFactor, string modelName, bool typesStored)
    {
        ArgumentNullException.ThrowIfNull(model);
        string config = Hls4mlConfig.Build(model, modelPrecision, reuseFactor).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        byte[] onnx = Hls4mlOnnx.ToModel(model.Weights, modelName).ToByteArray();
        float[][] inputs = TestInputs(model);
        var latent = new List<double[]>();
        var reconstruction = new List<double[]>();
        foreach (float[] row in inputs)
        {
            long[] raw = model.QuantiseInput(row);
            latent.Add(model.Encode(raw).Values);
            reconstruction.Add(model.Reconstruct(raw).Values);
        }

        return
        [
            (OnnxFile, onnx),
            (ConfigFile, Encoding.UTF8.GetBytes(config)),
            (InputFile, Encoding.UTF8.GetBytes(Table(inputs.Select(r => r.Select(v => (double)v).ToArray())))),
            (LatentFile, Encoding.UTF8.GetBytes(Table(latent))),
            (ReconstructionFile, Encoding.UTF8.GetBytes(Table(reconstruction))),
            (ConvertScript, Encoding.UTF8.GetBytes(Hls4mlBundleTexts.ConvertScript)),
            (ReadmeFile, Encoding.UTF8.GetBytes(Hls4mlBundleTexts.Readme(modelName, model, modelPrecision, reuseFactor, typesStored))),
        ];
    }

    /// <summary>
    /// Normalised inputs for the test bench: standard normal draws (a fixed seed), already on the input
    /// type's grid so that hls4ml's own conversion of the text cannot round them differently.
    /// </summary>
    public static float[][] TestInputs(FixedPointAutoencoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var random = new Random(20260);
        ApFixedFormat input = model.Precision.Input;
        var rows = new float[TestRows][];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = new float[model.InputSize];
            for (int i = 0; i < model.InputSize; i++)
            {
                double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                rows[r][i] = (float)input.ToDouble(input.Quantise(normal));
            }
        }

        return rows;
    }

    // One row per line, values separated by spaces (hls4ml's .dat test-bench layout), shortest round-trip text.
    private static string Table(IEnumerable<double[]> rows)
    {
        var text = new StringBuilder();
        foreach (double[] row in rows)
        {
            text.AppendJoin(' ', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }
}
