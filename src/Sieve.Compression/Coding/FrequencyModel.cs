using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

/// <summary>
/// A static model: fixed frequencies for a window of consecutive symbols plus an escape for
/// anything outside it, quantised to a total of exactly <see cref="Total"/> = 2^16.
/// </summary>
/// <remarks>
/// <para>
/// The window is the run of at most <see cref="MaxSpan"/> consecutive values that holds the most
/// symbols; symbols outside it cost the escape's code length plus about 6 + log2|s| bits
/// (bit length, then raw bits). Every int is codable.
/// </para>
/// <para>
/// Serialised form (all varints unsigned LEB128): <c>zigzag(lowest)</c>, <c>span</c> (1..2^14),
/// then the <c>span</c> frequencies in window order where a run of k zero frequencies is written as
/// <c>0, k-1</c>, then the escape frequency (0 when there is no escape). The frequencies must sum to
/// 2^16. A Gaussian with sigma of 10 symbols costs about 150 bytes.
/// </para>
/// </remarks>
public sealed class FrequencyModel : ISymbolModel
{
    /// <summary>Sum of all quantised frequencies (2^16).</summary>
    public const int Total = 1 << 16;

    /// <summary>Most symbols a window may span (2^14).</summary>
    public const int MaxSpan = 1 << 14;

    private readonly WindowedFrequencies _table;

    private FrequencyModel(int lowest, uint[] frequencies) => _table = new WindowedFrequencies(lowest, frequencies);

    /// <summary>First symbol of the window.</summary>
    public int Lowest => _table.Lowest;

    /// <summary>Number of consecutive symbols in the window.</summary>
    public int Span => _table.Span;

    /// <summary>Whether symbols outside the window occur (the escape has a nonzero frequency).</summary>
    public bool HasEscape => EscapeFrequency > 0;

    /// <summary>Quantised frequency of the escape symbol (0 when none).</summary>
    public int EscapeFrequency => _table.EscapeFrequency;

    /// <summary>Counts the symbols, chooses the window and quantises the counts.</summary>
    /// <exception cref="ArgumentException">No symbols.</exception>
    public static FrequencyModel FromSymbols(ReadOnlySpan<int> symbols)
    {
        if (symbols.IsEmpty)
        {
            throw new ArgumentException("Cannot build a frequency model from no symbols.", nameof(symbols));
        }

        var histogram = Histogram.Build(symbols);
        return FromHistogram(histogram, SymbolWindow.Choose(histogram, MaxSpan));
    }

    /// <summary>The model of symbols already counted, for a window already chosen (saves sorting them again).</summary>
    internal static FrequencyModel FromHistogram(Histogram histogram, SymbolWindow window)
    {
        var counts = new long[window.Span + 1];
        for (int i = 0; i < histogram.Values.Length; i++)
        {
            int value = histogram.Values[i];
            counts[window.Contains(value) ? value - window.Lowest : window.Span] += histogram.Counts[i];
        }

        return new FrequencyModel(window.Lowest, FrequencyQuantiser.Quantise(counts, Total));
    }

    /// <summary>Quantised frequency of <paramref name="symbol"/> (0 when it is outside the window or unused).</summary>
    public int Frequency(int symbol) => _table.Frequency(symbol);

    /// <summary>Ideal code length of <paramref name="symbol"/> under this model, in bits (escape cost included).</summary>
    public double CodeLengthBits(int symbol) => _table.CodeLengthBits(symbol);

    /// <inheritdoc/>
    public void Encode(RangeEncoder encoder, int symbol) => _table.Encode(encoder, symbol);

    /// <inheritdoc/>
    public int Decode(ref RangeDecoder decoder) => _table.Decode(ref decoder);

    /// <summary>The serialised model (see remarks for the layout).</summary>
    public byte[] Serialise()
    {
        var buffer = new ByteBuffer();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Serialise"/>; <paramref name="bytesRead"/> is its length.</summary>
    /// <exception cref="EntropyBlockException">The bytes are not a valid model.</exception>
    public static FrequencyModel Deserialise(ReadOnlySpan<byte> bytes, out int bytesRead)
    {
        var reader = new BlockReader(bytes);
        FrequencyModel model = ReadFrom(ref reader);
        bytesRead = reader.Position;
        return model;
    }

    internal void WriteTo(ByteBuffer buffer)
    {
        ReadOnlySpan<uint> frequencies = _table.Frequencies;
        buffer.AddZigZag(Lowest);
        buffer.AddVarUInt((uint)Span);
        int i = 0;
        while (i < Span)
        {
            if (frequencies[i] > 0)
            {
                buffer.AddVarUInt(frequencies[i++]);
                continue;
            }

            int run = 0;
            while (i < Span && frequencies[i] == 0)
            {
                run++;
                i++;
            }

            buffer.AddVarUInt(0);
            buffer.AddVarUInt((uint)(run - 1));
        }

        buffer.AddVarUInt(frequencies[Span]);
    }

    internal static FrequencyModel ReadFrom(ref BlockReader reader)
    {
        long start = reader.Offset;
        int lowest = reader.ReadZigZag("model lowest symbol");
        int span = (int)reader.ReadVarUInt("model span", 1, MaxSpan);
        if ((long)lowest + span - 1 > int.MaxValue)
        {
            throw new EntropyBlockException(start, $"model window [{lowest}, {(long)lowest + span - 1}] runs past int.MaxValue");
        }

        var frequencies = new uint[span + 1];
        long sum = 0;
        int i = 0;
        while (i < span)
        {
            uint f = reader.ReadVarUInt("model frequency", 0, Total);
            if (f > 0)
            {
                frequencies[i++] = f;
                sum += f;
                continue;
            }

            int run = (int)reader.ReadVarUInt("model zero run", 0, (uint)(span - i - 1)) + 1;
            i += run;
        }

        frequencies[span] = reader.ReadVarUInt("model escape frequency", 0, Total);
        sum += frequencies[span];
        if (sum != Total)
        {
            throw new EntropyBlockException(start, $"model frequencies sum to {sum}, expected {Total}");
        }

        return new FrequencyModel(lowest, frequencies);
    }

}
