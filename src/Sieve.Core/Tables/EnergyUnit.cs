namespace Sieve.Core.Tables;

/// <summary>Unit of energies, momenta and masses in an input. Sieve works in GeV internally for events.</summary>
public enum EnergyUnit
{
    /// <summary>Giga-electronvolt.</summary>
    GeV,

    /// <summary>Mega-electronvolt (DarkMachines CSV, the ATLAS jet tables).</summary>
    MeV,
}
