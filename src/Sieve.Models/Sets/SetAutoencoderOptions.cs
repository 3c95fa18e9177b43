using Sieve.Models.Autoencoders;

namespace Sieve.Models.Sets;

/// <summary>
/// Shape of a DeepSets autoencoder on rows of <c>(S, F)</c> object slots with a presence mask.
/// Each object is (its F features, a one-hot of its kind) -> per-object network -> masked mean over the
/// present objects, beside the fraction of slots filled -> latent Z -> a decoder that emits S objects,
/// each with F features, kind logits and a presence logit. The kind of slot s is
/// <see cref="SlotKinds"/>[s] (an index into <see cref="KindNames"/>): in a fixed-slot layout the slot
/// says what the object is, and the model must see it because the pooled sum forgets positions.
/// </summary>
/// <param name="Slots">S: slots per row, which is also the largest set the decoder emits.</param>
/// <param name="ObjectFeatures">F: features per object.</param>
/// <param name="SlotKinds">Kind index of each slot (length S).</param>
/// <param name="KindNames">Name of each kind (<c>met</c>, <c>j</c>, <c>b</c>, ...).</param>
/// <param name="ObjectWidths">Hidden widths of the per-object network; the last is the pooled width.</param>
/// <param name="LatentSize">Z.</param>
/// <param name="DecoderWidths">Hidden widths of the decoder from Z to the S emitted objects.</param>
/// <param name="Activation">Activation after every hidden layer.</param>
public sealed record SetAutoencoderOptions(int Slots, int ObjectFeatures, IReadOnlyList<int> SlotKinds, IReadOnlyList<string> KindNames,
    IReadOnlyList<int> ObjectWidths, int LatentSize, IReadOnlyList<int> DecoderWidths, ActivationKind Activation)
{
    /// <summary>Values per row: S x F.</summary>
    public int InputSize => Slots * ObjectFeatures;

    /// <summary>Number of kinds K.</summary>
    public int KindCount => KindNames.Count;

    /// <summary>
    /// The default shape for S slots of F features: a 64-64 per-object network, latent Z, and a
    /// 64-128 decoder; Z defaults to 8 (an event of a few objects holds more than a jet's 3 numbers).
    /// </summary>
    public static SetAutoencoderOptions Default(int slots, int objectFeatures, IReadOnlyList<int> slotKinds, IReadOnlyList<string> kindNames, int? latentSize = null) =>
        new(slots, objectFeatures, slotKinds, kindNames, [64, 64], latentSize ?? 8, [64, 128], ActivationKind.Relu);

    /// <summary>Checks the shape and says what is wrong.</summary>
    public void Validate()
    {
        if (Slots < 1 || ObjectFeatures < 1)
        {
            throw new ArgumentException($"a set model needs at least one slot of one feature, got ({Slots}, {ObjectFeatures}).");
        }

        if (SlotKinds.Count != Slots)
        {
            throw new ArgumentException($"{SlotKinds.Count} slot kinds given for {Slots} slots.");
        }

        if (KindNames.Count < 1 || SlotKinds.Any(k => k < 0 || k >= KindNames.Count))
        {
            throw new ArgumentException($"every slot kind must index one of the {KindNames.Count} kind names.");
        }

        if (ObjectWidths.Count < 1 || ObjectWidths.Concat(DecoderWidths).Any(w => w < 1) || LatentSize < 1)
        {
            throw new ArgumentException("a set model needs at least one per-object layer, and every width and the latent size at least 1.");
        }
    }

    /// <summary>The dense shape recorded beside it in a manifest (its input size and latent, for tools that only need those).</summary>
    public DenseAutoencoderOptions AsDenseShape() => new(InputSize, ObjectWidths, LatentSize, Activation);

    /// <summary>For people: <c>DeepSets (23 x 3, 6 kinds) -> 64-64 -> mean -> 8 -> 64-128 -> 23 objects (relu)</c>.</summary>
    public string Describe() =>
        $"DeepSets ({Slots} x {ObjectFeatures}, {KindCount} kinds) -> {string.Join('-', ObjectWidths)} -> mean -> {LatentSize} -> {string.Join('-', DecoderWidths)} -> {Slots} objects ({Activation.ToString().ToLowerInvariant()})";

    /// <summary>
    /// Slot kinds from a slot layout's feature names <c>{slot}_{feature}</c> with slots named kind
    /// and index (<c>met</c>, <c>j0</c> ... <c>j5</c>, <c>b0</c> ...): the kind of a slot is its name
    /// without the trailing digits. Kinds are numbered in order of first appearance.
    /// </summary>
    public static (int[] SlotKinds, string[] KindNames) KindsFromFeatureNames(IReadOnlyList<string> featureNames, int slots, int objectFeatures)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count != slots * objectFeatures)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for {slots} slots of {objectFeatures} features.");
        }

        var names = new List<string>();
        var kinds = new int[slots];
        for (int s = 0; s < slots; s++)
        {
            string first = featureNames[s * objectFeatures];
            int underscore = first.LastIndexOf('_');
            string slot = underscore > 0 ? first[..underscore] : first;
            string kind = slot.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (kind.Length == 0)
            {
                kind = slot;
            }

            int index = names.IndexOf(kind);
            if (index < 0)
            {
                index = names.Count;
                names.Add(kind);
            }

            kinds[s] = index;
        }

        return (kinds, [.. names]);
    }
}
