using Sieve.Compression.Coding;

namespace Sieve.Core.Tests.Compression.Coding;

/// <summary>
/// Damaged blocks must throw <see cref="EntropyBlockException"/>, never loop, never over-allocate.
/// The CRC catches plain damage; the "forged CRC" tests recompute it so the parser itself is tested.
/// </summary>
public class EntropyBlockCorruptionTests
{
    public static TheoryData<string, ModelKind> Blocks() => new()
    {
        { "gaussian", ModelKind.Static },
        { "gaussian", ModelKind.Adaptive },
        { "outliers", ModelKind.Static },
        { "outliers", ModelKind.Adaptive },
        { "constant", ModelKind.Static },
        { "gaussian", ModelKind.Smooth },
        { "outliers", ModelKind.Smooth },
        { "extreme", ModelKind.Smooth },
        { "constant", ModelKind.Smooth },
        { "gaussian", ModelKind.Best },
        { "outliers", ModelKind.Best },
        { "wide-uniform", ModelKind.Split },
        { "extreme", ModelKind.Split },
        { "outliers", ModelKind.Split },
        { "rows", ModelKind.Split },
        { "gaussian", ModelKind.Split },
        { "constant", ModelKind.Split },
        { "wide-uniform", ModelKind.Best },
        { "rows", ModelKind.Best },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_truncation_throws(string kind, ModelKind model)
    {
        byte[] block = EntropyCoder.Encode(SymbolStreams.Make(kind, 300, seed: 1), model);

        for (int length = 0; length < block.Length; length++)
        {
            Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(block.AsSpan(0, length)));
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_single_bit_flip_throws(string kind, ModelKind model)
    {
        byte[] block = EntropyCoder.Encode(SymbolStreams.Make(kind, 300, seed: 2), model);

        for (int bit = 0; bit < block.Length * 8; bit++)
        {
            byte[] damaged = (byte[])block.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(damaged));
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Forged_checksum_damage_throws_or_decodes_boundedly(string kind, ModelKind model)
    {
        int[] symbols = SymbolStreams.Make(kind, 2000, seed: 3);
        byte[] block = EntropyCoder.Encode(symbols, model);
        var rng = new Random(4);
        int thrown = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            byte[] damaged = (byte[])block.Clone();
            int flips = 1 + rng.Next(3);
            for (int f = 0; f < flips; f++)
            {
                // Half the flips in the first bytes (header and model), half anywhere.
                int at = rng.Next(2) == 0 ? rng.Next(Math.Min(24, damaged.Length - 4)) : rng.Next(damaged.Length - 4);
                damaged[at] ^= (byte)(1 << rng.Next(8));
            }

            damaged = SymbolStreams.WithFixedCrc(damaged);
            try
            {
                int[] decoded = EntropyCoder.Decode(damaged, maxSymbols: 1 << 20);
                Assert.True(decoded.Length <= 1 << 20);
            }
            catch (EntropyBlockException)
            {
                thrown++;
            }
        }

        // Most damage is caught even without the CRC (count, model sum, payload length checks).
        Assert.True(thrown > 100, $"only {thrown} of 400 forged blocks were rejected");
    }

    [Fact]
    public void Random_bytes_throw()
    {
        var rng = new Random(9);
        for (int trial = 0; trial < 200; trial++)
        {
            var bytes = new byte[rng.Next(0, 200)];
            rng.NextBytes(bytes);
            if (bytes.Length > 0 && trial % 2 == 0)
            {
                bytes[0] = 0xEC;
            }

            Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrcOrSame(bytes)));
        }
    }

    [Fact]
    public void A_huge_claimed_count_is_refused_before_allocating()
    {
        // Static block whose count varint says 2^28 - 1 symbols, with a 5-byte payload and a valid CRC.
        byte[] real = EntropyCoder.Encode([1, 2, 1, 2, 3]);
        var forged = new List<byte> { 0xEC, 1, 2, 0xFF, 0xFF, 0xFF, 0x7F };
        forged.AddRange(real.AsSpan(4, real.Length - 8).ToArray()); // model + payload of the real block
        forged.AddRange(new byte[4]);

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc([.. forged])));

        Assert.Contains("symbol count", e.Message);
    }

    [Fact]
    public void Message_names_the_offset_and_problem()
    {
        byte[] block = EntropyCoder.Encode([1, 2, 3]);
        block[0] = 0x00;

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc(block)));

        Assert.Equal(0, e.Offset);
        Assert.Contains("magic", e.Message);
        Assert.Contains("entropy-coded block", e.Message);
    }
}
