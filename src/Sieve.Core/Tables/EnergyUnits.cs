namespace Sieve.Core.Tables;

/// <summary>Conversions between energy units.</summary>
public static class EnergyUnits
{
    /// <summary>Factor that turns a value in <paramref name="unit"/> into GeV.</summary>
    public static double ToGeV(this EnergyUnit unit) => unit switch
    {
        EnergyUnit.GeV => 1.0,
        EnergyUnit.MeV => 0.001,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown energy unit"),
    };
}
