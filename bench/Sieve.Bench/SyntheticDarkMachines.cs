using System.Globalization;
using System.Text;
using Sieve.Core.Events;
using Sieve.IO.DarkMachines;

namespace Sieve.Bench;

/// <summary>
/// `synth-darkmachines FROM BYTES OUT [SEED]`: a DarkMachines-format file of at least BYTES bytes
/// whose events are the real ones of FROM, each drawn at random and varied (scaled in energy by
/// exp(N(0, 0.1)), rotated in phi, shifted in eta by N(0, 0.1) with E recomputed from the object's
/// mass), written with six significant digits as the challenge files are. Nothing repeats, so a
/// general-purpose compressor cannot win by finding the source file again in its window, as it
/// would on a file made by repeating one; the marginals and the correlations between objects stay
/// those of real events.
/// </summary>
internal static class SyntheticDarkMachines
{
    private const int EventsPerBlock = 20_000;

    public static int Run(string from, long bytes, string output, int seed)
    {
        Event[] source = [.. DarkMachinesReader.Read(from)];
        if (source.Length == 0)
        {
            throw new ArgumentException($"{from} holds no events.");
        }

        int threads = Environment.ProcessorCount;
        long written = 0;
        int block = 0;
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            while (written < bytes)
            {
                var texts = new byte[threads * 2][];
                int first = block;
                Parallel.For(0, texts.Length, i => texts[i] = Block(source, seed, first + i));
                foreach (byte[] text in texts)
                {
                    stream.Write(text);
                    written += text.Length;
                    block++;
                    if (written >= bytes)
                    {
                        break;
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: {written} bytes, {(long)block * EventsPerBlock} events"));
        return 0;
    }

    // One block of events, from its own seed: the file does not depend on the number of threads.
    private static byte[] Block(Event[] source, int seed, int block)
    {
        var rng = new Random(HashCode.Combine(seed, block));
        var text = new StringBuilder(EventsPerBlock * 260);
        long id = (long)block * EventsPerBlock;
        for (int n = 0; n < EventsPerBlock; n++, id++)
        {
            Event e = source[rng.Next(source.Length)];
            double scale = Math.Exp(0.1 * Gaussian(rng));
            double rotation = (rng.NextDouble() * 2 * Math.PI) - Math.PI;
            double shift = 0.1 * Gaussian(rng);
            text.Append(id.ToString(CultureInfo.InvariantCulture)).Append(';').Append(e.ProcessId).Append(';').Append(G6(e.Weight)).Append(';')
                .Append(G6(e.Met * scale * 1000)).Append(';').Append(G6(Kinematics.WrapPhi(e.MetPhi + rotation))).Append(';');
            foreach (PhysicsObject o in e.Objects)
            {
                double eta = Math.Clamp(o.Eta + shift, -4.9, 4.9);
                double massSquared = Math.Max(0, (o.E * o.E) - Math.Pow(o.Pt * Math.Cosh(o.Eta), 2));
                double energy = scale * Math.Sqrt(massSquared + Math.Pow(o.Pt * Math.Cosh(eta), 2));
                text.Append(o.Kind.Code()).Append(',').Append(G6(energy * 1000)).Append(',').Append(G6(o.Pt * scale * 1000)).Append(',')
                    .Append(G6(eta)).Append(',').Append(G6(Kinematics.WrapPhi(o.Phi + rotation))).Append(';');
            }

            text.Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    // Six significant digits, lower-case exponent: how the challenge files print numbers.
    private static string G6(double x) => x.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
