using System.Buffers.Binary;

namespace Sieve.IO.Root.Internal;

/// <summary>
/// Reads one basket of a branch: a TKey header whose last 19 bytes are the TBasket fields
/// (version, buffer size, fNevBufSize, fNevBuf, fLast, a flag), then the compressed content. The
/// content holds the entries' bytes up to fLast - fKeylen, then for variable-size entries a count
/// and each entry's start (counted from the key start).
/// </summary>
internal static class BasketReader
{
    private const int BasketFieldsLength = 2 + 4 + 4 + 4 + 4 + 1;

    public static Basket Read(RootFile file, BranchInfo branch, int index, string part)
    {
        long entryStart = branch.BasketEntry[index];
        long entryStop = index + 1 < branch.WriteBasket ? branch.BasketEntry[index + 1] : branch.Entries;
        int stored = branch.BasketBytes[index];
        long seek = branch.BasketSeek[index];
        part = $"{part}, basket {index} at byte {seek}";
        if (entryStop < entryStart || entryStop - entryStart > int.MaxValue || stored < KeyReader.MinimumKeyLength + BasketFieldsLength)
        {
            throw new RootFormatException(file.Path, part, $"the basket covers entries {entryStart} to {entryStop} in {stored} bytes", "increasing basket entries and a basket longer than its header");
        }

        byte[] raw = file.Source.Read(seek, stored, part);
        var header = new RootBuffer(raw, file.Path, part);
        RootKey key = KeyReader.Read(header, string.Empty, file.Length);
        if (key.TotalBytes != stored || key.KeyLength < KeyReader.MinimumKeyLength + BasketFieldsLength || key.ClassName != "TBasket")
        {
            throw new RootFormatException(file.Path, part, $"the basket's key is a '{key.ClassName}' of {key.TotalBytes} bytes with a {key.KeyLength}-byte header; the branch says {stored} bytes", "a TBasket key of the size the branch records");
        }

        header.Seek(key.KeyLength - BasketFieldsLength);
        header.Skip(2 + 4 + 4); // fVersion, fBufferSize, fNevBufSize
        int count = header.ReadInt32();
        int last = header.ReadInt32();
        int expected = (int)(entryStop - entryStart);
        if (count != expected)
        {
            throw new RootFormatException(file.Path, part, $"the basket holds {count} entries, but the branch expects {expected}", "baskets that match the branch's entry table");
        }

        ReadOnlySpan<byte> payload = raw.AsSpan(key.KeyLength);
        byte[] data = key.IsCompressed ? RootDecompressor.Decompress(payload, key.ObjectLength, file.Path, part) : payload.ToArray();
        int border = last - key.KeyLength;
        if (border < 0 || border > data.Length)
        {
            throw new RootFormatException(file.Path, part, $"the basket's data ends at byte {border} of {data.Length}", "fLast within the basket");
        }

        int[]? offsets = border < data.Length ? ReadOffsets(data, border, count, key.KeyLength, file.Path, part) : null;
        return new Basket(entryStart, count, data, border, offsets);
    }

    private static int[] ReadOffsets(byte[] data, int border, int count, int keyLength, string file, string part)
    {
        // After the entries: an int32 count, then each entry's start counted from the key start.
        if ((long)border + 4 + (4L * count) > data.Length)
        {
            throw new RootFormatException(file, part, $"the basket's entry offsets need {4 + (4L * count)} bytes after byte {border}, but it has {data.Length - border}", "an entry offset per entry");
        }

        var offsets = new int[count + 1];
        int previous = 0;
        for (int i = 0; i < count; i++)
        {
            int offset = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(border + 4 + (4 * i), 4)) - keyLength;
            if (offset < previous || offset > border)
            {
                throw new RootFormatException(file, part, $"entry {i} of the basket starts at byte {offset}, outside {previous} to {border}", "increasing entry offsets within the data");
            }

            offsets[i] = previous = offset;
        }

        offsets[count] = border;
        return offsets;
    }
}
