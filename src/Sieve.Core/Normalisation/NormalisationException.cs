namespace Sieve.Core.Normalisation;

/// <summary>A value that the normalisation cannot take (e.g. pT &lt;= 0 under log10).</summary>
public sealed class NormalisationException : Exception
{
    /// <summary>Creates the exception for row <paramref name="row"/> (0-based) and a feature.</summary>
    public NormalisationException(int row, string feature, double value, string expected)
        : base($"row {row + 1} (data row, 1-based), feature '{feature}': value {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} cannot be normalised; expected {expected}")
    {
        Row = row;
        Feature = feature;
        Value = value;
    }

    /// <summary>0-based data row.</summary>
    public int Row { get; }

    /// <summary>Feature name.</summary>
    public string Feature { get; }

    /// <summary>The offending value.</summary>
    public double Value { get; }
}
