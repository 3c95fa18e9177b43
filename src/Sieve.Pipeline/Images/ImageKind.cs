namespace Sieve.Pipeline.Images;

/// <summary>Which images `sieve images` makes.</summary>
public enum ImageKind
{
    /// <summary>One image per jet: its constituents in (delta eta, delta phi) around the jet.</summary>
    Jet,

    /// <summary>One image per event: pT summed in the Level-1 calorimeter regions (eta x phi).</summary>
    Regions,
}
