namespace Sieve.Core.Events;

/// <summary>
/// Kind of a reconstructed physics object, with the DarkMachines object codes
/// (<c>j b e- e+ m- m+ g</c>). The numeric values are stable: they are stored in archives.
/// </summary>
public enum ObjectKind : byte
{
    /// <summary>Jet (<c>j</c>).</summary>
    Jet = 0,

    /// <summary>b-tagged jet (<c>b</c>).</summary>
    BJet = 1,

    /// <summary>Electron, negative charge (<c>e-</c>).</summary>
    ElectronMinus = 2,

    /// <summary>Positron (<c>e+</c>).</summary>
    ElectronPlus = 3,

    /// <summary>Muon, negative charge (<c>m-</c>).</summary>
    MuonMinus = 4,

    /// <summary>Antimuon (<c>m+</c>).</summary>
    MuonPlus = 5,

    /// <summary>Photon (<c>g</c>).</summary>
    Photon = 6,
}
