using Sieve.Core.Tables;

namespace Sieve.Core.Layouts;

/// <summary>
/// Events laid out in fixed slots (<see cref="FixedSlotLayout"/>, <see cref="Level1Layout"/>):
/// the table, which slot each feature belongs to, which slots hold an object, and what was dropped.
/// </summary>
/// <remarks>
/// The mask is kept out of the table on purpose: presence is known losslessly from the layout's
/// side channel (object counts or kinds), so the model must not spend capacity reconstructing it,
/// and a normaliser must not touch it. A masked-MSE loss uses <see cref="FeatureMask"/>:
/// loss = sum(mask * (x - x')^2) / sum(mask), with mask 0 on padded slots.
/// </remarks>
/// <param name="Table">One row per event; features named <c>{slot}_{feature}</c>.</param>
/// <param name="SlotNames">Slot names in table order (e.g. <c>met, j0, j1, ...</c>).</param>
/// <param name="FeatureSlots">For each feature column, the index of its slot in <see cref="SlotNames"/>.</param>
/// <param name="SlotMask">(N, S) row-major: 1 where the slot holds an object (the MET slot always), else 0.</param>
/// <param name="Dropped">Objects that did not fit in the slots.</param>
public sealed record SlotEncoding(
    FeatureTable Table, IReadOnlyList<string> SlotNames, IReadOnlyList<int> FeatureSlots, double[] SlotMask, DroppedObjects Dropped)
{
    /// <summary>Number of slots S.</summary>
    public int SlotCount => SlotNames.Count;

    /// <summary>(N, F) row-major, aligned with the table's features: the slot mask of each feature's slot.</summary>
    public double[] FeatureMask() => Internal.SlotMasks.Expand(SlotMask, Table.RowCount, SlotCount, FeatureSlots);
}
