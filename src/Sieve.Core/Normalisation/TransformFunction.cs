namespace Sieve.Core.Normalisation;

/// <summary>The non-linear step g in y = (g(x * unit_scale) - offset) / scale.</summary>
public enum TransformFunction
{
    /// <summary>g(v) = v.</summary>
    Identity,

    /// <summary>g(v) = log10(v); v must be positive.</summary>
    Log10,

    /// <summary>
    /// g(v) = sign(v) log10(1 + |v|): equals log10(v + 1) for v &gt;= 0 and stays finite and invertible
    /// for the zero and negative masses that real jet data contains.
    /// </summary>
    SignedLog10p1,
}
