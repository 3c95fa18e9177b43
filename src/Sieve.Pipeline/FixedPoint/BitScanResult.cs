using System.Globalization;
using System.Text;

namespace Sieve.Pipeline;

/// <summary>A bit scan: one row per width, with the float model's AUC for comparison.</summary>
/// <param name="Schema">Schema of bit-scan.json.</param>
/// <param name="Model">Model directory.</param>
/// <param name="Input">Background input.</param>
/// <param name="Signal">Signal input, or null.</param>
/// <param name="BackgroundEvents">Rows of the background input scored.</param>
/// <param name="SignalEvents">Rows of the signal input scored, or null.</param>
/// <param name="FloatAuc">AUC of the float model's reconstruction score, or null without a signal.</param>
/// <param name="MeanFloatScore">Mean float reconstruction score of the background (a scale for the differences).</param>
/// <param name="Rows">One row per total width, ascending.</param>
public sealed record BitScanResult(string Schema, string Model, string Input, string? Signal, int BackgroundEvents, int? SignalEvents, double? FloatAuc,
    double MeanFloatScore, IReadOnlyList<BitScanRow> Rows)
{
    /// <summary>Schema written to bit-scan.json.</summary>
    public const string SchemaName = "sieve.bit-scan/1";

    /// <summary>The table as plain text: one line per width.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        string auc = FloatAuc is { } a ? string.Create(CultureInfo.InvariantCulture, $"; float AUC {a:F4} against {Signal}") : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"# bit scan of {Model} on {Input} ({BackgroundEvents} events; mean float score {MeanFloatScore:G4}){auc}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"bits",4}  {"type",-30} {"mean |dscore|",14} {"max |dscore|",14} {"AUC",8} {"w overflow",10} {"w zeroed",10} {"weight kbit",11} {"mults",7} {"est. mult.",10} {"est. cycles",11}");
        foreach (BitScanRow r in Rows)
        {
            string rowAuc = r.Auc is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.TotalBits,4}  {r.Precision,-30} {r.MeanAbsScoreDifference,14:G4} {r.MaxAbsScoreDifference,14:G4} {rowAuc,8} {r.WeightsOverflowed,10:P1} {r.WeightsZeroed,10:P1} {(r.Resources?.WeightBits ?? 0) / 1000.0,11:F1} {r.Resources?.Multiplications,7} {r.Resources?.Multipliers,10} {r.Resources?.LatencyCycles,11}");
        }

        if (Rows.FirstOrDefault()?.Resources is { } e)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"# resources at ReuseFactor {e.ReuseFactor}: multiplications and weight bits exact; multipliers and cycles a first-order estimate (R + ceil(log2 n_in) + 1 cycles per layer), not a synthesis result.");
        }

        return text.ToString();
    }
}
