using Sieve.Compression.Coding;

namespace Sieve.Core.Tests.Compression.Coding;

/// <summary>
/// <see cref="TableCoder"/>: exact round trips whatever the plan, plans that find real structure,
/// trellis parity enforced, and damage always reported as <see cref="EntropyBlockException"/>.
/// </summary>
public class TableCoderTests
{
    // A jet-like table: "pt" falling, "m" = pt-dependent + noise, "eta" and "phi" independent.
    private static int[] JetLike(int rows, int seed, bool trellis)
    {
        var rng = new Random(seed);
        var columns = new double[4][];
        for (int d = 0; d < 4; d++)
        {
            columns[d] = new double[rows];
        }

        for (int r = 0; r < rows; r++)
        {
            double pt = 300 - (80 * Math.Log(1 - rng.NextDouble()));
            columns[0][r] = pt;
            columns[1][r] = (0.8 * pt) - 100 + (20 * Gaussian(rng));
            columns[2][r] = 400 * Gaussian(rng) * (1 + (pt / 1000));
            columns[3][r] = (rng.NextDouble() * 600) - 300;
        }

        var indices = new int[rows * 4];
        for (int d = 0; d < 4; d++)
        {
            int[] column = trellis ? TrellisQuantizer.Quantize(columns[d]) : [.. columns[d].Select(v => (int)Math.Round(v))];
            for (int r = 0; r < rows; r++)
            {
                indices[(r * 4) + d] = column[r];
            }
        }

        return indices;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(3000, false)]
    [InlineData(3000, true)]
    public void Round_trip_is_exact_with_the_chosen_plan(int rows, bool trellis)
    {
        int[] indices = JetLike(rows, seed: rows + 1, trellis);

        SymbolMatrix decoded = TableCoder.Decode(TableCoder.Encode(indices, 4, trellis));

        Assert.Equal((rows, 4), (decoded.Rows, decoded.Dims));
        Assert.Equal(indices, decoded.Symbols);
    }

