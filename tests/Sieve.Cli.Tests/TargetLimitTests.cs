using System.Globalization;
using Sieve.Pipeline;
using Sieve.Core.Metrics;
using Sieve.Core.Synthetic;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>
/// Targets the archive's integers cannot reach (more than 2^23 steps over a feature's range) are
/// refused with the bound check's message and leave no archive, on every path that fits steps:
/// quantize with either quantiser and the autoencoder's corrections. And whatever the targets, a
/// compress that succeeds decompresses to values that meet them as `sieve evaluate` measures them.
/// </summary>
public sealed class TargetLimitTests : IClassFixture<TrainedModelFixture>
{
    private readonly TrainedModelFixture model;

    public TargetLimitTests(TrainedModelFixture model) => this.model = model;

    [Theory]
    [InlineData("quantize", "trellis", "--target-rms")]
    [InlineData("quantize", "uniform", "--target-rms")]
    [InlineData("quantize", "uniform", "--max-error")]
    [InlineData("ae", "trellis", "--target-rms")]
    [InlineData("ae", "uniform", "--target-rms")]
    [InlineData("ae", "uniform", "--max-error")]
    public void A_target_far_below_the_range_is_refused_and_writes_no_archive(string method, string quantiser, string option)
    {
        string archive = model.Path($"tiny-{method}-{quantiser}{option}.sieve");
        (int code, string text) = Compress(method, quantiser, option, "pt=0.3%,m=0.3%,eta=1e-9,phi=0.003", archive);

        Assert.True(code == 1, text);
        Assert.Contains("eta", text, StringComparison.Ordinal);
        Assert.Contains("the target is too small for this range", text, StringComparison.Ordinal);
        Assert.False(File.Exists(archive), "no archive may be left behind");
    }

    [Fact]
    public void A_relative_target_far_below_the_range_is_refused_too()
    {
        string archive = model.Path("tiny-pt.sieve");
        (int code, string text) = Compress("quantize", "trellis", "--target-rms", "pt=1e-8%,m=0.3%,eta=0.003,phi=0.003", archive);

        Assert.True(code == 1, text);
        Assert.Contains("pt: --target-rms pt=1e-8%", text, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
    }

    /// <summary>
    /// Random targets over eight decades, from far below what 2^23 steps reach to loose: every
    /// success meets every target in the evaluation of the decompressed CSV, every refusal says why.
    /// </summary>
    [Theory]
    [InlineData("quantize", "trellis", 101)]
    [InlineData("quantize", "uniform", 202)]
    [InlineData("ae", "trellis", 303)]
    public void Whatever_the_targets_a_successful_compress_meets_them(string method, string quantiser, int seed)
    {
        var random = new Random(seed);
        int succeeded = 0, refused = 0;
        for (int trial = 0; trial < 8; trial++)
        {
            // Relative targets 1e-8 ... 1e-1, absolute 1e-9 ... 1e-1 (log-uniform).
            double pt = Math.Pow(10, -8 + (7 * random.NextDouble())), m = Math.Pow(10, -8 + (7 * random.NextDouble()));
            double eta = Math.Pow(10, -9 + (8 * random.NextDouble())), phi = Math.Pow(10, -9 + (8 * random.NextDouble()));
            string targets = string.Create(CultureInfo.InvariantCulture, $"pt={pt * 100:G4}%,m={m * 100:G4}%,eta={eta:G4},phi={phi:G4}");
            string archive = model.Path($"p{seed}-{trial}.sieve");
            (int code, string text) = Compress(method, quantiser, "--target-rms", targets, archive);
            if (code != 0)
            {
                Assert.True(code == 1 && text.Contains("the target is too small for this range", StringComparison.Ordinal), $"{targets}: {text}");
                Assert.False(File.Exists(archive));
                refused++;
                continue;
            }

            string output = model.Path($"p{seed}-{trial}.csv");
            Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);
            FidelityReport report = EvaluateWorkflow.Run(new EvaluateRequest(model.TestCsv, output, model.Path($"r{seed}-{trial}"), SyntheticJets.Features)).Report;
            double Rms(string name, bool relative)
            {
                VariableFidelity v = report.Variables.Single(x => x.Name == name);
                return relative ? v.RelativeResidual!.Rms : v.Residual.Rms;
            }

            Assert.True(Rms("pt", true) <= pt, $"{targets}: pt RMS {Rms("pt", true)}");
            Assert.True(Rms("m", true) <= m, $"{targets}: m RMS {Rms("m", true)}");
            Assert.True(Rms("eta", false) <= eta, $"{targets}: eta RMS {Rms("eta", false)}");
            Assert.True(Rms("phi", false) <= phi, $"{targets}: phi RMS {Rms("phi", false)}");
            succeeded++;
        }

        // The draws cover both sides of the limit (fixed seeds: this checks the test, not luck).
        Assert.True(succeeded > 0 && refused > 0, $"{succeeded} succeeded, {refused} refused");
    }

    private (int Code, string Text) Compress(string method, string quantiser, string option, string targets, string archive)
    {
        string[] how = method == "quantize"
            ? ["--method", "quantize", "--quantiser", quantiser]
            : ["--model", model.ModelDir, "--quantiser", quantiser];
        return CliRunner.Run([
            "compress", .. how, "--input", model.TestCsv, "--columns", "m,pt,phi,eta", option, targets, "--out", archive]);
    }
}
