using System.Buffers.Binary;
using Sieve.IO.Parquet;

namespace Sieve.IO.Internal;

/// <summary>
/// Walks a Parquet footer (Thrift compact protocol) without decoding it, before Parquet.Net does:
/// Parquet.Net's Thrift reader does not stop at the end of the footer, and a damaged last byte
/// sends it into an endless varint loop. Every length, count and field must fit the footer and the
/// outer struct must end exactly at its end; otherwise the file is refused here, naming the offset.
/// </summary>
internal static class ParquetFooterCheck
{
    private const int MaxDepth = 64;

    /// <summary>Checks the footer of a file that ends with the Parquet magic; other files are left to the reader's own checks.</summary>
    public static void Require(Stream stream, string file)
    {
        long length = stream.Length;
        if (length < 12)
        {
            return;
        }

        long position = stream.Position;
        var tail = new byte[8];
        stream.Position = length - 8;
        stream.ReadExactly(tail);
        stream.Position = position;
        if (!tail.AsSpan(4).SequenceEqual("PAR1"u8))
        {
            return;
        }

        long footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            throw new ParquetFormatException(file, null, null, $"the footer length {footerLength} does not fit the file's {length} bytes", "a footer between the data and the magic");
        }

        var footer = new byte[footerLength];
        stream.Position = length - 8 - footerLength;
        stream.ReadExactly(footer);
        stream.Position = position;
        int at = 0;
        Struct(footer, ref at, 0, file, length - 8 - footerLength);
        if (at != footer.Length)
        {
            throw new ParquetFormatException(file, null, null, $"the footer's metadata ends at byte {at} of its {footer.Length}", "metadata that fills the footer");
        }
    }

    private static void Struct(byte[] b, ref int at, int depth, string file, long origin)
    {
        if (depth > MaxDepth)
        {
            throw Damaged(file, origin, at, $"structures nested deeper than {MaxDepth}");
        }

        while (true)
        {
            byte header = Byte(b, ref at, file, origin);
            if (header == 0)
            {
                return;
            }

            int type = header & 0x0F;
            if ((header >> 4) == 0)
            {
                Varint(b, ref at, file, origin); // the field id, when not a delta
            }

            Value(b, ref at, type, depth, file, origin);
        }
    }

    private static void Value(byte[] b, ref int at, int type, int depth, string file, long origin)
    {
        switch (type)
        {
            case 1 or 2: // booleans live in the field header
                return;
            case 3:
                Byte(b, ref at, file, origin);
                return;
            case 4 or 5 or 6:
                Varint(b, ref at, file, origin);
                return;
            case 7:
                Skip(b, ref at, 8, file, origin);
                return;
            case 8:
                Skip(b, ref at, Count(b, ref at, file, origin), file, origin);
                return;
            case 9 or 10:
            {
                byte header = Byte(b, ref at, file, origin);
                long size = header >> 4 == 15 ? Count(b, ref at, file, origin) : header >> 4;
                Elements(b, ref at, size, header & 0x0F, depth, file, origin);
                return;
            }

            case 11:
            {
                long size = Count(b, ref at, file, origin);
                if (size > 0)
                {
                    byte types = Byte(b, ref at, file, origin);
                    for (long i = 0; i < size; i++)
                    {
                        Element(b, ref at, types >> 4, depth, file, origin);
                        Element(b, ref at, types & 0x0F, depth, file, origin);
                    }
                }

                return;
            }

            case 12:
                Struct(b, ref at, depth + 1, file, origin);
                return;
            default:
                throw Damaged(file, origin, at, $"unknown field type {type}");
        }
    }

    // Inside lists, sets and maps a boolean takes a byte of its own.
    private static void Element(byte[] b, ref int at, int type, int depth, string file, long origin)
    {
        if (type is 1 or 2)
        {
            Byte(b, ref at, file, origin);
            return;
        }

        Value(b, ref at, type, depth + 1, file, origin);
    }

    private static void Elements(byte[] b, ref int at, long size, int type, int depth, string file, long origin)
    {
        // Every element takes at least one byte: a larger count cannot be right.
        if (size > b.Length - at)
        {
            throw Damaged(file, origin, at, $"a list of {size} elements in {b.Length - at} bytes");
        }

        for (long i = 0; i < size; i++)
        {
            Element(b, ref at, type, depth, file, origin);
        }
    }

    private static byte Byte(byte[] b, ref int at, string file, long origin) =>
        at < b.Length ? b[at++] : throw Damaged(file, origin, at, "the footer ends inside a field");

    private static ulong Varint(byte[] b, ref int at, string file, long origin)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte next = Byte(b, ref at, file, origin);
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw Damaged(file, origin, at, "a number longer than 10 bytes");
    }

    private static long Count(byte[] b, ref int at, string file, long origin)
    {
        ulong count = Varint(b, ref at, file, origin);
        return count <= int.MaxValue ? (long)count : throw Damaged(file, origin, at, $"a length of {count}");
    }

    private static void Skip(byte[] b, ref int at, long bytes, string file, long origin)
    {
        if (bytes > b.Length - at)
        {
            throw Damaged(file, origin, at, $"a value of {bytes} bytes where {b.Length - at} remain");
        }

        at += (int)bytes;
    }

    private static ParquetFormatException Damaged(string file, long origin, int at, string problem) =>
        new(file, null, null, $"the footer is damaged at byte {origin + at}: {problem}", "Thrift compact metadata as Parquet writes it");
}
