using System.Buffers.Binary;
using System.Text;

namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Raw payload of a model block: per file a u8 name length (1..127, so also a one-byte varint), the
/// UTF-8 name, a u64 little-endian size and the file's bytes; the files use up the payload exactly.
/// </summary>
internal static class EmbeddedModelCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why <paramref name="name"/> cannot be an embedded file name; null when it can.</summary>
    public static string? NameProblem(string name) =>
        string.IsNullOrEmpty(name) || StrictUtf8.GetByteCount(name) > 127 ? "must be 1 to 127 UTF-8 bytes"
        : name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or ".." ? "must be a plain file name (no folders)"
        : null;

    public static byte[] Encode(IReadOnlyList<EmbeddedFile> files)
    {
        using var stream = new MemoryStream();
        Span<byte> size = stackalloc byte[8];
        foreach (EmbeddedFile file in files)
        {
            byte[] name = StrictUtf8.GetBytes(file.Name);
            stream.WriteByte((byte)name.Length);
            stream.Write(name);
            BinaryPrimitives.WriteUInt64LittleEndian(size, (ulong)file.Bytes.LongLength);
            stream.Write(size);
            stream.Write(file.Bytes);
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<EmbeddedFile> Decode(ReadOnlySpan<byte> raw, string file, string field)
    {
        var files = new List<EmbeddedFile>();
        int position = 0;
        while (position < raw.Length)
        {
            int length = raw[position++];
            if (length is 0 or > 127 || length > raw.Length - position)
            {
                throw ArchiveThrow.Format(file, $"{field} file {files.Count + 1}", $"name length {length} is outside 1..127 or runs past the block");
            }

            string name;
            try
            {
                name = StrictUtf8.GetString(raw.Slice(position, length));
            }
            catch (DecoderFallbackException e)
            {
                throw ArchiveThrow.Format(file, $"{field} file {files.Count + 1}", "name is not valid UTF-8", inner: e);
            }

            position += length;
            string? problem = NameProblem(name) ?? (files.Any(f => f.Name == name) ? "appears twice" : null);
            if (problem is not null)
            {
                throw ArchiveThrow.Format(file, $"{field} file '{name}'", problem, "a plain, unique file name");
            }

            if (raw.Length - position < 8)
            {
                throw ArchiveThrow.Format(file, $"{field} file '{name}'", "size runs past the block");
            }

            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(raw.Slice(position, 8));
            position += 8;
            if (size > (ulong)(raw.Length - position))
            {
                throw ArchiveThrow.Format(file, $"{field} file '{name}'", $"size {size} runs past the block ({raw.Length - position} bytes left)");
            }

            files.Add(new EmbeddedFile(name, raw.Slice(position, (int)size).ToArray()));
            position += (int)size;
        }

        if (files.Count == 0)
        {
            throw ArchiveThrow.Format(file, field, "holds no files", "the model's files");
        }

        return files;
    }
}
