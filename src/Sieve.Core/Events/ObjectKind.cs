namespace Sieve.Core.Events;

/// <summary>
/// Kind of a reconstructed physics object, with the DarkMachines object codes
/// (<c>j b e- e+ m- m+ g</c>), plus <see cref="Hadron"/> (<c>h</c>) for generator-level input.
/// The numeric values are stable: they are stored in archives, so new kinds are only appended.
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

    /// <summary>
    /// Any other visible final-state generator particle (<c>h</c>): hadrons, and at parton level
    /// quarks, gluons and taus. Not a DarkMachines code; used when generator particles are turned
    /// into events without jet clustering (see <c>GeneratorEvents.ToEvent</c>), so one hadron is one
    /// object rather than part of a jet.
    /// </summary>
    Hadron = 7,
}
