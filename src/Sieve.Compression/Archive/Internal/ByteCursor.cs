using System.Buffers.Binary;

namespace Sieve.Compression.Archive.Internal;

/// <summary>Bounds-checked little-endian reader over a byte array, up to a limit.</summary>
internal sealed class ByteCursor(byte[] bytes, int start, int limit, string file)
{
    public int Position { get; private set; } = start;

    public int Remaining => limit - Position;

    public byte ReadByte(string field) => Take(1, field)[0];

    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    /// <summary>Takes <paramref name="count"/> bytes, refusing any count beyond what is left.</summary>
    public ReadOnlySpan<byte> Take(ulong count, string field)
    {
        if (count > (ulong)Remaining)
        {
            throw ArchiveThrow.Format(file, $"{field} at byte {Position}",
                $"needs {count} bytes but only {Remaining} remain before the trailer",
                "lengths that fit inside the file");
        }

        var span = new ReadOnlySpan<byte>(bytes, Position, (int)count);
        Position += (int)count;
        return span;
    }
}
