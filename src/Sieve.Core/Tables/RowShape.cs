using System.Globalization;
using System.Text.Json.Serialization;

namespace Sieve.Core.Tables;

/// <summary>
/// The declared shape of one row of model input: <c>(F)</c> for a table or one object per row,
/// <c>(S, F)</c> for slot layouts and object sets (with a presence mask per slot), <c>(C, H, W)</c>
/// for images. The values of a row are stored flat, row-major in this shape, so a dense model reads
/// any shape of <see cref="Size"/> values, and a model that needs structure (convolutions on images,
/// set models on slots) checks the shape it is given against the one it was trained on.
/// </summary>
/// <param name="Dims">Extent of each axis.</param>
/// <param name="Axes">Name of each axis: <c>feature</c>; <c>slot</c>, <c>feature</c>; <c>channel</c>, <c>eta</c>, <c>phi</c>.</param>
/// <param name="Masked">Whether rows come with a presence mask (padded slots, missing values).</param>
public sealed record RowShape(IReadOnlyList<int> Dims, IReadOnlyList<string> Axes, bool Masked = false)
{
    /// <summary>Number of values in one row: the product of the extents.</summary>
    [JsonIgnore]
    public int Size => Dims.Aggregate(1, (a, d) => checked(a * d));

    /// <summary><c>(F)</c>: a flat row of <paramref name="features"/> values.</summary>
    public static RowShape Features(int features, bool masked = false) => new([Positive(features)], ["feature"], masked);

    /// <summary><c>(S, F)</c>: <paramref name="slots"/> slots of <paramref name="features"/> values each, with a presence mask.</summary>
    public static RowShape Slots(int slots, int features) => new([Positive(slots), Positive(features)], ["slot", "feature"], Masked: true);

    /// <summary><c>(C, H, W)</c>: an image of <paramref name="channels"/> channels.</summary>
    public static RowShape Image(int channels, int height, int width) => new([Positive(channels), Positive(height), Positive(width)], ["channel", "eta", "phi"]);

    /// <summary>
    /// The shape of a slot layout's row: <c>(S, F/S)</c> when every slot holds the same number of
    /// features, else flat <c>(F)</c> with the mask.
    /// </summary>
    /// <param name="featureSlots">The slot of each feature, in feature order.</param>
    public static RowShape OfSlots(int slotCount, IReadOnlyList<int> featureSlots)
    {
        ArgumentNullException.ThrowIfNull(featureSlots);
        int[] perSlot = new int[slotCount];
        foreach (int slot in featureSlots)
        {
            perSlot[slot]++;
        }

        return slotCount > 0 && perSlot.All(n => n == perSlot[0]) && perSlot[0] > 0
            ? Slots(slotCount, perSlot[0])
            : Features(featureSlots.Count, masked: true);
    }

    /// <summary>Whether two shapes are the same axes with the same extents.</summary>
    public bool SameAs(RowShape other) => other is not null && Dims.SequenceEqual(other.Dims) && Axes.SequenceEqual(other.Axes);

    /// <summary>For people: <c>(19, 3) slot x feature, masked</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({string.Join(", ", Dims)}) {string.Join(" x ", Axes)}{(Masked ? ", masked" : string.Empty)}");

    private static int Positive(int n) => n > 0 ? n : throw new ArgumentOutOfRangeException(nameof(n), n, "an axis needs at least one element");
}
