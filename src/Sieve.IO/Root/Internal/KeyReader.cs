namespace Sieve.IO.Root.Internal;

/// <summary>Reads TKey headers and TDirectory records.</summary>
internal static class KeyReader
{
    /// <summary>The smallest possible key header: fixed fields with 32-bit seeks and three empty strings.</summary>
    public const int MinimumKeyLength = 4 + 2 + 4 + 4 + 2 + 2 + 4 + 4 + 3;

    /// <summary>Reads one key header at the buffer's position and leaves the buffer just past it.</summary>
    public static RootKey Read(RootBuffer buffer, string directory, long fileLength)
    {
        int start = buffer.Position;
        int totalBytes = buffer.ReadInt32();
        short version = buffer.ReadInt16();
        int objectLength = buffer.ReadInt32();
        buffer.Skip(4); // fDatime
        short keyLength = buffer.ReadInt16();
        short cycle = buffer.ReadInt16();
        bool big = version > 1000;
        long seekKey = buffer.ReadSeek(big);
        buffer.ReadSeek(big); // fSeekPdir
        string className = buffer.ReadTString();
        string name = buffer.ReadTString();
        string title = buffer.ReadTString();
        if (keyLength < buffer.Position - start || totalBytes < keyLength || objectLength < 0 || seekKey < 0 || seekKey > fileLength - totalBytes)
        {
            throw buffer.Fail(
                $"key '{name}' ({className}) has fNbytes={totalBytes}, fKeylen={keyLength}, fObjlen={objectLength}, fSeekKey={seekKey} in a file of {fileLength} bytes",
                "a key whose header and object lie within the file");
        }

        buffer.Seek(start + keyLength);
        string path = directory.Length == 0 ? name : $"{directory}/{name}";
        return new RootKey(name, title, className, cycle, path, seekKey, keyLength, totalBytes, objectLength);
    }

    /// <summary>A TDirectory record: where its list of keys is and how long it is.</summary>
    public static (long SeekKeys, int KeysLength) ReadDirectory(RootBuffer buffer)
    {
        short version = buffer.ReadInt16();
        buffer.Skip(8); // fDatimeC, fDatimeM
        int keysLength = buffer.ReadInt32();
        buffer.Skip(4); // fNbytesName
        bool big = version > 1000;
        buffer.ReadSeek(big); // fSeekDir
        buffer.ReadSeek(big); // fSeekParent
        long seekKeys = buffer.ReadSeek(big);
        return (seekKeys, keysLength);
    }
}
