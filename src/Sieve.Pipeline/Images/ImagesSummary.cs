using Sieve.Core.Tables;

namespace Sieve.Pipeline.Images;

/// <summary>What `sieve images` wrote.</summary>
/// <param name="Events">Events read.</param>
/// <param name="Images">Images written (rows of the array).</param>
/// <param name="Shape">Shape of one image.</param>
/// <param name="Output">The .npy written.</param>
/// <param name="Sidecar">The JSON description written beside it.</param>
/// <param name="Plots">PNG files drawn (empty without --plot).</param>
/// <param name="Description">What the sidecar says, for the console.</param>
public sealed record ImagesSummary(long Events, long Images, RowShape Shape, string Output, string Sidecar, IReadOnlyList<string> Plots, ImageDescription Description);
