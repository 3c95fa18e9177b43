namespace Sieve.IO.Root;

/// <summary>How many values a leaf holds per entry.</summary>
public enum RootLeafShape
{
    /// <summary>One value per entry.</summary>
    Scalar,

    /// <summary>A fixed number of values per entry (e.g. <c>x[3]/F</c>).</summary>
    FixedArray,

    /// <summary>A number of values per entry given by a counter leaf (e.g. <c>Muon_pt[nMuon]/F</c>).</summary>
    Jagged,
}
