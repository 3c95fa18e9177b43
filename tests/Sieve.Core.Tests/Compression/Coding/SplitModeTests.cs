using Sieve.Compression.Coding;
using Xunit.Abstractions;

namespace Sieve.Core.Tests.Compression.Coding;

/// <summary>Block mode 5 (<see cref="ModelKind.Split"/>): high bits modelled, low bits raw.</summary>
public class SplitModeTests(ITestOutputHelper output)
{
    private const byte SplitMode = 5;
    private const byte SmoothMode = 4;

    private static readonly ModelKind[] SingleKinds = [ModelKind.Static, ModelKind.Adaptive, ModelKind.Smooth, ModelKind.Split];

    public static TheoryData<ModelKind> SplitAndBest() => new() { ModelKind.Split, ModelKind.Best };

    [Theory]
    [MemberData(nameof(SplitAndBest))]
    public void Fuzzed_wide_streams_round_trip_exactly(ModelKind kind)
    {
        var rng = new Random(5000 + (int)kind);
        for (int trial = 0; trial < 90; trial++)
        {
            int length = trial < 9 ? 1 + (trial % 3) : rng.Next(1, 5001);
            int[] symbols = (trial % 3) switch
            {
                0 => Uniform(rng, length, widthLog2: 15 + (trial / 3 % 18)),
                1 => Gaussian(rng, length, sigma: Math.Pow(10, 4 + (trial / 3 % 6))),
                _ => SymbolStreams.DistinctSubset(rng, SymbolStreams.RowCount, Math.Min(length, SymbolStreams.RowCount)),
            };

            byte[] block = EntropyCoder.Encode(symbols, kind);

            Assert.Equal(symbols, EntropyCoder.Decode(block));
            if (kind == ModelKind.Split && Range(symbols) > 4096)
            {
                Assert.Equal(SplitMode, block[2]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SplitAndBest))]
    public void Full_int_range_with_both_extremes_round_trips(ModelKind kind)
    {
        var rng = new Random(11);
        foreach (int length in new[] { 2, 3, 100, 5000 })
        {
            int[] symbols = Uniform(rng, length, widthLog2: 32);
            symbols[rng.Next(length)] = int.MinValue;
            symbols[(symbols.AsSpan().IndexOf(int.MinValue) + 1) % length] = int.MaxValue;

            byte[] block = EntropyCoder.Encode(symbols, kind);

            Assert.Equal(symbols, EntropyCoder.Decode(block));
        }

        int[] extremes = [int.MaxValue, int.MinValue, int.MinValue, int.MaxValue, 0, -1];
        byte[] split = EntropyCoder.Encode(extremes, ModelKind.Split);
        Assert.Equal(SplitMode, split[2]);
        Assert.Equal(20, LowBits(split)); // (2^32 - 1) >> 20 = 4095
        Assert.Equal(extremes, EntropyCoder.Decode(split));
    }

    [Fact]
    public void Row_numbers_cost_close_to_their_entropy()
    {
        int[] rows = SymbolStreams.Make("rows", 27_945, seed: 42);
        var sizes = SingleKinds.ToDictionary(k => k, k => EntropyCoder.Encode(rows, k).Length);
        byte[] best = EntropyCoder.Encode(rows, ModelKind.Best);
        double ideal = rows.Length * Math.Log2(SymbolStreams.RowCount) / 8;
        output.WriteLine($"Static {sizes[ModelKind.Static]} B, Adaptive {sizes[ModelKind.Adaptive]} B, Smooth {sizes[ModelKind.Smooth]} B, " +
            $"Split {sizes[ModelKind.Split]} B, Best {best.Length} B (mode {best[2]}), ideal {ideal:F0} B");

        Assert.Equal(rows, EntropyCoder.Decode(best));
        Assert.Equal(SplitMode, best[2]);
        Assert.Equal(6, LowBits(best)); // 139,722 >> 6 = 2183 < 4096 <= 139,722 >> 5
        Assert.True(best.Length <= (ideal * 1.01) + 100, $"best block {best.Length} B, ideal {ideal:F0} B");
        Assert.True(best.Length < 0.8 * sizes[ModelKind.Static], $"best {best.Length} B against static {sizes[ModelKind.Static]} B");
    }

    [Fact]
    public void Best_is_never_larger_than_any_single_kind()
    {
        var rng = new Random(17);
        var streams = new List<(string Name, int[] Symbols)>();
        foreach (string kind in SymbolStreams.Kinds)
        {
            streams.Add((kind, SymbolStreams.Make(kind, 3000, seed: kind.Length)));
        }

        streams.Add(("rows", SymbolStreams.Make("rows", 3000, seed: 1)));
        streams.Add(("uniform 2^20", Uniform(rng, 3000, widthLog2: 20)));
        streams.Add(("uniform 2^32", Uniform(rng, 3000, widthLog2: 32)));
        streams.Add(("gaussian 1e6", Gaussian(rng, 3000, sigma: 1e6)));
        streams.Add(("range 4096", Uniform(rng, 3000, widthLog2: 12)));
        streams.Add(("range 4097", [.. Enumerable.Range(0, 2999).Select(_ => rng.Next(0, 4096)), 0, 4096]));

        foreach ((string name, int[] symbols) in streams)
        {
            int best = EntropyCoder.Encode(symbols, ModelKind.Best).Length;
            foreach (ModelKind kind in SingleKinds)
            {
                int single = EntropyCoder.Encode(symbols, kind).Length;
                Assert.True(best <= single, $"{name}: Best {best} B, {kind} {single} B");
            }
        }
    }

    [Fact]
    public void Split_of_a_narrow_range_is_a_smooth_block()
    {
        var rng = new Random(3);
        int[] narrow = [.. Enumerable.Range(0, 3000).Select(_ => rng.Next(-2048, 2048))];
        narrow[0] = -2048;
        narrow[1] = 2047; // range exactly 4096: k would be 0

        byte[] split = EntropyCoder.Encode(narrow, ModelKind.Split);

        Assert.Equal(SmoothMode, split[2]);
        Assert.Equal(EntropyCoder.Encode(narrow, ModelKind.Smooth), split);

        narrow[1] = 2048; // range 4097: the smallest split, k = 1
        byte[] wider = EntropyCoder.Encode(narrow, ModelKind.Split);

        Assert.Equal(SplitMode, wider[2]);
        Assert.Equal(1, LowBits(wider));
        Assert.Equal(narrow, EntropyCoder.Decode(wider));
    }

    [Fact]
    public void Split_block_layout_is_min_then_k_then_smooth_model()
    {
        int[] symbols = [-100, 9900, 5000, -100, 200];

        byte[] block = EntropyCoder.Encode(symbols, ModelKind.Split);

        Assert.Equal(new byte[] { 0xEC, 1, SplitMode, 5 }, block[..4]);
        int at = 4;
        Assert.Equal(-100, ZigZag(ReadVarint(block, ref at)));
        Assert.Equal(2, block[at++]); // 10,000 >> 1 = 5000 >= 4096; >> 2 = 2500
        var high = SmoothModel.Deserialise(block.AsSpan(at), out _);
        Assert.Equal((0, 2501, false), (high.Lowest, high.Span, high.HasEscape));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(255)]
    public void A_low_bit_count_outside_1_to_31_is_refused(byte k)
    {
        byte[] block = SplitBlock(out int kAt);
        block[kAt] = k;

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc(block)));

