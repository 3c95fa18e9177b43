using System.Buffers.Binary;
using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>
/// The 64-bit header and directory forms that ROOT writes for files over 2 GB, made here from a
/// small file: the file header is rewritten in its large layout (fVersion + 1000000, 8-byte
/// offsets), and the top directory record in its large layout (version + 1000, 8-byte seeks)
/// in the 12 bytes ROOT reserves after a small record for this upgrade.
/// </summary>
public sealed class RootLargeFileTests
{
    [SkippableFact]
    public void LargeHeaderAndDirectoryReadTheSameTree()
    {
        byte[] small = File.ReadAllBytes(RootData.Zmumu("zlib"));
        byte[] large = ToLargeLayout(small);
        using var folder = new TempFolder();
        string path = folder.File("large.root");
        File.WriteAllBytes(path, large);

        using RootFile original = RootFile.Open(RootData.Zmumu("zlib"));
        using RootFile file = RootFile.Open(path);
        Assert.True(file.IsLargeFile);
        Assert.False(original.IsLargeFile);
        Assert.Equal(original.Version, file.Version);
        Assert.Equal(original.Compression, file.Compression);
        Assert.Equal(original.Keys, file.Keys);
        Assert.Equal(original.OpenTree().ReadColumn("E1").Values, file.OpenTree().ReadColumn("E1").Values);
    }

    private static byte[] ToLargeLayout(byte[] small)
    {
        byte[] bytes = (byte[])small.Clone();
        ReadOnlySpan<byte> s = small;
        int version = BinaryPrimitives.ReadInt32BigEndian(s[4..]);
        int begin = BinaryPrimitives.ReadInt32BigEndian(s[8..]);
        int end = BinaryPrimitives.ReadInt32BigEndian(s[12..]);
        int seekFree = BinaryPrimitives.ReadInt32BigEndian(s[16..]);
        int nbytesFree = BinaryPrimitives.ReadInt32BigEndian(s[20..]);
        int nfree = BinaryPrimitives.ReadInt32BigEndian(s[24..]);
        int nbytesName = BinaryPrimitives.ReadInt32BigEndian(s[28..]);
        int compress = BinaryPrimitives.ReadInt32BigEndian(s[33..]);
        int seekInfo = BinaryPrimitives.ReadInt32BigEndian(s[37..]);
        int nbytesInfo = BinaryPrimitives.ReadInt32BigEndian(s[41..]);
        Assert.True(version < 1000000 && begin == 100);

        Span<byte> h = bytes.AsSpan(0, begin);
        h[4..].Clear();
        BinaryPrimitives.WriteInt32BigEndian(h[4..], version + 1000000);
        BinaryPrimitives.WriteInt32BigEndian(h[8..], begin);
        BinaryPrimitives.WriteInt64BigEndian(h[12..], end);
        BinaryPrimitives.WriteInt64BigEndian(h[20..], seekFree);
        BinaryPrimitives.WriteInt32BigEndian(h[28..], nbytesFree);
        BinaryPrimitives.WriteInt32BigEndian(h[32..], nfree);
        BinaryPrimitives.WriteInt32BigEndian(h[36..], nbytesName);
        h[40] = 8; // fUnits: 8-byte offsets
        BinaryPrimitives.WriteInt32BigEndian(h[41..], compress);
        BinaryPrimitives.WriteInt64BigEndian(h[45..], seekInfo);
        BinaryPrimitives.WriteInt32BigEndian(h[53..], nbytesInfo);

        // Top directory: version, two dates, fNbytesKeys, fNbytesName, then three seeks.
        int at = begin + nbytesName;
        short dirVersion = BinaryPrimitives.ReadInt16BigEndian(s[at..]);
        int seekDir = BinaryPrimitives.ReadInt32BigEndian(s[(at + 18)..]);
        int seekParent = BinaryPrimitives.ReadInt32BigEndian(s[(at + 22)..]);
        int seekKeys = BinaryPrimitives.ReadInt32BigEndian(s[(at + 26)..]);
        byte[] uuid = s.Slice(at + 30, 18).ToArray();
        Assert.True(dirVersion < 1000);
        Assert.True(s.Slice(at + 48, 12).IndexOfAnyExcept((byte)0) < 0, "ROOT's 12 reserved bytes after a small directory record");
        Span<byte> d = bytes.AsSpan(at, 60);
        BinaryPrimitives.WriteInt16BigEndian(d, (short)(dirVersion + 1000));
        BinaryPrimitives.WriteInt64BigEndian(d[18..], seekDir);
        BinaryPrimitives.WriteInt64BigEndian(d[26..], seekParent);
        BinaryPrimitives.WriteInt64BigEndian(d[34..], seekKeys);
        uuid.CopyTo(d[42..]);
        return bytes;
    }
}
