using System.Text;
using Sieve.IO.Root.Internal;

namespace Sieve.IO.Root;

/// <summary>
/// A ROOT file opened for reading, in pure .NET: the file header, every directory's keys, and the
/// trees in it (<see cref="OpenTree"/>). Objects are read on demand; nothing but the header and
/// key lists is read when the file is opened. Not thread-safe.
/// </summary>
public sealed class RootFile : IDisposable
{
    /// <summary>The four bytes every ROOT file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "root"u8;

    private const int MaxDirectoryDepth = 64;

    private readonly RootSource _source;

    private RootFile(RootSource source)
    {
        _source = source;
    }

    /// <summary>The path as given.</summary>
    public string Path => _source.Path;

    /// <summary>The ROOT version that wrote the file, e.g. 62004 for 6.20/04.</summary>
    public int Version { get; private set; }

    /// <summary>The file's default compression setting (branches carry their own).</summary>
    public RootCompression Compression { get; private set; }

    /// <summary>Whether the file uses 64-bit offsets (written as a "big file").</summary>
    public bool IsLargeFile { get; private set; }

    /// <summary>File size in bytes.</summary>
    public long Length => _source.Length;

    /// <summary>Every key of every directory, in file order; a name may appear with several cycles.</summary>
    public IReadOnlyList<RootKey> Keys { get; private set; } = [];

    /// <summary>The newest cycle of each tree, in key order.</summary>
    public IReadOnlyList<RootKey> Trees => Newest(Keys.Where(k => k.IsTree));

    /// <summary>Whether a file starts with the ROOT magic bytes.</summary>
    public static bool HasMagic(string path) => FileSignature.Identify(path) == Core.Tables.InputFormat.Root;

    /// <summary>Opens a file and reads its header and key lists.</summary>
    public static RootFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new RootFile(new RootSource(path));
        try
        {
            file.ReadHeader();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Finds a key by path ("name", "dir/name", optionally ";cycle"); the newest cycle when none is given.
    /// </summary>
    public RootKey? FindKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int? cycle = null;
        int semicolon = path.LastIndexOf(';');
        if (semicolon >= 0 && int.TryParse(path.AsSpan(semicolon + 1), out int c))
        {
            cycle = c;
            path = path[..semicolon];
        }

        path = path.Trim('/');
        return Keys.Where(k => k.Path == path && (cycle is null || k.Cycle == cycle)).MaxBy(k => k.Cycle);
    }

