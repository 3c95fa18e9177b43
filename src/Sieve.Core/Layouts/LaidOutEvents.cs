using Sieve.Core.Tables;

namespace Sieve.Core.Layouts;

/// <summary>Events in a layout: the table, the (N, F) presence mask (null when every cell is real) and what did not fit.</summary>
/// <param name="Table">Rows of the layout, with its lossless side channels.</param>
/// <param name="Mask">1 where a cell holds a value, 0 for padding; null for the per-object layout.</param>
/// <param name="Dropped">Objects beyond the slot limits (never silent).</param>
public sealed record LaidOutEvents(FeatureTable Table, double[]? Mask, DroppedObjects Dropped)
{
    /// <summary>The declared shape of one row: <c>(F)</c> per object, <c>(S, F)</c> for slot layouts.</summary>
    public RowShape Shape { get; init; } = RowShape.Features(Math.Max(1, Table.FeatureCount));
}
