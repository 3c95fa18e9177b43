namespace Sieve.Core.Synthetic;

/// <summary>Which parton a synthetic jet imitates (<see cref="SyntheticShowers"/>).</summary>
public enum ShowerFlavour
{
    /// <summary>Quark-like: fewer, harder constituents in a narrower core.</summary>
    Quark,

    /// <summary>Gluon-like: more, softer constituents spread wider (colour factor C_A / C_F = 9/4 radiates more).</summary>
    Gluon,
}
