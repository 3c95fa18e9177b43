using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

/// <summary>
/// An adaptive model over a window of consecutive symbols (plus an optional escape): every
/// frequency starts at 1 and grows by <see cref="Increment"/> each time its symbol is coded; when
/// the total would pass 2^16 all frequencies are halved (rounding up, so none reaches 0).
/// </summary>
/// <remarks>
/// Encoder and decoder make the same updates in the same order, so only the window
/// (<see cref="Lowest"/>, <see cref="Span"/>, <see cref="HasEscape"/>) has to be stored. The halving
/// makes the model forget old statistics, which suits streams that drift; on stationary data it
/// costs a little more than a <see cref="FrequencyModel"/> would, but saves the stored table.
/// An instance is stateful: use a fresh one for each stream, for encoding and for decoding.
/// Frequencies live in a Fenwick tree, so a symbol costs O(log span).
/// </remarks>
public sealed class AdaptiveModel : ISymbolModel
{
    /// <summary>Added to a symbol's frequency each time it is coded.</summary>
    public const int Increment = 32;

    /// <summary>Frequencies are halved when their total would exceed this (2^16).</summary>
    public const int MaxTotal = 1 << 16;

    private readonly uint[] _frequencies;
    private readonly FenwickTree _tree;
    private uint _total;

    /// <summary>Creates a flat model over [lowest, lowest + span - 1], with an escape for other symbols when <paramref name="hasEscape"/>.</summary>
    public AdaptiveModel(int lowest, int span, bool hasEscape)
    {
        if (span is < 1 or > FrequencyModel.MaxSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"Adaptive model span {span} is outside [1, {FrequencyModel.MaxSpan}].");
        }

        if ((long)lowest + span - 1 > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(lowest), $"Adaptive model window [{lowest}, {(long)lowest + span - 1}] runs past int.MaxValue.");
        }

        Lowest = lowest;
        Span = span;
        HasEscape = hasEscape;
        _frequencies = new uint[span + (hasEscape ? 1 : 0)];
        Array.Fill(_frequencies, 1u);
        _total = (uint)_frequencies.Length;
        _tree = new FenwickTree(_frequencies.Length);
        _tree.Rebuild(_frequencies);
    }

    /// <summary>First symbol of the window.</summary>
    public int Lowest { get; }

    /// <summary>Number of consecutive symbols in the window.</summary>
    public int Span { get; }

    /// <summary>Whether symbols outside the window can be coded (as escape plus raw bits).</summary>
    public bool HasEscape { get; }

    /// <summary>Codes <paramref name="symbol"/> and updates the model.</summary>
    public void Encode(RangeEncoder encoder, int symbol)
    {
        bool inside = symbol >= Lowest && (long)symbol - Lowest < Span;
        if (!inside && !HasEscape)
        {
            throw new ArgumentOutOfRangeException(nameof(symbol),
                $"Symbol {symbol} is outside the adaptive model's window [{Lowest}, {(long)Lowest + Span - 1}], which has no escape.");
        }

        int index = inside ? symbol - Lowest : Span;
        encoder.Encode(_tree.Prefix(index), _frequencies[index], _total);
        Update(index);
        if (!inside)
        {
            EscapeCoder.Encode(encoder, symbol);
        }
    }

    /// <summary>Decodes one symbol and updates the model.</summary>
    public int Decode(ref RangeDecoder decoder)
    {
        uint value = decoder.GetFrequency(_total);
        int index = _tree.Find(value, out uint cumulative);
        decoder.Decode(cumulative, _frequencies[index]);
        Update(index);
        if (index < Span)
        {
            return Lowest + index;
        }

        int escaped = EscapeCoder.Decode(ref decoder);
        if (escaped >= Lowest && (long)escaped - Lowest < Span)
        {
            throw new EntropyBlockException(decoder.Offset, $"escaped symbol {escaped} lies inside the model window, where no encoder would escape it");
        }

        return escaped;
    }

    private void Update(int index)
    {
        _frequencies[index] += Increment;
        _total += Increment;
        _tree.Add(index, Increment);
        if (_total > MaxTotal)
        {
            _total = 0;
            for (int i = 0; i < _frequencies.Length; i++)
            {
                _frequencies[i] = (_frequencies[i] + 1) >> 1;
                _total += _frequencies[i];
            }

            _tree.Rebuild(_frequencies);
        }
    }
}