    /// <summary>
    /// Opens a tree by path, or the first tree when <paramref name="path"/> is null. An RNTuple,
    /// another class, or a missing name is a <see cref="RootFormatException"/> that lists the trees.
    /// </summary>
    public RootTree OpenTree(string? path = null)
    {
        RootKey key;
        if (path is null)
        {
            key = Trees.FirstOrDefault() ?? throw new RootFormatException(Path, null, NoTreeProblem(), "a file with a TTree");
        }
        else
        {
            key = FindKey(path) ?? throw new RootFormatException(Path, path, $"the file has no object '{path}'", TreeChoices());
        }

        if (key.IsRNTuple)
        {
            throw new RootFormatException(Path, key.Path, $"'{key.Path}' is an RNTuple ({key.ClassName}); RNTuple is not supported yet", "a TTree (convert the RNTuple to a TTree, Parquet or HDF5 first)");
        }

        if (!key.IsTree)
        {
            throw new RootFormatException(Path, key.Path, $"'{key.Path}' is a {key.ClassName}, not a TTree", TreeChoices());
        }

        (byte[] data, int keyLength) = ReadObject(key);
        var buffer = new RootBuffer(data, Path, $"tree '{key.Path}'", keyLength);
        TreeInfo info = TreeStreamer.ReadTree(buffer, key.ClassName);
        return new RootTree(this, key, info);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _source.Dispose();

    internal RootSource Source => _source;

    /// <summary>The decoded object of a key (the bytes after its header) and the header's length.</summary>
    internal (byte[] Data, int KeyLength) ReadObject(RootKey key)
    {
        string part = $"key '{key.Path}'";
        byte[] stored = _source.Read(key.SeekKey, key.TotalBytes, part);
        var header = new RootBuffer(stored, Path, part);
        RootKey again = KeyReader.Read(header, string.Empty, Length);
        if (again.Name != key.Name || again.KeyLength != key.KeyLength || again.ObjectLength != key.ObjectLength)
        {
            throw new RootFormatException(Path, part, $"the key at byte {key.SeekKey} is '{again.Name}' ({again.KeyLength}+{again.ObjectLength} bytes), but the directory lists '{key.Name}' ({key.KeyLength}+{key.ObjectLength} bytes)", "a directory that matches its keys");
        }

        ReadOnlySpan<byte> payload = stored.AsSpan(key.KeyLength);
        byte[] data = key.IsCompressed ? RootDecompressor.Decompress(payload, key.ObjectLength, Path, part) : payload.ToArray();
        return (data, key.KeyLength);
    }

    private void ReadHeader()
    {
        byte[] head = _source.Read(0, (int)Math.Min(Length, 128), "file header");
        if (head.Length < 4 || !head.AsSpan(0, 4).SequenceEqual(Magic))
        {
            string start = Encoding.Latin1.GetString(head, 0, Math.Min(4, head.Length));
            string what = FileSignature.Describe(head) is { } known ? $"; it looks like {known}" : string.Empty;
            throw new RootFormatException(Path, "file header", $"the file starts with '{Printable(start)}', so it is not a ROOT file{what}", "the magic bytes 'root'");
        }

        var buffer = new RootBuffer(head, Path, "file header", start: 4);
        Version = buffer.ReadInt32();
        int begin = buffer.ReadInt32();
        IsLargeFile = Version >= 1000000;
        long end = buffer.ReadSeek(IsLargeFile);
        buffer.ReadSeek(IsLargeFile); // fSeekFree
        buffer.Skip(8); // fNbytesFree, nfree
        int nameBytes = buffer.ReadInt32();
        buffer.Skip(1); // fUnits
        Compression = new RootCompression(buffer.ReadInt32());
        Version %= 1000000;
        if (end > Length)
        {
            throw new RootFormatException(Path, "file header", $"the header says the file ends at byte {end}, but it has {Length} bytes (truncated)", "a complete file");
        }

        if (begin <= 0 || nameBytes <= 0 || (long)begin + nameBytes > Length)
        {
            throw new RootFormatException(Path, "file header", $"fBEGIN={begin} and fNbytesName={nameBytes} do not fit in a file of {Length} bytes", "a valid file header");
        }

        var keys = new List<RootKey>();
        var visited = new HashSet<long>();
        ReadDirectory(begin + nameBytes, string.Empty, keys, visited, 0);
        Keys = keys;
    }

    private void ReadDirectory(long recordAt, string directory, List<RootKey> keys, HashSet<long> visited, int depth)
    {
        string part = directory.Length == 0 ? "top directory" : $"directory '{directory}'";
        if (depth > MaxDirectoryDepth || !visited.Add(recordAt))
        {
            throw new RootFormatException(Path, part, "directories nest too deeply or in a loop", "a tree of directories");
        }

        byte[] record = _source.Read(recordAt, (int)Math.Min(64, Length - recordAt), part);
        (long seekKeys, int keysLength) = KeyReader.ReadDirectory(new RootBuffer(record, Path, part));
        if (seekKeys == 0 && keysLength == 0)
        {
            return; // an empty directory
        }

        if (keysLength < KeyReader.MinimumKeyLength + 4)
        {
            throw new RootFormatException(Path, part, $"the list of keys is {keysLength} bytes long", "a key list with a header and a count");
        }

        var list = new RootBuffer(_source.Read(seekKeys, keysLength, $"{part}, keys"), Path, $"{part}, keys");
        KeyReader.Read(list, directory, Length); // the list's own key header
        int count = list.ReadCount("the number of keys", KeyReader.MinimumKeyLength);
        var found = new List<RootKey>(count);
        for (int i = 0; i < count; i++)
        {
            found.Add(KeyReader.Read(list, directory, Length));
        }

        keys.AddRange(found);
        foreach (RootKey sub in Newest(found.Where(k => k.IsDirectory)))
        {
            ReadDirectory(sub.SeekKey + sub.KeyLength, sub.Path, keys, visited, depth + 1);
        }
    }

    private static List<RootKey> Newest(IEnumerable<RootKey> keys) =>
        keys.GroupBy(k => k.Path).Select(g => g.MaxBy(k => k.Cycle)!).ToList();

    private string NoTreeProblem()
    {
        List<RootKey> rntuples = Newest(Keys.Where(k => k.IsRNTuple));
        return rntuples.Count > 0
            ? $"the file has no TTree, only RNTuple {string.Join(", ", rntuples.Select(k => $"'{k.Path}'"))}; RNTuple is not supported yet"
            : $"the file has no TTree (objects: {(Keys.Count == 0 ? "none" : string.Join(", ", Newest(Keys).Select(k => $"{k.Path} ({k.ClassName})")))})";
    }

    private string TreeChoices() => Trees.Count == 0 ? "the name of a TTree (the file has none)" : $"one of the trees: {string.Join(", ", Trees.Select(k => k.Path))}";

    private static string Printable(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
}
