using Sieve.Compression.Coding;
using Xunit.Abstractions;

namespace Sieve.Core.Tests.Compression.Coding;

public class EntropyCoderTests(ITestOutputHelper output)
{
    public static TheoryData<string, ModelKind> KindsAndModels()
    {
        var data = new TheoryData<string, ModelKind>();
        foreach (string kind in SymbolStreams.Kinds)
        {
            data.Add(kind, ModelKind.Static);
            data.Add(kind, ModelKind.Adaptive);
            data.Add(kind, ModelKind.Smooth);
            data.Add(kind, ModelKind.Split);
            data.Add(kind, ModelKind.Best);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndModels))]
    public void Round_trip_is_exact_for_seeded_streams_of_random_length(string kind, ModelKind model)
    {
        var rng = new Random(HashCode.Combine(kind.Length, kind[0], (int)model) & 0x7FFF);
        int[] lengths = [0, 1, 2, 3, 17, rng.Next(100, 1000), rng.Next(0, 100_001), 100_000];
        foreach (int length in lengths)
        {
            int[] symbols = SymbolStreams.Make(kind, length, seed: length + 7);

            byte[] block = EntropyCoder.Encode(symbols, model);

            Assert.Equal(symbols, EntropyCoder.Decode(block));
        }
    }

    [Fact]
    public void Fuzz_round_trip_over_random_kinds_lengths_and_models()
    {
        var rng = new Random(2024);
        for (int trial = 0; trial < 40; trial++)
        {
            string kind = SymbolStreams.Kinds[rng.Next(SymbolStreams.Kinds.Length)];
            int length = rng.Next(4) == 0 ? rng.Next(0, 100_001) : rng.Next(0, 3000);
            var model = (ModelKind)rng.Next(2);
            int[] symbols = SymbolStreams.Make(kind, length, rng.Next());

            Assert.Equal(symbols, EntropyCoder.Decode(EntropyCoder.Encode(symbols, model)));
        }
    }

    [Fact]
    public void Empty_and_single_symbol_blocks_are_tiny()
    {
        byte[] empty = EntropyCoder.Encode([]);
        byte[] one = EntropyCoder.Encode([-5]);
        byte[] constant = EntropyCoder.Encode(Enumerable.Repeat(42, 100_000).ToArray());

        Assert.Equal(8, empty.Length); // magic, version, mode, count 0, CRC
        Assert.Empty(EntropyCoder.Decode(empty));
        Assert.Equal([-5], EntropyCoder.Decode(one));
        Assert.True(constant.Length <= 12, $"constant block is {constant.Length} bytes");
        Assert.All(EntropyCoder.Decode(constant), s => Assert.Equal(42, s));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(8.0)]
    [InlineData(40.0)]
    public void Static_model_is_within_one_percent_of_the_empirical_entropy(double sigma)
    {
        var rng = new Random(11);
        int[] symbols = Enumerable.Range(0, 100_000).Select(_ => SymbolStreams.Gaussian(rng, sigma)).ToArray();
        double entropyBytes = symbols.Length * SymbolStreams.EntropyBits(symbols) / 8;
        int modelBytes = FrequencyModel.FromSymbols(symbols).Serialise().Length;

        byte[] block = EntropyCoder.Encode(symbols, ModelKind.Static);

        // Framing: magic, version, mode, count varint (3 bytes), CRC (4), range-coder flush (4).
        const int framing = 3 + 3 + 4 + 4;
        output.WriteLine($"sigma {sigma}: N*H = {entropyBytes:F0} B, block {block.Length} B (model {modelBytes} B), " +
                         $"payload/entropy = {(block.Length - modelBytes - framing) / entropyBytes:F5}");
        Assert.True(block.Length <= (entropyBytes * 1.01) + modelBytes + framing,
            $"block {block.Length} B vs N*H {entropyBytes:F0} B + model {modelBytes} B");
    }

    [Fact]
    public void Adaptive_model_beats_static_on_a_drifting_stream()
    {
        int[] symbols = SymbolStreams.Make("drifting", 100_000, seed: 5);

        int adaptive = EntropyCoder.Encode(symbols, ModelKind.Adaptive).Length;
        int stat = EntropyCoder.Encode(symbols, ModelKind.Static).Length;

        output.WriteLine($"drifting: adaptive {adaptive} B, static {stat} B");
        Assert.True(adaptive < stat * 0.8, $"adaptive {adaptive} B, static {stat} B");
    }

    [Fact]
    public void Range_coder_beats_zstd_19_on_varint_gaussian_symbols()
    {
        var rng = new Random(3);
        var table = new List<string>();
        foreach (double sigma in new[] { 1.0, 4.0, 16.0, 64.0 })
        {
            int[] symbols = Enumerable.Range(0, 100_000).Select(_ => SymbolStreams.Gaussian(rng, sigma)).ToArray();
            byte[] varints = ZigZagVarints(symbols);
            int zstd = new ZstdSharp.Compressor(19).Wrap(varints).Length;
            int range = EntropyCoder.Encode(symbols, ModelKind.Static).Length;
            double entropy = symbols.Length * SymbolStreams.EntropyBits(symbols) / 8;
            table.Add($"sigma {sigma,4}: N*H {entropy,8:F0} B | range coder {range,7} B | zstd-19 on varints {zstd,7} B | raw varints {varints.Length,7} B");

            Assert.True(range < zstd, $"sigma {sigma}: range coder {range} B, zstd {zstd} B");
        }

        output.WriteLine(string.Join(Environment.NewLine, table));
    }

    [Fact]
    public void Outliers_cost_about_their_bit_length_not_a_wider_model()
    {
        var rng = new Random(8);
        int[] symbols = Enumerable.Range(0, 10_000).Select(_ => SymbolStreams.Gaussian(rng, 4)).ToArray();
        symbols[100] = int.MaxValue;
        symbols[200] = int.MinValue;
        symbols[300] = 1_000_000;
        int clean = EntropyCoder.Encode(symbols.Select(s => Math.Clamp(s, -1000, 1000)).ToArray()).Length;

        int withOutliers = EntropyCoder.Encode(symbols).Length;

        Assert.True(withOutliers - clean < 40, $"three outliers cost {withOutliers - clean} B");
    }

    [Fact]
    public void Too_many_symbols_are_refused_on_decode()
    {
        byte[] block = EntropyCoder.Encode(Enumerable.Range(0, 1000).ToArray());

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(block, maxSymbols: 999));

        Assert.Contains("1000", e.Message);
    }

    [Fact]
    public void Unknown_model_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EntropyCoder.Encode([1, 2], (ModelKind)7));
    }

    internal static byte[] ZigZagVarints(int[] symbols)
    {
        var bytes = new List<byte>(symbols.Length * 2);
        foreach (int s in symbols)
        {
            uint z = (uint)((s << 1) ^ (s >> 31));
            while (z >= 0x80)
            {
                bytes.Add((byte)(z | 0x80));
                z >>= 7;
            }

            bytes.Add((byte)z);
        }

        return [.. bytes];
    }
}
