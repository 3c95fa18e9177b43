using System.Globalization;
using System.Net;
using System.Text;
using Sieve.Core.Metrics.Generation;

namespace Sieve.Reports.Generation;

/// <summary>index.html of <c>sieve compare</c>: the metrics table and every histogram, self-contained apart from the PNGs beside it.</summary>
public static class ComparisonPage
{
    /// <summary>The page for <paramref name="comparison"/> with <paramref name="figures"/> (title, PNG file name) in order.</summary>
    public static string Html(GenerationComparison comparison, IReadOnlyList<(string Title, string File)> figures)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(figures);
        string scaling = comparison.Fpd.Normalised ? "features divided by the reference's largest |value|, " : string.Empty;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sieve: generated vs reference</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}")
            .Append("figure{display:inline-block;margin:0.5em}img{width:480px}</style></head><body>\n")
            .Append("<h1>Generated vs reference</h1>\n")
            .Append(Invariant($"<p>reference <code>{E(comparison.Reference)}</code> ({comparison.ReferenceRows:N0} rows), generated <code>{E(comparison.Generated)}</code> ({comparison.GeneratedRows:N0} rows).</p>\n"))
            .Append(Invariant($"<p><b>FPD</b> = {comparison.Fpd.Value:G4} ± {comparison.Fpd.Error:G2} (Fréchet distance of Gaussians fitted to all compared features, {scaling}"))
            .Append(Invariant($"extrapolated to infinite N from resamples of {comparison.Fpd.SampleSizes[0]:N0} to {comparison.Fpd.SampleSizes[^1]:N0} rows).</p>\n"))
            .Append(Invariant($"<table><tr><th>feature</th><th>W1 (full samples)</th><th>W1 bootstrap mean</th><th>± std ({comparison.Bootstrap.Batches} resamples)</th></tr>\n"));
        foreach (W1Estimate w in comparison.W1.Concat(comparison.DerivedW1))
        {
            html.Append(Invariant($"<tr><td>{E(w.Feature)}</td><td>{w.Full:G4}</td><td>{w.Mean:G4}</td><td>{w.Std:G2}</td></tr>\n"));
        }

        html.Append("</table>\n<p>W1 is in the feature's own units. Ratio panels: generated / reference per bin (bins from the reference's 0.5 - 99.5 % range).</p>\n");
        foreach ((string title, string file) in figures)
        {
            html.Append(Invariant($"<figure><img src=\"{E(file)}\" alt=\"{E(title)}\"><figcaption>{E(title)}</figcaption></figure>\n"));
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