        Assert.Equal(kAt, e.Offset);
        Assert.Contains("low-bit count", e.Message);
    }

    [Fact]
    public void A_high_part_model_not_starting_at_0_is_refused()
    {
        byte[] block = SplitBlock(out int kAt);
        Assert.Equal(0, block[kAt + 1]); // zigzag(0): the model's lowest high part
        block[kAt + 1] = 2; // lowest 1

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc(block)));

        Assert.Equal(kAt + 1, e.Offset);
        Assert.Contains("high-part model window", e.Message);
    }

    [Fact]
    public void A_minimum_that_pushes_symbols_past_int_MaxValue_is_refused()
    {
        // 0..139,722 shifted to start near int.MaxValue: the largest values no longer fit in an int.
        byte[] block = SplitBlock(out _);
        byte[] forged = ReplaceMinimum(block, int.MaxValue - 1000);

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc(forged)));

        Assert.Contains("above int.MaxValue", e.Message);
        Assert.True(e.Offset > 10 && e.Offset < forged.Length, $"offset {e.Offset} is not in the payload");
    }

    [Fact]
    public void A_count_the_payload_cannot_hold_at_k_bits_a_symbol_is_refused()
    {
        // 2000 symbols at k = 6 raw bits each, plus about 11 modelled: the payload is about
        // 4,300 bytes, so it cannot hold 6,000 symbols (which the general 2^-16-bit bound allows).
        byte[] block = SplitBlock(out _);
        byte[] forged = ReplaceCount(block, 6000);

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc(forged)));

        Assert.Equal(3, e.Offset);
        Assert.Contains("cannot fit in a payload", e.Message);
    }

    [Fact]
    public void Truncations_and_bit_flips_of_a_row_number_block_throw()
    {
        byte[] block = EntropyCoder.Encode(SymbolStreams.Make("rows", 400, seed: 8), ModelKind.Split);
        Assert.Equal(SplitMode, block[2]);

        for (int length = 0; length < block.Length; length++)
        {
            Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(block.AsSpan(0, length)));
            Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrcOrSame(block[..length])));
        }

        for (int bit = 0; bit < block.Length * 8; bit++)
        {
            byte[] damaged = (byte[])block.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(damaged));
        }
    }

    [Fact]
    public void Forged_checksum_damage_of_wide_blocks_throws_only_entropy_block_exceptions()
    {
        var rng = new Random(21);
        int[][] streams = [SymbolStreams.Make("rows", 1500, seed: 5), Uniform(rng, 1500, widthLog2: 32), Gaussian(rng, 1500, sigma: 1e7)];
        int thrown = 0;
        int trials = 0;
        foreach (int[] symbols in streams)
        {
            byte[] block = EntropyCoder.Encode(symbols, ModelKind.Split);
            Assert.Equal(SplitMode, block[2]);
            for (int trial = 0; trial < 300; trial++, trials++)
            {
                byte[] damaged = (byte[])block.Clone();
                for (int f = 1 + rng.Next(3); f > 0; f--)
                {
                    // Half in the header, k and model, half anywhere.
                    int at = rng.Next(2) == 0 ? rng.Next(Math.Min(40, damaged.Length - 4)) : rng.Next(damaged.Length - 4);
                    damaged[at] ^= (byte)(1 << rng.Next(8));
                }

                try
                {
                    int[] decoded = EntropyCoder.Decode(SymbolStreams.WithFixedCrc(damaged), maxSymbols: 1 << 20);
                    Assert.True(decoded.Length <= 1 << 20);
                }
                catch (EntropyBlockException)
                {
                    thrown++;
                }
            }
        }

        output.WriteLine($"{thrown} of {trials} forged blocks rejected");
        Assert.True(thrown > trials / 4, $"only {thrown} of {trials} forged blocks were rejected");
    }

    private static byte[] SplitBlock(out int kAt)
    {
        int[] symbols = SymbolStreams.Make("rows", 2000, seed: 12);
        symbols[0] = 0;
        symbols[1] = SymbolStreams.RowCount - 1; // k = 6
        byte[] block = EntropyCoder.Encode(symbols, ModelKind.Split);
        Assert.Equal(SplitMode, block[2]);
        kAt = 3;
        ReadVarint(block, ref kAt);
        ReadVarint(block, ref kAt);
        Assert.Equal(6, block[kAt]);
        return block;
    }

    private static byte[] ReplaceMinimum(byte[] block, int minimum)
    {
        int start = 3;
        ReadVarint(block, ref start);
        int end = start;
        ReadVarint(block, ref end);
        uint z = (uint)((minimum << 1) ^ (minimum >> 31));
        return [.. block[..start], .. Varint(z), .. block[end..]];
    }

    private static byte[] ReplaceCount(byte[] block, uint count)
    {
        int end = 3;
        ReadVarint(block, ref end);
        return [.. block[..3], .. Varint(count), .. block[end..]];
    }

    private static int LowBits(byte[] block)
    {
        int at = 3;
        ReadVarint(block, ref at); // count
        ReadVarint(block, ref at); // zigzag minimum
        return block[at];
    }

    private static uint ReadVarint(byte[] bytes, ref int at)
    {
        uint value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static byte[] Varint(uint value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static int ZigZag(uint z) => (int)(z >> 1) ^ -(int)(z & 1);

    private static long Range(int[] symbols) => (long)symbols.Max() - symbols.Min() + 1;

    // Uniform over 2^widthLog2 consecutive ints placed at a random offset inside the int range.
    private static int[] Uniform(Random rng, int length, int widthLog2)
    {
        long width = 1L << widthLog2;
        long lowest = int.MinValue + rng.NextInt64((1L << 32) - width + 1);
        return [.. Enumerable.Range(0, length).Select(_ => (int)(lowest + rng.NextInt64(width)))];
    }

    private static int[] Gaussian(Random rng, int length, double sigma)
    {
        double centre = rng.Next(-1_000_000, 1_000_000);
        return [.. Enumerable.Range(0, length).Select(_ =>
        {
            double u1 = 1.0 - rng.NextDouble();
            double u2 = rng.NextDouble();
            double v = centre + (sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            return (int)Math.Clamp(Math.Round(v), int.MinValue, int.MaxValue);
        })];
    }
}
