using System.Globalization;
using Sieve.IO.Internal;

namespace Sieve.IO.Generators.Internal;

/// <summary>
/// The whitespace-separated fields of one line, located without allocating (generator files
/// are large and every line is numbers), with typed accessors whose errors name file, line
/// and field.
/// </summary>
internal ref struct Fields
{
    /// <summary>Most fields any generator line has that we read (LHE particle lines have 13).</summary>
    private const int Capacity = 16;

    private readonly ReadOnlySpan<char> line;
    private readonly LineSource source;
    private readonly Span<Range> ranges;

    /// <summary>Splits <paramref name="text"/> into at most <see cref="Capacity"/> fields; <see cref="Count"/> counts them all.</summary>
    public Fields(ReadOnlySpan<char> text, LineSource source, Span<Range> buffer)
    {
        line = text;
        this.source = source;
        ranges = buffer;
        int i = 0;
        int n = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (n < buffer.Length)
            {
                buffer[n] = new Range(start, i);
            }

            n++;
        }

        Count = n;
    }

    /// <summary>Size of the buffer to pass to the constructor.</summary>
    public static int BufferLength => Capacity;

    /// <summary>Number of fields on the line (may exceed the buffer; only the first are addressable).</summary>
    public int Count { get; }

    /// <summary>The text of field <paramref name="index"/> (0-based).</summary>
    public readonly ReadOnlySpan<char> this[int index] => line[ranges[index]];

    /// <summary>Throws unless the line has exactly <paramref name="expected"/> fields.</summary>
    public readonly void RequireCount(int expected, string what, string layout)
    {
        if (Count != expected)
        {
            throw source.Error(null, $"{what} has {Count} field(s)", $"{expected} whitespace-separated fields: {layout}");
        }
    }

    /// <summary>Field <paramref name="index"/> as a finite double.</summary>
    public readonly double Double(int index, string name) => NumberText.ParseFinite(this[index], source.File, source.LineNumber, name);

    /// <summary>Field <paramref name="index"/> as a 32-bit integer.</summary>
    public readonly int Int(int index, string name)
    {
        ReadOnlySpan<char> text = this[index];
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw source.Error(name, $"{NumberText.Quote(text)} is not an integer", "a whole number such as 11 or -24");
        }

        return value;
    }

    /// <summary>Field <paramref name="index"/> as a 64-bit integer.</summary>
    public readonly long Long(int index, string name)
    {
        ReadOnlySpan<char> text = this[index];
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw source.Error(name, $"{NumberText.Quote(text)} is not an integer", "a whole number");
        }

        return value;
    }

    /// <summary>Field <paramref name="index"/> as an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public readonly int Int(int index, string name, int min, int max)
    {
        int value = Int(index, name);
        if (value < min || value > max)
        {
            throw source.Error(name, $"{value} is out of range", $"an integer from {min} to {max}");
        }

        return value;
    }
}
