using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Sieve.Compression.Archive;
using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;

namespace Sieve.Cli.Workflows;

/// <summary>
/// compress --method quantize: no network. Every feature is transformed (log-like for relative
/// targets, identity for absolute ones), quantised with the step that meets its RMS target, and
/// the integers are range-coded column by column (archive version 3). The quantiser travels in the
/// header, so decompression needs nothing else.
/// </summary>
public static class QuantizeWorkflow
{
    /// <summary>Model name in the archive header of quantised archives.</summary>
    public const string ModelName = "quantize";

    // Aim 2 % below the target: the uniform-error formula is exact only on average, and a target is a bound.
    private const double Margin = 0.98;

    /// <summary>
    /// Compresses a table to per-feature targets (e.g. pt=0.3%, eta=0.003): RMS targets by default,
    /// or, with <paramref name="maxError"/>, bounds that every decompressed value meets.
    /// </summary>
    public static CompressOutcome Run(InputRequest input, IReadOnlyDictionary<string, string> targets, string archivePath, bool maxError = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(targets);
        LoadedInput loaded = InputLoader.Load(input);
        FeatureTable table = loaded.Table;
        FeatureNormaliser quantiser = Fit(table, targets, loaded.Unit.ToGeV(), maxError);
        float[] symbols = Symbols(quantiser, table, input.Path);
        if (!maxError)
        {
            (quantiser, symbols) = MeetRms(quantiser, symbols, table, targets, loaded.Unit.ToGeV(), input.Path);
        }

        var header = new ArchiveHeader(
            ToolInfo.Name,
            new ArchiveSchema(loaded.Format.ToString().ToLowerInvariant(), table.ColumnOrder, table.FeatureNames, [.. table.SideChannels.Select(c => c.Name)],
                table.RowCount, loaded.Unit.ToString(), Synthetic: false,
                new Dictionary<string, string> { ["method"] = ModelName, [maxError ? "max_error" : "target_rms"] = string.Join(",", targets.Select(t => $"{t.Key}={t.Value}")) }),
            new ModelIdentity(ModelName, Hash(quantiser), table.FeatureCount, table.FeatureCount),
            JsonSerializer.SerializeToNode(quantiser, SieveJson.Options),
            new LatentEncoding(LatentDType.Int32, table.RowCount, table.FeatureCount))
        {
            FormatVersion = ArchiveFormat.VersionFor(LatentDType.Int32),
        };
        ArchiveWriter.Write(archivePath, new ArchiveContent(header, symbols, table.SideChannels));
        return new CompressOutcome(archivePath, table.RowCount, loaded.FileBytes, ArchiveInspector.Inspect(archivePath), 0);
    }

    /// <summary>
    /// The quantiser: per feature y = g(x) / step with g = sign(x) log10(1 + |x| / x0) (x0 = 0.1 GeV)
    /// for relative targets and g = x for absolute ones. The step comes from the target RMS (uniform
    /// error: RMS = step / sqrt(12)) or, with <paramref name="maxError"/>, from the bound (maximum error
    /// = step / 2), for relative targets over the rows the evaluation counts (m &gt; 1 GeV, others &gt; 0):
    /// a relative bound holds for every value above that minimum.
    /// </summary>
    public static FeatureNormaliser Fit(FeatureTable table, IReadOnlyDictionary<string, string> targets, double energyScaleToGeV, bool maxError = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(targets);
        string[] missing = [.. table.FeatureNames.Where(f => !targets.Keys.Any(k => k.Equals(f, StringComparison.OrdinalIgnoreCase)))];
        if (missing.Length > 0)
        {
            throw new ArgumentException($"--target-rms gives no target for {string.Join(", ", missing)}; give one per feature, e.g. pt=0.3%,m=0.3%,eta=0.003,phi=0.003.");
        }

        var transforms = new List<FeatureTransform>();
        for (int f = 0; f < table.FeatureCount; f++)
        {
            string name = table.FeatureNames[f];
            (double target, bool relative) = ErrorTarget.For(targets, name);

            bool periodic = VariableRoles.Classify(name) == VariableKind.Angle;
            if (!relative)
            {
                transforms.Add(new FeatureTransform(name, TransformFunction.Identity, 1, 0, Margin * target * (maxError ? 2 : Math.Sqrt(12)), periodic));
                continue;
            }

            // Relative error of x for an error dg in g: ln(10) dg (1 + x0/|x|); average the factor over the counted rows.
            double x0 = 0.1 / energyScaleToGeV;
            double minimum = VariableRoles.IsMass(name) ? 1.0 / energyScaleToGeV : 0;
            double[] column = [.. table.Column(f).Where(x => Math.Abs(x) > minimum)];
            double step;
            if (maxError)
            {
                // |dx|/|x| <= (1 + x0/|x|)(10^(step/2) - 1): bounded by the target for every |x| >= the smallest counted value.
                double worst = column.Length == 0 ? 1 : 1 + (x0 / column.Min(Math.Abs));
                step = Margin * 2 * Math.Log10(1 + (target / worst));
            }
            else
            {
                double factor = column.Length == 0 ? 1 : Math.Sqrt(column.Average(x => Math.Pow(1 + (x0 / Math.Abs(x)), 2)));
                step = Margin * target * Math.Sqrt(12) / (Math.Log(10) * factor);
            }

            transforms.Add(new FeatureTransform(name, TransformFunction.SignedLog10p1, 1 / x0, 0, step, periodic));
        }

        return new FeatureNormaliser(NormalisationKind.None, transforms);
    }

