namespace Sieve.Compression.Coding;

/// <summary>
/// Range coder, decoding side: the mirror of <see cref="RangeEncoder"/> (see there for the scheme).
/// </summary>
/// <remarks>
/// Decoding one symbol is two calls: <see cref="GetFrequency"/> gives a value in [0, total), the
/// model finds the symbol whose interval holds it, and <see cref="Decode"/> removes that interval.
/// Reading past the payload, or a value outside [0, total), throws <see cref="EntropyBlockException"/>:
/// a valid payload never does either, so a damaged one fails instead of returning garbage forever.
/// </remarks>
public ref struct RangeDecoder
{
    private const uint Top = 1u << 24;

    private readonly ReadOnlySpan<byte> _input;
    private readonly long _baseOffset;
    private int _position;
    private uint _range;
    private uint _code;
    private uint _scale;

    /// <summary>Starts decoding <paramref name="payload"/>; <paramref name="baseOffset"/> is only used in error messages.</summary>
    public RangeDecoder(ReadOnlySpan<byte> payload, long baseOffset = 0)
    {
        _input = payload;
        _baseOffset = baseOffset;
        _position = 0;
        _range = uint.MaxValue;
        _code = 0;
        _scale = 0;
        for (int i = 0; i < 4; i++)
        {
            _code = (_code << 8) | NextByte();
        }
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Position for error messages: bytes consumed plus the payload's offset in its block.</summary>
    public readonly long Offset => _baseOffset + _position;

    /// <summary>True when every payload byte has been consumed: after the last symbol of a valid payload.</summary>
    public readonly bool IsAtEnd => _position == _input.Length;

    /// <summary>The value in [0, total) that selects the next symbol; follow with <see cref="Decode"/>.</summary>
    public uint GetFrequency(uint total)
    {
        if (total == 0 || total > RangeEncoder.MaxTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(total), $"Model total {total} is outside [1, {RangeEncoder.MaxTotal}].");
        }

        _scale = _range / total;
        uint value = _code / _scale;
        if (value >= total)
        {
            throw new EntropyBlockException(_baseOffset + _position,
                $"range-coder value {value} lies outside the model total {total}");
        }

        return value;
    }

    /// <summary>Removes the interval [cumulative, cumulative + frequency) found for the last <see cref="GetFrequency"/>.</summary>
    public void Decode(uint cumulative, uint frequency)
    {
        _code -= _scale * cumulative;
        _range = _scale * frequency;
        while (_range < Top)
        {
            _code = (_code << 8) | NextByte();
            _range <<= 8;
        }
    }

    /// <summary>Reads <paramref name="bits"/> (1..16) raw bits written by <see cref="RangeEncoder.EncodeBits"/>.</summary>
    public uint DecodeBits(int bits)
    {
        uint value = GetFrequency(1u << bits);
        Decode(value, 1);
        return value;
    }

    private byte NextByte()
    {
        if (_position >= _input.Length)
        {
            throw new EntropyBlockException(_baseOffset + _position,
                $"the range-coded payload ends early (after {_input.Length} bytes)");
        }

        return _input[_position++];
    }
}
