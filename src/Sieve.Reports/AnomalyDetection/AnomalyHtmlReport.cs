using System.Globalization;
using System.Net;
using System.Text;
using Sieve.Reports.Internal;

namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// Writes the one-page anomaly-detection report: a single self-contained <c>index.html</c> with the
/// summary table (AUC, TPR and SIC at fixed FPR with the trigger rate each keeps, correlation with
/// multiplicity) and the plots embedded as data URIs, so the page can be mailed or archived as one file.
/// All caller text is HTML-encoded.
/// </summary>
public static class AnomalyHtmlReport
{
    /// <summary>Name of the page in the report folder.</summary>
    public const string FileName = "index.html";

    /// <summary>Text of a table cell whose FPR the background sample cannot reach.</summary>
    public const string NotEnoughBackground = "not enough background";

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Creates <paramref name="directory"/> if needed and writes <c>index.html</c> into it (temporary file,
    /// then rename; an existing page is replaced whole or not at all).
    /// </summary>
    /// <returns>Full path of the page.</returns>
    public static string Write(string directory, AnomalyPage report)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string html = Render(report); // validates before anything is written
        string path = Path.Combine(Path.GetFullPath(directory), FileName);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(html));
        return path;
    }

    /// <summary>The page as a string; see <see cref="Write"/>.</summary>
    /// <exception cref="ArgumentException">No signals, a missing field, or a figure that is not a PNG.</exception>
    public static string Render(AnomalyPage report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Validate(report);
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(report.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        if (report.Synthetic)
        {
            html.Append("<div class=\"synthetic\">SYNTHETIC DATA: these numbers come from generated toy events, not from a physics sample.</div>\n");
        }

        html.Append("<h1>").Append(E(report.Title)).Append("</h1>\n");
        html.Append("<p class=\"source\">Data: ").Append(E(report.DataSource));
        if (report.BackgroundCount is long n)
        {
            html.Append(Invariant($"; {n} background events (smallest reachable FPR {1.0 / Math.Max(n, 1):0.#e0})"));
        }

        html.Append(". Score: ").Append(E(report.ScoreName)).Append(".</p>\n");
        AppendTable(html, report);
        if (report.BackgroundMultiplicityCorrelation is double rb)
        {
            html.Append("<p>Correlation of the score with the object count on the background: Pearson r = ")
                .Append(Number(rb, "0.000")).Append(".</p>\n");
        }

        html.Append("<p class=\"legend\">TPR: signal efficiency; FPR: background efficiency; SIC = TPR / &radic;FPR; ")
            .Append("rate: background kept at a 40 MHz collision rate. r: Pearson correlation of the score with the object count ")
            .Append("(a large r means the score may only be counting objects).</p>\n");

        foreach (ReportFigure figure in report.Figures)
        {
            html.Append("<figure><img alt=\"").Append(E(figure.Caption)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(figure.Png)).Append("\"><figcaption>").Append(E(figure.Caption))
                .Append("</figcaption></figure>\n");
        }

        foreach (string note in report.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, AnomalyPage report)
    {
        // One column per working point that any signal reports, tightest (smallest FPR) last.
        double[] fprs = [.. report.Signals.SelectMany(s => s.Efficiencies).Select(e => e.Fpr).Distinct().OrderDescending()];
        html.Append("<table>\n<thead><tr><th>signal</th><th>AUC</th>");
        foreach (double fpr in fprs)
        {
            html.Append("<th>TPR at FPR ").Append(Fpr(fpr)).Append("<br><span class=\"rate\">rate ")
                .Append(E(TriggerRate.Format(fpr))).Append("</span></th>");
        }

        html.Append("<th>r(score, multiplicity)</th></tr></thead>\n<tbody>\n");
        foreach (SignalSummary signal in report.Signals)
        {
            html.Append("<tr><td>").Append(E(signal.Process)).Append("</td><td>").Append(WithError(signal.Auc, signal.AucError, "0.000")).Append("</td>");
            foreach (double fpr in fprs)
            {
                EfficiencyAtFpr? at = signal.Efficiencies.FirstOrDefault(e => e.Fpr == fpr);
                html.Append("<td>");
                if (at is null)
                {
                    html.Append("&ndash;");
                }
                else if (at.Tpr is double tpr)
                {
                    html.Append(WithError(tpr, at.TprError, "0.0000")).Append("<br><span class=\"sic\">SIC ")
                        .Append(Number(at.Sic!.Value, "0.00")).Append("</span>");
                }
                else
                {
                    html.Append("<span class=\"na\">").Append(NotEnoughBackground).Append("</span>");
                }

                html.Append("</td>");
            }

            html.Append("<td>").Append(signal.MultiplicityCorrelation is double r ? Number(r, "0.000") : "&ndash;").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Validate(AnomalyPage report)
    {
        if (report.Title is null || report.DataSource is null || report.ScoreName is null)
        {
            throw new ArgumentException("The anomaly report needs a title, a data source and a score name.", nameof(report));
        }

        if (report.Signals is null || report.Signals.Count == 0)
        {
            throw new ArgumentException("The anomaly report needs at least one signal row; the signal list is empty.", nameof(report));
        }

        foreach (SignalSummary signal in report.Signals)
        {
            if (signal?.Process is null || signal.Efficiencies is null || signal.Efficiencies.Any(e => e is null))
            {
                throw new ArgumentException("Every signal row needs a process name and a list of efficiencies.", nameof(report));
            }
        }

        foreach (ReportFigure figure in report.Figures ?? [])
        {
            if (figure?.Caption is null || figure.Png is null || !figure.Png.AsSpan().StartsWith(PngSignature))
            {
                throw new ArgumentException($"Figure '{figure?.Caption}' is not a PNG image (missing bytes or PNG signature).", nameof(report));
            }
        }

        if (report.Notes is null || report.Notes.Any(n => n is null))
        {
            throw new ArgumentException("Notes must be a list of strings without nulls.", nameof(report));
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : E(value.ToString(CultureInfo.InvariantCulture));

    private static string WithError(double value, double? error, string format) =>
        error is double e ? Number(value, format) + " &plusmn; " + Number(e, format) : Number(value, format);

    /// <summary>"10<sup>-3</sup>" for powers of ten, the number otherwise.</summary>
    private static string Fpr(double fpr)
    {
        double exponent = Math.Round(Math.Log10(fpr));
        return Math.Abs(fpr - Math.Pow(10, exponent)) <= 1e-9 * fpr
            ? Invariant($"10<sup>{exponent:0}</sup>")
            : Number(fpr, "G3");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private const string Style = """
        body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; color: #222; }
        .synthetic { background: #b00020; color: #fff; font-weight: bold; padding: 0.6em 1em; margin-bottom: 1em; }
        .source, .legend, .note { color: #444; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: right; vertical-align: top; }
        th:first-child, td:first-child { text-align: left; }
        .rate, .sic { font-size: 0.8em; color: #555; font-weight: normal; }
        .na { color: #999; font-style: italic; }
        figure { margin: 1.5em 0; }
        img { max-width: 100%; border: 1px solid #ddd; }

        """;
}
