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

    private readonly uint[] _frequencies; // window symbols, then the escape
    private readonly uint[] _cumulative; // _frequencies.Length + 1 entries, last is Total

    private FrequencyModel(int lowest, uint[] frequencies)
    {
        Lowest = lowest;
        Span = frequencies.Length - 1;
        _frequencies = frequencies;
        _cumulative = new uint[frequencies.Length + 1];
        for (int i = 0; i < frequencies.Length; i++)
        {
            _cumulative[i + 1] = _cumulative[i] + frequencies[i];
        }
    }

    /// <summary>First symbol of the window.</summary>
    public int Lowest { get; }

    /// <summary>Number of consecutive symbols in the window.</summary>
    public int Span { get; }

    /// <summary>Whether symbols outside the window occur (the escape has a nonzero frequency).</summary>
    public bool HasEscape => EscapeFrequency > 0;

    /// <summary>Quantised frequency of the escape symbol (0 when none).</summary>
    public int EscapeFrequency => (int)_frequencies[Span];

    /// <summary>Counts the symbols, chooses the window and quantises the counts.</summary>
    /// <exception cref="ArgumentException">No symbols.</exception>
    public static FrequencyModel FromSymbols(ReadOnlySpan<int> symbols)
    {
        if (symbols.IsEmpty)
        {
            throw new ArgumentException("Cannot build a frequency model from no symbols.", nameof(symbols));
        }

        var histogram = Histogram.Build(symbols);
        var window = SymbolWindow.Choose(histogram, MaxSpan);
        var counts = new long[window.Span + 1];
        for (int i = 0; i < histogram.Values.Length; i++)
        {
            int value = histogram.Values[i];
            counts[window.Contains(value) ? value - window.Lowest : window.Span] += histogram.Counts[i];
        }

        return new FrequencyModel(window.Lowest, FrequencyQuantiser.Quantise(counts, Total));
    }

    /// <summary>Quantised frequency of <paramref name="symbol"/> (0 when it is outside the window or unused).</summary>
    public int Frequency(int symbol) => IsInWindow(symbol) ? (int)_frequencies[symbol - Lowest] : 0;

    /// <summary>Ideal code length of <paramref name="symbol"/> under this model, in bits (escape cost included).</summary>
    public double CodeLengthBits(int symbol)
    {
        if (IsInWindow(symbol) && _frequencies[symbol - Lowest] > 0)
        {
            return Math.Log2((double)Total / _frequencies[symbol - Lowest]);
        }

        if (!HasEscape)
        {
            return double.PositiveInfinity;
        }

        int length = 32 - System.Numerics.BitOperations.LeadingZeroCount(ZigZag.Encode(symbol));
        return Math.Log2((double)Total / EscapeFrequency) + Math.Log2(33) + Math.Max(0, length - 1);
    }

    /// <inheritdoc/>
    public void Encode(RangeEncoder encoder, int symbol)
    {
        int index = IsInWindow(symbol) && _frequencies[symbol - Lowest] > 0 ? symbol - Lowest : Span;
        if (index == Span && !HasEscape)
        {
            throw new ArgumentOutOfRangeException(nameof(symbol),
                $"Symbol {symbol} has frequency 0 in this model (window [{Lowest}, {(long)Lowest + Span - 1}], no escape); build the model from the symbols it codes.");
        }

        encoder.Encode(_cumulative[index], _frequencies[index], Total);
        if (index == Span)
        {
            EscapeCoder.Encode(encoder, symbol);
        }
    }

    /// <inheritdoc/>
    public int Decode(ref RangeDecoder decoder)
    {
        uint value = decoder.GetFrequency(Total);
        int lo = 0;
        int hi = _frequencies.Length;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (_cumulative[mid] <= value)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        decoder.Decode(_cumulative[lo], _frequencies[lo]);
        if (lo < Span)
        {
            return Lowest + lo;
        }

        int escaped = EscapeCoder.Decode(ref decoder);
        if (IsInWindow(escaped) && _frequencies[escaped - Lowest] > 0)
        {
            throw new EntropyBlockException(decoder.Offset, $"escaped symbol {escaped} lies inside the model window, where no encoder would escape it");
        }

        return escaped;
    }

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
        buffer.AddZigZag(Lowest);
        buffer.AddVarUInt((uint)Span);
        int i = 0;
        while (i < Span)
        {
            if (_frequencies[i] > 0)
            {
                buffer.AddVarUInt(_frequencies[i++]);
                continue;
            }

            int run = 0;
            while (i < Span && _frequencies[i] == 0)
            {
                run++;
                i++;
            }

            buffer.AddVarUInt(0);
            buffer.AddVarUInt((uint)(run - 1));
        }

        buffer.AddVarUInt(_frequencies[Span]);
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

    private bool IsInWindow(int symbol) => symbol >= Lowest && (long)symbol - Lowest < Span;
}
