using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

/// <summary>
/// Range coder (arithmetic coding in integer arithmetic), encoding side.
/// </summary>
/// <remarks>
/// <para>
/// The scheme is the LZMA range coder (Igor Pavlov; also xz): a 64-bit <c>low</c> holding 32 bits
/// plus a carry bit, a 32-bit <c>range</c> kept at or above 2^24 by shifting out one byte at a time,
/// and a one-byte cache with a count of pending 0xFF bytes so that a carry out of <c>low</c> can
/// still ripple into bytes that were already decided. This is carry propagation, not Subbotin's
/// carry-less trick, so no coding range is wasted near carry boundaries.
/// </para>
/// <para>
/// A symbol with cumulative frequency <c>c</c>, frequency <c>f</c> and model total <c>T</c>
/// narrows the interval to <c>r = range / T</c>, <c>low += r*c</c>, <c>range = r*f</c>.
/// Totals are at most <see cref="MaxTotal"/> = 2^16, so <c>r</c> >= 2^8 and the rounding loss is
/// below 2^-8 of the range (under 0.006 bits per symbol, and usually far less).
/// </para>
/// <para>
/// Output: LZMA's first byte is always 0 (the coded number lies in [0, 1)), so it is dropped;
/// <see cref="Finish"/> flushes four more bytes. The decoder reads exactly as many bytes as the
/// encoder wrote, which lets it reject a payload that is too long as well as one that is too short.
/// </para>
/// </remarks>
public sealed class RangeEncoder
{
    /// <summary>Largest model total accepted by <see cref="Encode"/> (2^16).</summary>
    public const uint MaxTotal = 1u << 16;

    private const uint Top = 1u << 24;

    private readonly ByteBuffer _output;
    private ulong _low;
    private uint _range = uint.MaxValue;
    private byte _cache;
    private long _cacheSize = 1;
    private bool _leadingByte = true;
    private bool _finished;

    /// <summary>Creates an encoder with an empty output.</summary>
    public RangeEncoder(int capacity = 256) => _output = new ByteBuffer(capacity);

    /// <summary>Bytes written so far (the final length is known only after <see cref="Finish"/>).</summary>
    public int Length => _output.Length;

    /// <summary>Codes one symbol occupying [cumulative, cumulative + frequency) out of total.</summary>
    /// <exception cref="ArgumentOutOfRangeException">frequency is 0, total is 0 or above 2^16, or the interval exceeds total.</exception>
    public void Encode(uint cumulative, uint frequency, uint total)
    {
        if (frequency == 0 || total == 0 || total > MaxTotal || (ulong)cumulative + frequency > total)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency),
                $"Range coder interval [{cumulative}, {(ulong)cumulative + frequency}) of total {total} is invalid: " +
                $"need frequency >= 1, 1 <= total <= {MaxTotal} and cumulative + frequency <= total.");
        }

        if (_finished)
        {
            throw new InvalidOperationException("The range encoder was already finished; create a new one.");
        }

        uint r = _range / total;
        _low += (ulong)r * cumulative;
        _range = r * frequency;
        while (_range < Top)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Codes <paramref name="bits"/> (1..16) raw bits of <paramref name="value"/>, all values equally likely.</summary>
    public void EncodeBits(uint value, int bits)
    {
        if (bits is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), $"Raw bit count {bits} is outside [1, 16].");
        }

        Encode(value & ((1u << bits) - 1), 1, 1u << bits);
    }

    /// <summary>Flushes the coder and returns the payload. The encoder cannot be used afterwards.</summary>
    public byte[] Finish()
    {
        if (!_finished)
        {
            for (int i = 0; i < 5; i++)
            {
                ShiftLow();
            }

            _finished = true;
        }

        return _output.ToArray();
    }

    // Emits the top byte of low unless it may still change by a carry (0xFF with no carry yet):
    // those are counted in _cacheSize and written once the carry is known.
    private void ShiftLow()
    {
        if ((uint)_low < 0xFF000000u || (_low >> 32) != 0)
        {
            byte carry = (byte)(_low >> 32);
            byte pending = _cache;
            do
            {
                Emit((byte)(pending + carry));
                pending = 0xFF;
            }
            while (--_cacheSize != 0);

            _cache = (byte)(_low >> 24);
        }

        _cacheSize++;
        _low = (_low & 0x00FFFFFFul) << 8;
    }

    private void Emit(byte value)
    {
        if (_leadingByte)
        {
            // Always 0: the coded fraction is below 1, so no carry can reach this byte.
            _leadingByte = false;
            return;
        }

        _output.Add(value);
    }
}
