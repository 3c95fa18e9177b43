using Sieve.Compression.Coding;
using Xunit.Abstractions;

namespace Sieve.Core.Tests.Compression.Coding;

public class TrellisQuantizerTests(ITestOutputHelper output)
{
    // The machine written out as the definition states it, independent of the implementation.
    private static readonly int[,] Table = { { 0, 2 }, { 2, 0 }, { 1, 3 }, { 3, 1 } };
    private static readonly int[] Parities = [0, 0, 1, 1];

    [Fact]
    public void Parity_and_next_follow_the_definition()
    {
        for (int s = 0; s < TrellisQuantizer.States; s++)
        {
            Assert.Equal(Parities[s], TrellisQuantizer.Parity(s));
            for (int q = -9; q <= 9; q++)
            {
                int b = (int)Math.Floor(q / 2.0) & 1;
                Assert.Equal(Table[s, b], TrellisQuantizer.Next(s, q));
            }

            Assert.Equal(Table[s, 1], TrellisQuantizer.Next(s, int.MinValue + 2));
            Assert.Equal(Table[s, 1], TrellisQuantizer.Next(s, int.MaxValue));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => TrellisQuantizer.Parity(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrellisQuantizer.Parity(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrellisQuantizer.Next(4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrellisQuantizer.Next(-1, 0));
    }

    [Fact]
    public void Viterbi_reaches_the_brute_force_minimum_on_short_sequences()
    {
        int checkedSequences = 0;
        foreach (int seed in new[] { 11, 12, 13, 14 })
        {
            var rng = new Random(seed);
            for (int n = 1; n <= 7; n++)
            {
                for (int rep = 0; rep < 12; rep++)
                {
                    // A few sequences of integers and half-integers hit the tie-breaks.
                    double[] y = Enumerable.Range(0, n).Select(_ => rep switch
                    {
                        0 => rng.Next(-6, 7),
                        1 => rng.Next(-12, 13) / 2.0,
                        _ => (rng.NextDouble() * 12) - 6,
                    }).ToArray();

                    int[] q = TrellisQuantizer.Quantize(y);

                    Assert.Equal(n, q.Length);
                    Assert.True(TrellisQuantizer.Follows(q, out int bad), $"seed {seed}, n {n}: output breaks the machine at {bad}");
                    double best = BruteForce(y, 0, 0, 0.0, double.PositiveInfinity);
                    Assert.Equal(best, SquaredError(y, q), 9);
                    checkedSequences++;
                }
            }
        }

        output.WriteLine($"{checkedSequences} sequences matched the exhaustive minimum.");
    }

    [Fact]
    public void Follows_accepts_quantize_output_and_names_a_changed_index()
    {
        var rng = new Random(21);
        foreach (double scale in new[] { 3.0, 50.0, 10_000.0 })
        {
            double[] y = Enumerable.Range(0, 50_000).Select(_ => (rng.NextDouble() - 0.5) * 2 * scale).ToArray();
            int[] q = TrellisQuantizer.Quantize(y);

            Assert.True(TrellisQuantizer.Follows(q, out int firstBad));
            Assert.Equal(-1, firstBad);

            foreach (int k in new[] { 0, 1, 777, q.Length - 1 })
            {
                foreach (int delta in new[] { 1, -1 })
                {
                    int[] changed = (int[])q.Clone();
                    changed[k] += delta;

                    Assert.False(TrellisQuantizer.Follows(changed, out int bad));
                    Assert.Equal(k, bad);
                }
            }
        }

        Assert.True(TrellisQuantizer.Follows([], out int none));
        Assert.Equal(-1, none);
        Assert.False(TrellisQuantizer.Follows([1], out int first));
        Assert.Equal(0, first);
    }

    [Fact]
    public void Granular_gain_beats_rounding_to_a_step_two_grid()
    {
        var rng = new Random(31);
        double[] y = Enumerable.Range(0, 200_000).Select(_ => (rng.NextDouble() * 2000) - 1000).ToArray();

        double mse = SquaredError(y, TrellisQuantizer.Quantize(y)) / y.Length;

        // Rounding to one step-2 grid gives 4/12 = 1/3; a 4-state TCQ should give about 0.27.
        output.WriteLine($"TCQ mean squared error on uniform input: {mse:F5} (step-2 rounding: {1.0 / 3:F5}); " +
            $"gain {10 * Math.Log10(1.0 / 3 / mse):F3} dB.");
        Assert.InRange(mse, 0.20, 0.30);
    }

    [Fact]
    public void Error_never_exceeds_two_on_gaussian_and_adversarial_integer_input()
    {
        // A state's indices are 2 apart, so of its two branch candidates one is at t <= 1 and the
        // other at 2 - t <= 2; the trellis may force the farther one, never anything farther still.
        var rng = new Random(41);
        double[] gaussian = Enumerable.Range(0, 200_000).Select(_ => GaussianValue(rng, 300)).ToArray();
        double[] integers = Enumerable.Range(0, 200_000).Select(_ => (double)rng.Next(-3, 4)).ToArray();

        foreach ((string name, double[] y) in new[] { ("gaussian", gaussian), ("integers", integers) })
        {
            int[] q = TrellisQuantizer.Quantize(y);
            double maxAbs = 0;
            int atTwo = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double e = Math.Abs(y[i] - q[i]);
                maxAbs = Math.Max(maxAbs, e);
                atTwo += e >= 2 ? 1 : 0;
            }

            output.WriteLine($"{name}: max |y - q| = {maxAbs}, {atTwo} of {y.Length} values at 2, mse {SquaredError(y, q) / y.Length:F5}.");
            Assert.True(maxAbs <= 2, $"{name}: max error {maxAbs} > 2");
        }
    }

    [Fact]
    public void The_bound_of_two_is_reached()
    {
        // y = 2 in state 0: index 2 costs 0 but leads to state 2, from which nine zeros cost 5
        // (1 + 4 to return to state 0, or 1 per two values cycling 2 -> 1 -> 2); index 4 (the
        // tie-break between 0 and 4 takes the larger) costs 4 and stays in state 0, where the zeros cost 0.
        double[] y = [2, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        int[] q = TrellisQuantizer.Quantize(y);

        Assert.Equal([4, 0, 0, 0, 0, 0, 0, 0, 0, 0], q);
    }

    [Fact]
    public void Bad_values_name_their_position_and_empty_input_gives_empty_output()
    {
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 16_777_216.0, -16_777_216.0, 1e300 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => TrellisQuantizer.Quantize([0.5, -1.0, 3.0, bad, 2.0]));
            Assert.Contains("position 3", e.Message);
        }

        Assert.Empty(TrellisQuantizer.Quantize([]));

        // Just inside the limit still quantises, to a neighbour.
        double[] edge = [16_777_215.75, -16_777_215.75];
        int[] q = TrellisQuantizer.Quantize(edge);
        Assert.True(Math.Abs(edge[0] - q[0]) <= 2 && Math.Abs(edge[1] - q[1]) <= 2);
        Assert.True(TrellisQuantizer.Follows(q, out _));
    }

    // Exhaustive minimum over index sequences following the machine with q_i in floor(y_i) ± 4.
    private static double BruteForce(double[] y, int i, int state, double sofar, double best)
    {
        if (i == y.Length)
        {
            return Math.Min(best, sofar);
        }

        int f = (int)Math.Floor(y[i]);
        for (int q = f - 4; q <= f + 4; q++)
        {
            if ((((q % 2) + 2) % 2) != Parities[state])
            {
                continue;
            }

            int b = (int)Math.Floor(q / 2.0) & 1;
            double e = y[i] - q;
            best = BruteForce(y, i + 1, Table[state, b], sofar + (e * e), best);
        }

        return best;
    }

    private static double SquaredError(double[] y, int[] q)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double e = y[i] - q[i];
            sum += e * e;
        }

        return sum;
    }

    private static double GaussianValue(Random rng, double sigma)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