    [Fact]
    public void Fuzzed_tables_round_trip_exactly()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed);
            int dims = rng.Next(1, 6);
            int rows = rng.Next(0, 400);
            bool trellis = rng.Next(2) == 1;
            var columns = new int[dims][];
            for (int d = 0; d < dims; d++)
            {
                double scale = Math.Pow(10, rng.Next(0, 7));
                double[] values = [.. Enumerable.Range(0, rows).Select(_ => rng.Next(8) == 0 ? rng.Next(-(1 << 23), 1 << 23) : scale * Gaussian(rng))];
                if (d > 0 && rng.Next(2) == 0)
                {
                    values = [.. values.Select((v, r) => (3.7 * columns[d - 1][r]) + (v / scale))];
                }

                values = [.. values.Select(v => Math.Clamp(v, -16e6, 16e6))];
                columns[d] = trellis ? TrellisQuantizer.Quantize(values) : [.. values.Select(v => (int)Math.Round(v))];
            }

            int[] indices = new int[rows * dims];
            for (int r = 0; r < rows; r++)
            {
                for (int d = 0; d < dims; d++)
                {
                    indices[(r * dims) + d] = columns[d][r];
                }
            }

            SymbolMatrix decoded = TableCoder.Decode(TableCoder.Encode(indices, dims, trellis, ModelKind.Static));
            Assert.True(indices.SequenceEqual(decoded.Symbols), $"seed {seed}: dims {dims}, rows {rows}, trellis {trellis}");
        }
    }

    [Fact]
    public void Explicit_plans_round_trip_and_are_described_back()
    {
        int[] indices = JetLike(2000, seed: 5, trellis: true);
        ColumnPlan[] plan =
        [
            new(0, null, null),
            new(1, new LinearPredictor(0, 52_429, -25_600), new ContextBuckets(0, false, [350, 420])),
            new(3, null, null),
            new(2, new LinearPredictor(3, -1000, 0), new ContextBuckets(3, true, [10, 100, 200])),
        ];

        byte[] bytes = TableCoder.Encode(indices, 4, trellis: true, plan);
        TableDescription description = TableCoder.Describe(bytes);
        (IReadOnlyList<ColumnPlan> described, bool trellis) = (description.Plan, description.Trellis);

        Assert.Equal(indices, TableCoder.Decode(bytes).Symbols);
        Assert.True(trellis);
        Assert.Equal(plan.Select(p => (p.Column, p.Predictor, p.Context?.Source, p.Context?.Absolute)), described.Select(p => (p.Column, p.Predictor, p.Context?.Source, p.Context?.Absolute)));
        Assert.Equal([10, 100, 200], described[3].Context!.Edges);
        Assert.Equal(bytes.Length, description.ColumnBytes.Sum() + description.OverheadBytes);
    }

    [Fact]
    public void The_planner_predicts_the_dependent_column_and_beats_independent_columns()
    {
        int[] indices = JetLike(20_000, seed: 9, trellis: false);

        byte[] table = TableCoder.Encode(indices, 4, trellis: false);
        IReadOnlyList<ColumnPlan> plan = TableCoder.Describe(table).Plan;
        int independent = EntropyCoder.EncodeColumns(indices, 4).Length;

        ColumnPlan mass = plan.Single(p => p.Column == 1);
        Assert.True(plan.ToList().FindIndex(p => p.Column == 0) < plan.ToList().IndexOf(mass), "pt is coded before the column it predicts");
        Assert.Equal(0, mass.Predictor?.Source);
        Assert.InRange(mass.Predictor!.Slope / 65536.0, 0.75, 0.85);
        Assert.True(table.Length < independent * 0.95, $"table coder {table.Length} B, independent columns {independent} B");
    }

    [Fact]
    public void Trellis_saves_about_one_bit_per_value_against_plain_indices()
    {
        // The same trellis indices, coded as trellis (low bit implied) and as plain integers.
        int[] indices = JetLike(20_000, seed: 3, trellis: true);

        int asTrellis = TableCoder.Encode(indices, 4, trellis: true).Length;
        int asPlain = TableCoder.Encode(indices, 4, trellis: false).Length;

        double savedBitsPerValue = (asPlain - asTrellis) * 8.0 / indices.Length;
        Assert.InRange(savedBitsPerValue, 0.8, 1.1);
    }

    [Fact]
    public void Indices_off_the_trellis_are_refused_with_column_and_row()
    {
        int[] indices = JetLike(100, seed: 4, trellis: true);
        indices[(37 * 4) + 2] += 1;

        var e = Assert.Throws<ArgumentException>(() => TableCoder.Encode(indices, 4, trellis: true));
        Assert.Contains("Column 2, row 37", e.Message);
    }

    [Fact]
    public void Bad_shapes_and_plans_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableCoder.Encode(new int[7], 2, trellis: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => TableCoder.Encode([1 << 30 | 1, 0], 2, trellis: false));
        Assert.Throws<ArgumentException>(() => TableCoder.Encode(new int[4], 2, trellis: false, [new(1, new LinearPredictor(0, 1, 0), null), new(0, null, null)]));
        Assert.Throws<ArgumentException>(() => TableCoder.Encode(new int[4], 2, trellis: false, [new(0, null, null), new(0, null, null)]));
    }

    [Fact]
    public void Every_truncation_and_bit_flip_throws()
    {
        int[] indices = JetLike(300, seed: 6, trellis: true);
        byte[] table = TableCoder.Encode(indices, 4, trellis: true);

        for (int length = 0; length < table.Length; length++)
        {
            Assert.Throws<EntropyBlockException>(() => TableCoder.Decode(table.AsSpan(0, length)));
        }

        for (int bit = 0; bit < table.Length * 8; bit++)
        {
            byte[] damaged = (byte[])table.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<EntropyBlockException>(() => TableCoder.Decode(damaged));
        }
    }

    [Fact]
    public void Forged_damage_is_caught_by_the_parser_or_decodes_to_something_within_range()
    {
        // With the CRC recomputed the parser is on its own: it may decode other numbers, but it
        // must never throw anything other than EntropyBlockException, hang or over-allocate.
        int[] indices = JetLike(200, seed: 8, trellis: true);
        byte[] table = TableCoder.Encode(indices, 4, trellis: true);
        var rng = new Random(11);
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] damaged = (byte[])table.Clone();
            int changes = rng.Next(1, 4);
            for (int c = 0; c < changes; c++)
            {
                damaged[rng.Next(damaged.Length - 4)] = (byte)rng.Next(256);
            }

            try
            {
                SymbolMatrix decoded = TableCoder.Decode(SymbolStreams.WithFixedCrc(damaged), maxSymbols: 10_000);
                Assert.All(decoded.Symbols, v => Assert.InRange(v, -(1 << 30), 1 << 30));
            }
            catch (EntropyBlockException)
            {
            }
        }
    }

    [Fact]
    public void Decoding_refuses_more_values_than_allowed()
    {
        byte[] table = TableCoder.Encode(JetLike(100, seed: 2, trellis: false), 4, trellis: false);

        var e = Assert.Throws<EntropyBlockException>(() => TableCoder.Decode(table, maxSymbols: 399));
        Assert.Contains("limit", e.Message);
    }
}
