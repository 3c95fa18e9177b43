namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Fixed frequencies for a window of consecutive symbols plus an escape, summing to
/// <see cref="FrequencyModel.Total"/>: the coding half that <see cref="FrequencyModel"/> and
/// <see cref="SmoothModel"/> share (they differ only in how the frequencies are stored).
/// </summary>
internal sealed class WindowedFrequencies
{
    private const int Total = FrequencyModel.Total;

    private readonly uint[] _frequencies; // window symbols, then the escape
    private readonly uint[] _cumulative; // _frequencies.Length + 1 entries, last is Total

    public WindowedFrequencies(int lowest, uint[] frequencies)
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

    public int Lowest { get; }

    public int Span { get; }

    /// <summary>Window frequencies, then the escape's.</summary>
    public ReadOnlySpan<uint> Frequencies => _frequencies;

    public int EscapeFrequency => (int)_frequencies[Span];

    public bool HasEscape => EscapeFrequency > 0;

    /// <summary>True when a single entry (symbol or escape) holds the whole total: such a model codes nothing but that entry, at no cost.</summary>
    public bool CodesOneEntry => Array.IndexOf(_frequencies, (uint)Total) >= 0;

    public int Frequency(int symbol) => IsInWindow(symbol) ? (int)_frequencies[symbol - Lowest] : 0;

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

    private bool IsInWindow(int symbol) => symbol >= Lowest && (long)symbol - Lowest < Span;
}
