using System.Buffers.Binary;
using System.Text;

namespace Sieve.Core.Tests.Fuzzing;

/// <summary>
/// Derives a damaged input from a valid one, reproducibly from a seed: the damage real files suffer
/// (bit rot, truncated copies, a block written twice or lost) and the values that break naive
/// parsers (huge numbers, NaN/inf text, sizes declared far beyond the file).
/// </summary>
internal static class Mutator
{
    /// <summary>The kinds of damage, in the order <see cref="Mutate"/> draws them.</summary>
    public static readonly string[] Kinds =
        ["bit flips", "truncation", "duplicated range", "deleted range", "huge number", "NaN/inf text", "huge declared size", "random bytes"];

    private static readonly string[] HugeNumbers =
        ["1e308", "-1e309", "99999999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1e-400", "4294967296", "0x7fffffff"];

    private static readonly string[] NonFinite = ["NaN", "nan", "inf", "-inf", "Infinity", "-Infinity", "+inf", "1.#INF", "NaN(0x1)"];

    /// <summary>One mutation of <paramref name="seed"/>; <paramref name="kind"/> says which.</summary>
    public static byte[] Mutate(byte[] seed, Random random, out string kind)
    {
        int k = random.Next(Kinds.Length);
        kind = Kinds[k];
        return k switch
        {
            0 => BitFlips(seed, random),
            1 => seed[..random.Next(seed.Length)],
            2 => Duplicated(seed, random),
            3 => Deleted(seed, random),
            4 => ReplaceNumber(seed, random, HugeNumbers),
            5 => ReplaceNumber(seed, random, NonFinite),
            6 => HugeSize(seed, random),
            _ => RandomBytes(seed, random),
        };
    }

    private static byte[] BitFlips(byte[] seed, Random random)
    {
        byte[] copy = (byte[])seed.Clone();
        int flips = 1 + random.Next(8);
        for (int i = 0; i < flips && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static (int Start, int Length) Range(byte[] seed, Random random)
    {
        int start = random.Next(seed.Length + 1);
        int length = random.Next(1 + Math.Min(seed.Length - start, random.Next(2) == 0 ? 16 : 4096));
        return (start, length);
    }

    private static byte[] Duplicated(byte[] seed, Random random)
    {
        (int start, int length) = Range(seed, random);
        return [.. seed.AsSpan(0, start + length), .. seed.AsSpan(start, length), .. seed.AsSpan(start + length)];
    }

    private static byte[] Deleted(byte[] seed, Random random)
    {
        (int start, int length) = Range(seed, random);
        return [.. seed.AsSpan(0, start), .. seed.AsSpan(start + length)];
    }

    // A run of digits (a number in text, or digits inside a binary header) replaced by another text.
    private static byte[] ReplaceNumber(byte[] seed, Random random, string[] texts)
    {
        if (seed.Length == 0)
        {
            return seed;
        }

        int at = random.Next(seed.Length);
        int start = -1;
        for (int i = 0; i < seed.Length; i++)
        {
            int p = (at + i) % seed.Length;
            if (seed[p] is >= (byte)'0' and <= (byte)'9')
            {
                start = p;
                break;
            }
        }

        if (start < 0)
        {
            return BitFlips(seed, random);
        }

        while (start > 0 && IsNumberByte(seed[start - 1]))
        {
            start--;
        }

        int end = start;
        while (end < seed.Length && IsNumberByte(seed[end]))
        {
            end++;
        }

        byte[] text = Encoding.ASCII.GetBytes(texts[random.Next(texts.Length)]);
        return [.. seed.AsSpan(0, start), .. text, .. seed.AsSpan(end)];
    }

    private static bool IsNumberByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-' or (byte)'+';

    // A 2, 4 or 8-byte field overwritten with a size far beyond the file (lengths, counts, offsets of a binary header).
    private static byte[] HugeSize(byte[] seed, Random random)
    {
        byte[] copy = (byte[])seed.Clone();
        int width = random.Next(3) switch { 0 => 2, 1 => 4, _ => 8 };
        if (copy.Length < width)
        {
            return copy;
        }

        // Most format fields sit early (headers); favour the first kilobyte.
        int limit = random.Next(2) == 0 ? Math.Min(copy.Length - width, 1024) : copy.Length - width;
        int at = random.Next(limit + 1);
        ulong value = random.Next(4) switch
        {
            0 => ulong.MaxValue,
            1 => 0x7FFFFFFF,
            2 => 0x80000000,
            _ => (ulong)random.NextInt64(1L << 20, long.MaxValue),
        };
        Span<byte> span = copy.AsSpan(at, width);
        bool bigEndian = random.Next(2) == 0; // ROOT and HDF5 disagree on byte order
        switch (width)
        {
            case 2 when bigEndian: BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value); break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case 4 when bigEndian: BinaryPrimitives.WriteUInt32BigEndian(span, (uint)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
            case 8 when bigEndian: BinaryPrimitives.WriteUInt64BigEndian(span, value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(span, value); break;
        }

        return copy;
    }

    private static byte[] RandomBytes(byte[] seed, Random random)
    {
        byte[] copy = (byte[])seed.Clone();
        if (copy.Length == 0)
        {
            return copy;
        }

        int start = random.Next(copy.Length);
        random.NextBytes(copy.AsSpan(start, Math.Min(copy.Length - start, 1 + random.Next(64))));
        return copy;
    }
}
