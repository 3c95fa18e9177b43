namespace Sieve.Reports.Images;

/// <summary>Labels and bin edges of an image's two axes: eta along rows, phi along columns.</summary>
/// <param name="EtaLabel">What the eta axis measures.</param>
/// <param name="EtaEdges">Row edges, lowest first.</param>
/// <param name="PhiLabel">What the phi axis measures.</param>
/// <param name="PhiEdges">Column edges, lowest first.</param>
public sealed record ImagePlotAxes(string EtaLabel, IReadOnlyList<double> EtaEdges, string PhiLabel, IReadOnlyList<double> PhiEdges);
