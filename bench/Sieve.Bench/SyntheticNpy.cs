using System.Buffers.Binary;
using System.Globalization;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.Bench;

/// <summary>
/// `synth-npy OUT ROWS FEATURES [SEED]`: a float32 .npy table of jet-like rows (pt, eta, phi, m
/// and, past four features, more standard normal columns), written in blocks so that a file of
/// any size needs little memory. Input of the score benchmark (bench/score/run.sh).
/// </summary>
internal static class SyntheticNpy
{
    public static int Run(string path, long rows, int features, int seed)
    {
        var rng = new Random(seed);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(NpyWriter.Header(ArrayElementType.Float32, [checked((int)rows), features]));
        byte[] block = new byte[4096 * features * 4];
        for (long done = 0; done < rows; done += 4096)
        {
            int n = (int)Math.Min(4096, rows - done);
            for (int r = 0; r < n; r++)
            {
                for (int f = 0; f < features; f++)
                {
                    double normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    float value = f switch
                    {
                        0 => (float)(30 * Math.Exp(0.8 * normal)), // pt: falling spectrum, GeV
                        1 => (float)(2 * normal),                 // eta
                        2 => (float)(Math.PI * ((2 * rng.NextDouble()) - 1)), // phi
                        3 => (float)(10 * Math.Exp(0.5 * normal)), // m
                        _ => (float)normal,
                    };
                    BinaryPrimitives.WriteSingleLittleEndian(block.AsSpan(((r * features) + f) * 4), value);
                }
            }

            stream.Write(block, 0, n * features * 4);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {rows} x {features} float32, {stream.Length} bytes"));
        return 0;
    }
}
