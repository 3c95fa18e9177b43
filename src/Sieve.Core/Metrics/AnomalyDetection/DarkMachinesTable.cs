using System.Globalization;
using System.Text;

namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// The DarkMachines challenge's per-signal table: AUC, eps_S at eps_B = 1e-2, 1e-3, 1e-4 and
/// SI = eps_S / sqrt(eps_B). SI uses the FPR actually reached by the cut (equal to the target when
/// interpolating, at most the target for the conservative step).
/// </summary>
/// <param name="Method">How eps_S was read at each eps_B.</param>
/// <param name="Rows">One row per signal, in the order given.</param>
public sealed record DarkMachinesTable(WorkingPointMethod Method, IReadOnlyList<DarkMachinesRow> Rows)
{
    /// <summary>The challenge's background efficiencies.</summary>
    public static IReadOnlyList<double> BackgroundEfficiencies { get; } = [1e-2, 1e-3, 1e-4];

    /// <summary>Builds the table for each signal against one background.</summary>
    /// <exception cref="ArgumentException">A sample has no event with a non-zero weight or a weight sum that is not positive.</exception>
    public static DarkMachinesTable Compute(ScoredSample background, IReadOnlyList<ScoredSample> signals, WorkingPointMethod method = WorkingPointMethod.ConservativeStep)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(signals);
        var options = new AnomalyMetricsOptions { TargetFprs = BackgroundEfficiencies, Method = method, BootstrapReplicates = 0 };
        var rows = new List<DarkMachinesRow>(signals.Count);
        foreach (ScoredSample signal in signals)
        {
            RocCurve roc = RocCurve.Compute(background, signal);
            rows.Add(new DarkMachinesRow(signal.Name, roc.Auc, WorkingPoints.Compute(roc, options)));
        }

        return new DarkMachinesTable(method, rows);
    }

    /// <summary>
    /// The table as CSV text: a header line <c>signal,auc,eps_s_at_1e-2,si_at_1e-2,...</c>, then one line per
    /// signal; invariant culture, round-trip numbers, "\n" line ends; an empty cell where there is not
    /// enough background (or SI is undefined); names with commas or quotes are quoted.
    /// </summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.Append("signal,auc");
        foreach (double e in BackgroundEfficiencies)
        {
            string label = e.ToString("0e0", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $",eps_s_at_{label},si_at_{label}");
        }

        text.Append('\n');
        foreach (DarkMachinesRow row in Rows)
        {
            text.Append(Quote(row.Signal)).Append(',').Append(Format(row.Auc));
            foreach (WorkingPoint p in row.WorkingPoints)
            {
                text.Append(',').Append(Format(p.Tpr)).Append(',').Append(Format(p.Sic));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string name) =>
        name.AsSpan().IndexOfAny(",\"\n\r") < 0 ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
