using Sieve.Compression.Coding;
using Xunit.Abstractions;

namespace Sieve.Core.Tests.Compression.Coding;

public class SmoothModelTests(ITestOutputHelper output)
{
    private static readonly string[] Shapes = ["gaussian", "uniform", "exponential", "heavy-tails", "outliers", "extremes", "near-max", "near-min"];

    public static TheoryData<ModelKind> SmoothAndBest() => new() { ModelKind.Smooth, ModelKind.Best };

    public static TheoryData<string> ShapeNames()
    {
        var data = new TheoryData<string>();
        foreach (string shape in Shapes)
        {
            data.Add(shape);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmoothAndBest))]
    public void Fuzzed_streams_round_trip_exactly(ModelKind kind)
    {
        var rng = new Random(7000 + (int)kind);
        for (int trial = 0; trial < 120; trial++)
        {
            string shape = Shapes[trial % Shapes.Length];
            int length = trial < 16 ? 1 + (trial % 3) : rng.Next(1, 5001);
            int[] symbols = Fuzzed(shape, length, rng.Next());

            byte[] block = EntropyCoder.Encode(symbols, kind);

            Assert.Equal(symbols, EntropyCoder.Decode(block));
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Serialised_model_rebuilds_identical_frequencies_for_every_bin_width(string shape)
    {
        int[] symbols = Fuzzed(shape, 4000, seed: shape.Length * 31);
        for (int p = 0; p <= SmoothModel.MaxBinWidthLog2; p++)
        {
            var model = SmoothModel.FromSymbols(symbols, p);
            byte[] bytes = model.Serialise();

            var read = SmoothModel.Deserialise([.. bytes, 0xAA, 0x55], out int bytesRead);

            Assert.Equal(bytes.Length, bytesRead);
            Assert.Equal(bytes, read.Serialise());
            Assert.Equal((model.Lowest, model.Span, model.BinWidthLog2), (read.Lowest, read.Span, read.BinWidthLog2));
            Assert.Equal(model.EscapeFrequency, read.EscapeFrequency);
            long sum = read.EscapeFrequency;
            for (long s = model.Lowest; s < (long)model.Lowest + model.Span; s++)
            {
                Assert.Equal(model.Frequency((int)s), read.Frequency((int)s));
                sum += read.Frequency((int)s);
            }

            Assert.Equal(FrequencyModel.Total, sum);
            Assert.All(symbols, s => Assert.True(double.IsFinite(read.CodeLengthBits(s)), $"symbol {s} is uncodable with p = {p}"));
        }
    }

    [Theory]
    // lowest 0, span 5, bins of 2 with log counts 1, 2, 20 (the last bin one symbol wide), no escape.
    [InlineData(new byte[] { 0, 5, 1, 1, 2, 20, 0 }, new[] { 4503, 4503, 4911, 4910, 46709 }, 0)]
    // The same with an escape of log count 3: the leftover units fall to the largest remainders.
    [InlineData(new byte[] { 0, 5, 1, 1, 2, 20, 3 }, new[] { 4502, 4502, 4910, 4910, 46701 }, 11)]
    // lowest -2, span 3, the largest log counts (241 = 2^46 decoded): weights near 2^56 need 128-bit sums.
    [InlineData(new byte[] { 3, 3, 1, 0xF1, 0x01, 0xF1, 0x01, 0xF1, 0x01 }, new[] { 16376, 16376, 32751 }, 33)]
    public void Frequencies_match_values_computed_independently(byte[] bytes, int[] expected, int escape)
    {
        // Expected values come from a separate big-integer implementation of the remarks' recipe, so
        // this pins the decoder's arithmetic: any platform must rebuild exactly these frequencies.
        var model = SmoothModel.Deserialise(bytes, out int bytesRead);

        Assert.Equal(bytes.Length, bytesRead);
        Assert.Equal(expected, Enumerable.Range(model.Lowest, model.Span).Select(model.Frequency).ToArray());
        Assert.Equal(escape, model.EscapeFrequency);
    }

    [Fact]
    public void Bins_share_their_weight_and_empty_bins_get_nothing()
    {
        // Symbols 0..3 and 32..35 with nothing between: bins of 8 leave bins 1-3 empty.
        int[] symbols = [.. Enumerable.Range(0, 4000).Select(i => (i % 4) + (i % 3 == 0 ? 32 : 0))];

        var model = SmoothModel.FromSymbols(symbols, 3);

        Assert.Equal(36, model.Span);
        for (int s = 8; s < 32; s++)
        {
            Assert.Equal(0, model.Frequency(s));
        }

        for (int bin = 0; bin < model.Span; bin += 8)
        {
            int[] f = [.. Enumerable.Range(bin, Math.Min(8, model.Span - bin)).Select(model.Frequency)];
            Assert.True(f.Max() - f.Min() <= 1, $"bin at {bin}: frequencies {string.Join(", ", f)}");
        }

        Assert.False(model.HasEscape);
        Assert.Throws<ArgumentOutOfRangeException>(() => SmoothModel.FromSymbols(symbols, SmoothModel.MaxBinWidthLog2 + 1));
        Assert.Throws<ArgumentException>(() => SmoothModel.FromSymbols([], 3));
    }

    [Fact]
    public void Smooth_beats_static_on_a_wide_gaussian_and_stays_near_the_entropy()
    {
        var rng = new Random(50);
        int[] symbols = [.. Enumerable.Range(0, 30_000).Select(_ => SymbolStreams.Gaussian(rng, 50))];
        double ideal = symbols.Length * SymbolStreams.EntropyBits(symbols) / 8;

        int stat = EntropyCoder.Encode(symbols, ModelKind.Static).Length;
        int adaptive = EntropyCoder.Encode(symbols, ModelKind.Adaptive).Length;
        byte[] smoothBlock = EntropyCoder.Encode(symbols, ModelKind.Smooth);
        int best = EntropyCoder.Encode(symbols, ModelKind.Best).Length;
        string perWidth = string.Join(", ", Enumerable.Range(0, 8).Select(p => ModelAndPayload(symbols, p)));

        output.WriteLine($"gaussian sigma 50, N = {symbols.Length}: ideal N*H/8 {ideal:F0} B | static {stat} B | adaptive {adaptive} B | smooth {smoothBlock.Length} B | best {best} B");
        output.WriteLine(perWidth);
        Assert.Equal(4, smoothBlock[2]); // mode byte: smooth
        Assert.True(smoothBlock.Length < stat, $"smooth {smoothBlock.Length} B, static {stat} B");
        Assert.True(smoothBlock.Length <= (ideal * 1.01) + 100, $"smooth {smoothBlock.Length} B vs ideal {ideal:F0} B");
        Assert.Equal(symbols, EntropyCoder.Decode(smoothBlock));
    }

    [Fact]
    public void Best_is_never_larger_than_any_single_model()
    {
        int seed = 0;
        foreach (string kind in SymbolStreams.Kinds)
        {
            foreach (int length in new[] { 1, 40, 3000, 30_000 })
            {
                int[] symbols = SymbolStreams.Make(kind, length, seed++);
                int stat = EntropyCoder.Encode(symbols, ModelKind.Static).Length;
                int adaptive = EntropyCoder.Encode(symbols, ModelKind.Adaptive).Length;
                int smooth = EntropyCoder.Encode(symbols, ModelKind.Smooth).Length;

                byte[] best = EntropyCoder.Encode(symbols, ModelKind.Best);

                Assert.True(best.Length <= Math.Min(stat, Math.Min(adaptive, smooth)),
                    $"{kind} x {length}: best {best.Length} B, static {stat} B, adaptive {adaptive} B, smooth {smooth} B");
                Assert.Equal(symbols, EntropyCoder.Decode(best));
            }
        }
    }

    [Fact]
    public void Empty_and_constant_streams_keep_their_modes()
    {
        foreach (ModelKind kind in new[] { ModelKind.Smooth, ModelKind.Best })
        {
            byte[] empty = EntropyCoder.Encode([], kind);
            byte[] constant = EntropyCoder.Encode(Enumerable.Repeat(-9, 1000).ToArray(), kind);

            Assert.Equal(0, empty[2]);
            Assert.Equal(8, empty.Length);
            Assert.Equal(1, constant[2]);
            Assert.Equal(1000, EntropyCoder.Decode(constant).Length);
        }
    }

    [Theory]
    [MemberData(nameof(SmoothAndBest))]
    public void Column_tables_pass_the_kind_through(ModelKind kind)
    {
        var rng = new Random(12);
        const int dims = 3;
        int[] symbols = new int[2000 * dims];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = (i % dims) switch { 0 => 5, 1 => SymbolStreams.Gaussian(rng, 40), _ => int.MinValue + rng.Next(4) };
        }

        SymbolMatrix decoded = EntropyCoder.DecodeColumns(EntropyCoder.EncodeColumns(symbols, dims, kind));

        Assert.Equal(symbols, decoded.Symbols);
    }

    [Theory]
    [InlineData(new byte[] { 0, 4, 11, 1, 1 }, "bin width")] // p = 11
    [InlineData(new byte[] { 0, 4, 1, 0xF2, 0x01, 1, 0 }, "bin log count")] // c = 242
    [InlineData(new byte[] { 0, 4, 1, 1, 1, 0xF2, 0x01 }, "escape log count")] // escape c = 242
    [InlineData(new byte[] { 0, 4, 1, 0, 1, 0 }, "first bin")]
    [InlineData(new byte[] { 0, 4, 1, 1, 0, 0 }, "last bin")]
    [InlineData(new byte[] { 0, 0, 1, 1, 0 }, "span")] // span 0
    [InlineData(new byte[] { 0, 0x81, 0x80, 0x01, 1 }, "span")] // span 2^14 + 1
    [InlineData(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 2, 0, 1, 1, 0 }, "int.MaxValue")] // lowest int.MaxValue, span 2
    [InlineData(new byte[] { 0, 4, 1, 1 }, "ends")] // truncated
    public void Invalid_models_are_refused_with_a_clear_problem(byte[] bytes, string problem)
    {
        var e = Assert.Throws<EntropyBlockException>(() => SmoothModel.Deserialise(bytes, out _));

        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_smooth_block_whose_model_holds_one_entry_is_refused()
    {
        // Mode 4, a million symbols, model: lowest 0, span 1, p 0, c 1, no escape; a 5-byte payload.
        byte[] forged = [0xEC, 1, 4, 0xC0, 0x84, 0x3D, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.Decode(SymbolStreams.WithFixedCrc(forged)));

        Assert.Contains("whole total", e.Message);
    }

    private static string ModelAndPayload(int[] symbols, int binWidthLog2)
    {
        var model = SmoothModel.FromSymbols(symbols, binWidthLog2);
        var encoder = new RangeEncoder();
        foreach (int s in symbols)
        {
            model.Encode(encoder, s);
        }

        return $"p={binWidthLog2}: model {model.Serialise().Length} B + payload {encoder.Finish().Length} B";
    }

    private static int[] Fuzzed(string shape, int length, int seed)
    {
        var rng = new Random(seed);
        double scale = Math.Exp(rng.NextDouble() * Math.Log(3000)); // 1..3000 symbols
        long centre = rng.Next(-100_000, 100_000);
        var s = new int[length];
        for (int i = 0; i < length; i++)
        {
            long value = shape switch
            {
                "gaussian" => centre + SymbolStreams.Gaussian(rng, scale),
                "uniform" => centre + rng.Next(-(int)scale - 1, (int)scale + 1),
                "exponential" => centre + (long)(-scale * Math.Log(1 - rng.NextDouble())),
                // Cauchy: a long tail that reaches far beyond any 2^14 window.
                "heavy-tails" => centre + (long)Math.Clamp(scale * Math.Tan(Math.PI * (rng.NextDouble() - 0.5)), -4e9, 4e9),
                "outliers" => rng.NextDouble() < 0.03 ? rng.Next(int.MinValue, int.MaxValue) : centre + SymbolStreams.Gaussian(rng, scale),
                "extremes" => rng.Next(5) switch { 0 => int.MinValue, 1 => int.MaxValue, _ => SymbolStreams.Gaussian(rng, scale) },
                "near-max" => int.MaxValue - (long)(-scale * Math.Log(1 - rng.NextDouble())),
                "near-min" => int.MinValue + (long)(-scale * Math.Log(1 - rng.NextDouble())),
                _ => throw new ArgumentException(shape),
            };
            s[i] = (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        }

        return s;
    }
}
