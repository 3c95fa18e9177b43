namespace Sieve.Reports.AnomalyDetection;

/// <summary>A PNG image for the anomaly report (e.g. from <see cref="RocPlot.Render"/>), embedded into the page as a data URI.</summary>
/// <param name="Caption">Text under the image.</param>
/// <param name="Png">The PNG file's bytes.</param>
public sealed record ReportFigure(string Caption, byte[] Png);
