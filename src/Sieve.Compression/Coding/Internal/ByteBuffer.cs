using System.Buffers.Binary;

namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// A growable byte sink for building blocks. Varints are unsigned LEB128 (as in the archive's
/// side channels); signed values go through zigzag so small negatives stay short.
/// </summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes;
    private int _length;

    public ByteBuffer(int capacity = 256) => _bytes = new byte[Math.Max(16, capacity)];

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public void Add(byte value)
    {
        if (_length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[_length++] = value;
    }

    public void AddRange(ReadOnlySpan<byte> values)
    {
        if (_length + values.Length > _bytes.Length)
        {
            Grow(values.Length);
        }

        values.CopyTo(_bytes.AsSpan(_length));
        _length += values.Length;
    }

    public void AddVarUInt(uint value)
    {
        while (value >= 0x80)
        {
            Add((byte)(value | 0x80));
            value >>= 7;
        }

        Add((byte)value);
    }

    public void AddZigZag(int value) => AddVarUInt(ZigZag.Encode(value));

    public void AddUInt32LittleEndian(uint value)
    {
        Span<byte> tmp = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(tmp, value);
        AddRange(tmp);
    }

    public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

    private void Grow(int extra)
    {
        long wanted = Math.Max((long)_bytes.Length * 2, (long)_length + extra);
        Array.Resize(ref _bytes, (int)Math.Min(wanted, Array.MaxLength));
    }
}
