namespace Sieve.Core.Layouts;

/// <summary>How events become fixed-size rows for an autoencoder.</summary>
public enum LayoutKind
{
    /// <summary>One row per object: (E, pT, eta, phi). The classic jet autoencoder's input.</summary>
    PerObject,

    /// <summary>One row per event: MET plus pT-ordered slots per object kind, zero-padded, with a mask.</summary>
    FixedSlots,

    /// <summary>One row per event: the Level-1 trigger layout, 19 slots x (pT, eta, phi), with a mask.</summary>
    Level1,
}
