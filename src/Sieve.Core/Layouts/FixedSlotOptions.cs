namespace Sieve.Core.Layouts;

/// <summary>
/// Options of <see cref="FixedSlotLayout"/>: slots per kind and the features of each slot.
/// Immutable; defaults documented per property (6 jets, 4 b-jets, 4 electrons, 4 muons, 4 photons;
/// pT, eta, phi only).
/// </summary>
public sealed record FixedSlotOptions
{
    /// <summary>The defaults.</summary>
    public static FixedSlotOptions Default { get; } = new();

    /// <summary>Slots for jets (<c>j</c>); default 6.</summary>
    public int Jets { get; init; } = 6;

    /// <summary>Slots for b-jets (<c>b</c>); default 4.</summary>
    public int BJets { get; init; } = 4;

    /// <summary>Slots for electrons, both charges together (<c>e-</c>, <c>e+</c>); default 4.</summary>
    public int Electrons { get; init; } = 4;

    /// <summary>Slots for muons, both charges together (<c>m-</c>, <c>m+</c>); default 4.</summary>
    public int Muons { get; init; } = 4;

    /// <summary>Slots for photons (<c>g</c>); default 4.</summary>
    public int Photons { get; init; } = 4;

    /// <summary>
    /// Adds the energy <c>E</c> to every slot (the MET slot gets E = MET). Default false: without it
    /// the inverse returns the massless energy E = pT cosh eta.
    /// </summary>
    public bool IncludeEnergy { get; init; }

    /// <summary>
    /// Adds a feature <c>q</c> (+1 / -1, 0 when empty) to each lepton slot, for models that should see
    /// the charge. Default false. The charge always travels losslessly in a side channel as well.
    /// </summary>
    public bool IncludeChargeFeature { get; init; }

    /// <summary>
    /// Adds one-hot kind labels <c>kind_j kind_b kind_e kind_m kind_g</c> to every object slot (all
    /// zero when the slot is empty). Default false.
    /// </summary>
    public bool IncludeKindLabels { get; init; }

    /// <summary>Throws naming the first slot count that is negative.</summary>
    public void Validate()
    {
        foreach ((string name, int value) in new[] { ("Jets", Jets), ("BJets", BJets), ("Electrons", Electrons), ("Muons", Muons), ("Photons", Photons) })
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"FixedSlotOptions.{name} is the number of slots; expected 0 or more.");
            }
        }
    }
}
