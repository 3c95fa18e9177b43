using System.Text;
using Sieve.Core.Tables;

namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Raw payload of a side channel block: per row, the UTF-8 byte length as an unsigned LEB128
/// varint (minimal encoding, at most 5 bytes, value at most int.MaxValue) followed by the bytes.
/// </summary>
internal static class SideChannelCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(SideChannel channel)
    {
        using var stream = new MemoryStream();
        Span<byte> prefix = stackalloc byte[5];
        for (int row = 0; row < channel.Values.Count; row++)
        {
            byte[] utf8;
            try
            {
                utf8 = StrictUtf8.GetBytes(channel.Values[row]);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(
                    $"Cannot write archive: side channel '{channel.Name}' row {row} is not valid UTF-16 text (lone surrogate) and cannot be stored losslessly.",
                    "content", e);
            }

            stream.Write(prefix[..WriteVarint(prefix, (uint)utf8.Length)]);
            stream.Write(utf8);
        }

        return stream.ToArray();
    }

    public static string[] Decode(ReadOnlySpan<byte> raw, int rows, string file, string channelName)
    {
        string field = $"side channel '{channelName}'";
        var values = new string[rows];
        int position = 0;
        for (int row = 0; row < rows; row++)
        {
            int length = ReadVarint(raw, ref position, file, $"{field} row {row + 1} length");
            if (length > raw.Length - position)
            {
                throw ArchiveThrow.Format(file, $"{field} row {row + 1}",
                    $"value length {length} runs past the end of the block ({raw.Length - position} bytes left)");
            }

            try
            {
                values[row] = StrictUtf8.GetString(raw.Slice(position, length));
            }
            catch (DecoderFallbackException e)
            {
                throw ArchiveThrow.Format(file, $"{field} row {row + 1}", "value is not valid UTF-8", inner: e);
            }

            position += length;
        }

        if (position != raw.Length)
        {
            throw ArchiveThrow.Format(file, field,
                $"{raw.Length - position} bytes are left after its {rows} rows", "exactly header.schema.row_count values");
        }

        return values;
    }

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        int count = 0;
        while (value >= 0x80)
        {
            destination[count++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[count++] = (byte)value;
        return count;
    }

    private static int ReadVarint(ReadOnlySpan<byte> raw, ref int position, string file, string field)
    {
        ulong value = 0;
        for (int i = 0; i < 5; i++)
        {
            if (position >= raw.Length)
            {
                throw ArchiveThrow.Format(file, field, "the block ends inside a length varint");
            }

            byte b = raw[position++];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (i > 0 && b == 0)
                {
                    throw ArchiveThrow.Format(file, field, "length varint is not minimally encoded", "the shortest LEB128 encoding");
                }

                if (value > int.MaxValue)
                {
                    throw ArchiveThrow.Format(file, field, $"length {value} is too large", $"at most {int.MaxValue}");
                }

                return (int)value;
            }
        }

        throw ArchiveThrow.Format(file, field, "length varint is longer than 5 bytes", "at most 5 bytes (values up to 2^31-1)");
    }
}
