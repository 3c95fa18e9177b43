namespace Sieve.Core.Tests.Compression.Coding;

/// <summary>Seeded symbol streams for the coder tests: the distributions the brief asks for.</summary>
internal static class SymbolStreams
{
    public static readonly string[] Kinds =
        ["uniform", "wide-uniform", "geometric", "gaussian", "constant", "alternating", "extreme", "negative", "outliers", "drifting"];

    /// <summary>Row numbers a jet table keeps: 27,945 of them out of 139,723 rows.</summary>
    public const int RowCount = 139_723;

    public static int[] Make(string kind, int length, int seed)
    {
        var rng = new Random(seed);
        if (kind == "rows")
        {
            // Distinct values without replacement, in random order: not in Kinds, because the
            // stream cannot be longer than RowCount.
            return DistinctSubset(rng, RowCount, length);
        }

        var s = new int[length];
        int a = rng.Next(-1000, 1000);
        for (int i = 0; i < length; i++)
        {
            s[i] = kind switch
            {
                "uniform" => rng.Next(-50, 50),
                "wide-uniform" => rng.Next(-100_000, 100_000),
                "geometric" => Geometric(rng, 0.3),
                "gaussian" => Gaussian(rng, 8.0),
                "constant" => a,
                "alternating" => (i & 1) == 0 ? a : -a - 1,
                "extreme" => rng.Next(4) switch { 0 => int.MinValue, 1 => int.MaxValue, 2 => 0, _ => rng.Next() - (rng.Next() / 2) },
                "negative" => -1 - Geometric(rng, 0.1),
                "outliers" => rng.NextDouble() < 0.01 ? rng.Next(int.MinValue, int.MaxValue) : Gaussian(rng, 3.0),
                "drifting" => Gaussian(rng, 2.0) + (i / 500),
                _ => throw new ArgumentException(kind),
            };
        }

        return s;
    }

    /// <summary><paramref name="length"/> distinct values of [0, <paramref name="range"/>) in random order (partial Fisher-Yates).</summary>
    public static int[] DistinctSubset(Random rng, int range, int length)
    {
        int[] all = Enumerable.Range(0, range).ToArray();
        for (int i = 0; i < length; i++)
        {
            int j = rng.Next(i, range);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..length];
    }

    public static int Gaussian(Random rng, double sigma)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return (int)Math.Round(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public static int Geometric(Random rng, double p) =>
        (int)Math.Floor(Math.Log(1.0 - rng.NextDouble()) / Math.Log(1 - p));

    /// <summary>Empirical entropy of the stream in bits per symbol, from its histogram.</summary>
    public static double EntropyBits(int[] symbols)
    {
        var counts = new Dictionary<int, int>();
        foreach (int s in symbols)
        {
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }

        double h = 0;
        foreach (int c in counts.Values)
        {
            double p = (double)c / symbols.Length;
            h -= p * Math.Log2(p);
        }

        return h;
    }

    /// <summary>CRC-32 (IEEE), written independently of the library's, to forge blocks with a valid checksum.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }

    /// <summary>Replaces the trailing CRC so the parser, not the checksum, has to catch the damage.</summary>
    public static byte[] WithFixedCrc(byte[] block)
    {
        byte[] copy = (byte[])block.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), Crc32(copy.AsSpan(0, copy.Length - 4)));
        return copy;
    }

    /// <summary>Fixes the CRC when there is room for one; shorter inputs are returned as they are.</summary>
    public static byte[] WithFixedCrcOrSame(byte[] bytes) => bytes.Length >= 4 ? WithFixedCrc(bytes) : bytes;
}
