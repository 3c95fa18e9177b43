using System.Globalization;
using Sieve.Core.Errors;

namespace Sieve.IO.Internal;

/// <summary>
/// Number parsing and formatting shared by the readers and writers, so every format agrees on
/// what a number looks like: invariant culture, <see cref="NumberStyles.Float"/>, finite only,
/// and a lower-case exponent marker on output.
/// </summary>
internal static class NumberText
{
    /// <summary>Longest cell text quoted back in an error message; data lines can be huge.</summary>
    private const int MaxQuotedLength = 40;

    /// <summary>
    /// Parses a finite double or throws a <see cref="SieveDataException"/> naming file, line and field.
    /// Infinity is rejected as well as NaN: .NET parses "1e400" as +infinity, and an infinite
    /// energy is as unusable as a missing one.
    /// </summary>
    public static double ParseFinite(ReadOnlySpan<char> text, string file, long line, string field)
    {
        if (!FastDouble.TryParse(text, out double value))
        {
            throw new SieveDataException(file, line, field, $"{Quote(text)} is not a number",
                "a decimal number in invariant culture, e.g. 1234.5 or 1.2345e+03");
        }

        if (!double.IsFinite(value))
        {
            throw new SieveDataException(file, line, field, $"{Quote(text)} is not finite (NaN or infinity)",
                "a finite number");
        }

        return value;
    }

    /// <summary>True when the text parses as a double (NaN and infinity included).</summary>
    public static bool IsNumber(ReadOnlySpan<char> text) => FastDouble.TryParse(text, out _);

    /// <summary>The text in quotes, shortened so that an error message stays readable.</summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= MaxQuotedLength ? $"'{text}'" : $"'{text[..MaxQuotedLength]}...' ({text.Length} characters)";

    /// <summary>
    /// Writes <paramref name="value"/> with a .NET numeric format string. The exponent marker is
    /// written as 'e' (as C printf, Python and pandas do) rather than .NET's 'E', so files written
    /// by those tools come back byte for byte when their numbers are already shortest text.
    /// </summary>
    public static void Write(TextWriter writer, double value, string format)
    {
        Span<char> small = stackalloc char[64];
        if (TryFormat(value, format, small, out int n))
        {
            writer.Write(small[..n]);
            return;
        }

        // Custom format strings can be longer than the stack buffer; rare, so allocate.
        writer.Write(value.ToString(format, CultureInfo.InvariantCulture).Replace('E', 'e'));
    }

    /// <summary>
    /// Formats <paramref name="value"/> into <paramref name="destination"/> as <see cref="Write"/>
    /// does; false when it does not fit. <see cref="Float32Format"/> gives the shortest text that
    /// parses back to the same float32.
    /// </summary>
    public static bool TryFormat(double value, string format, Span<char> destination, out int written)
    {
        bool ok = format == Float32Format
            ? ((float)value).TryFormat(destination, out written, "R", CultureInfo.InvariantCulture)
            : value.TryFormat(destination, out written, format, CultureInfo.InvariantCulture);
        if (ok)
        {
            destination[..written].Replace('E', 'e');
        }

        return ok;
    }

    /// <summary>
    /// The format of values that are float32 at heart (scores, reconstructions): the shortest text
    /// that round-trips the value as a float32, at most 9 significant digits, without the noise
    /// digits of the float -> double conversion.
    /// </summary>
    public const string Float32Format = "float32";

    /// <summary>Throws <see cref="ArgumentException"/> when a format string is not valid for doubles.</summary>
    public static void ValidateFormat(string format, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(format, paramName);
        if (format == Float32Format)
        {
            return;
        }

        try
        {
            _ = 1.5.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"'{format}' is not a valid .NET format string for double.", paramName, ex);
        }
    }
}
