using System.Buffers.Binary;

namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// A bounds-checked cursor over a block. Every read that would run past the end, and every
/// over-long or overflowing varint, throws <see cref="EntropyBlockException"/> with the offset,
/// so a damaged block never reads out of range.
/// </summary>
internal ref struct BlockReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _baseOffset;

    public BlockReader(ReadOnlySpan<byte> bytes, int baseOffset = 0)
    {
        _bytes = bytes;
        _baseOffset = baseOffset;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _bytes.Length - Position;

    /// <summary>Absolute offset for error messages (position plus where this span starts in the block).</summary>
    public readonly long Offset => _baseOffset + Position;

    public byte ReadByte(string field)
    {
        if (Position >= _bytes.Length)
        {
            throw new EntropyBlockException(Offset, $"the block ends inside '{field}'");
        }

        return _bytes[Position++];
    }

    /// <summary>Unsigned LEB128, at most 5 bytes, value at most 2^32-1.</summary>
    public uint ReadVarUInt(string field)
    {
        long start = Offset;
        uint value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte(field);
            if (shift == 28 && b > 0x0F)
            {
                throw new EntropyBlockException(start, $"varint '{field}' overflows 32 bits");
            }

            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new EntropyBlockException(start, $"varint '{field}' is longer than 5 bytes");
    }

    /// <summary>A varint that must lie in [min, max]; names the field and the range when it does not.</summary>
    public uint ReadVarUInt(string field, uint min, uint max)
    {
        long start = Offset;
        uint value = ReadVarUInt(field);
        if (value < min || value > max)
        {
            throw new EntropyBlockException(start, $"'{field}' is {value}, allowed range [{min}, {max}]");
        }

        return value;
    }

    public int ReadZigZag(string field) => ZigZag.Decode(ReadVarUInt(field));

    public uint ReadUInt32LittleEndian(string field)
    {
        if (Remaining < 4)
        {
            throw new EntropyBlockException(Offset, $"the block ends inside '{field}'");
        }

        uint value = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Slice(Position, 4));
        Position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new EntropyBlockException(Offset, $"'{field}' needs {count} bytes but only {Remaining} remain");
        }

        ReadOnlySpan<byte> slice = _bytes.Slice(Position, count);
        Position += count;
        return slice;
    }
}