    /// <summary>
    /// The step formula is exact only on average; the data are at hand, so measure the RMS each
    /// feature reaches (as `sieve evaluate` counts it) and shrink any step whose target is missed.
    /// </summary>
    private static (FeatureNormaliser, float[]) MeetRms(FeatureNormaliser quantiser, float[] symbols, FeatureTable table,
        IReadOnlyDictionary<string, string> targets, double energyScaleToGeV, string path)
    {
        for (int round = 0; round < 8; round++)
        {
            double[] decoded = quantiser.Inverse(symbols);
            var transforms = quantiser.Transforms.ToArray();
            bool changed = false;
            for (int f = 0; f < table.FeatureCount; f++)
            {
                (double target, bool relative) = ErrorTarget.For(targets, table.FeatureNames[f]);
                double minimum = relative && VariableRoles.IsMass(table.FeatureNames[f]) ? 1.0 / energyScaleToGeV : 0;
                double sum = 0;
                int count = 0;
                for (int r = 0; r < table.RowCount; r++)
                {
                    double truth = table[r, f], reco = decoded[(r * table.FeatureCount) + f];
                    if (relative && !(Math.Abs(truth) > minimum))
                    {
                        continue;
                    }

                    double d = relative ? (reco - truth) / truth : transforms[f].Periodic ? Core.Events.Kinematics.WrapPhi(reco - truth) : reco - truth;
                    sum += d * d;
                    count++;
                }

                double achieved = count == 0 ? 0 : Math.Sqrt(sum / count);
                if (achieved > target)
                {
                    transforms[f] = transforms[f] with { Scale = transforms[f].Scale * Margin * target / achieved };
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            quantiser = quantiser with { Transforms = transforms };
            symbols = Symbols(quantiser, table, path);
        }

        return (quantiser, symbols);
    }

    /// <summary>Decodes quantised latents with the quantiser stored in the header.</summary>
    public static double[] Dequantize(ArchiveHeader header, float[] symbols)
    {
        ArgumentNullException.ThrowIfNull(header);
        FeatureNormaliser quantiser = header.Normaliser.Deserialize<FeatureNormaliser>(SieveJson.Options)
            ?? throw new InvalidDataException("the archive's quantiser is missing from its header.");
        return quantiser.Inverse(symbols);
    }

    private static float[] Symbols(FeatureNormaliser quantiser, FeatureTable table, string path)
    {
        float[] y;
        try
        {
            y = quantiser.Transform(table.Values);
        }
        catch (NormalisationException e)
        {
            throw new Core.Errors.SieveDataException(path, null, e.Feature, $"row {e.Row + 1}: value cannot be quantised", "a finite number", e);
        }

        var symbols = new float[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double s = Math.Round((double)y[i], MidpointRounding.AwayFromZero);
            if (Math.Abs(s) >= ArchiveFormat.MaxIntegerLatent)
            {
                throw new ArgumentException($"{table.FeatureNames[i % table.FeatureCount]}: value at row {(i / table.FeatureCount) + 1} needs {s} quantisation steps; the target is too small for this range.");
            }

            symbols[i] = (float)s;
        }

        return symbols;
    }

    private static string Hash(FeatureNormaliser quantiser) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(quantiser, SieveJson.Options)));
}
