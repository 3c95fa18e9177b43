using System.IO.Compression;
using Sieve.Core.Tables;
using Sieve.IO.Arrays;

namespace Sieve.IO.Numpy;

/// <summary>
/// Reads NumPy .npz archives (numpy.savez and numpy.savez_compressed): a zip file whose members
/// are .npy files. Array names are member names without the ".npy" suffix, as numpy shows them.
/// Each member is decoded as a stream through <see cref="NpyReader"/>'s fixed buffer.
/// </summary>
public static class NpzReader
{
    /// <summary>Names of the arrays in the archive, in archive order.</summary>
    public static IReadOnlyList<string> List(string path)
    {
        using ZipArchive zip = Open(path);
        return zip.Entries.Select(e => ArrayName(e.FullName)).ToArray();
    }

    /// <summary>Reads the array <paramref name="name"/> (with or without ".npy").</summary>
    public static DenseArray Read(string path, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using ZipArchive zip = Open(path);
        ZipArchiveEntry entry = zip.GetEntry(name) ?? zip.GetEntry(name + ".npy")
            ?? throw new NpyFormatException(path, name, $"the archive has no array '{name}'",
                $"one of: {string.Join(", ", zip.Entries.Select(e => ArrayName(e.FullName)))}");
        return ReadEntry(path, entry);
    }

    /// <summary>Reads every array, keyed by name, in archive order.</summary>
    public static IReadOnlyDictionary<string, DenseArray> ReadAll(string path)
    {
        using ZipArchive zip = Open(path);
        var arrays = new Dictionary<string, DenseArray>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            arrays[ArrayName(entry.FullName)] = ReadEntry(path, entry);
        }

        return arrays;
    }

    /// <summary>Reads a 2-D array as a table; see <see cref="NpyReader.ReadTable"/>.</summary>
    public static FeatureTable ReadTable(string path, string name, IReadOnlyList<string>? featureNames = null) =>
        NpyReader.ToTable(Read(path, name), $"{path} ({name})", featureNames);

    private static DenseArray ReadEntry(string path, ZipArchiveEntry entry)
    {
        string display = $"{path} ({entry.FullName})";
        try
        {
            using Stream stream = entry.Open();
            return NpyReader.Read(stream, display, entry.Length);
        }
        catch (InvalidDataException e)
        {
            throw new NpyFormatException(display, "data", $"the zip member cannot be decompressed: {e.Message}", "a stored or deflated .npy member", e);
        }
    }

    private static ZipArchive Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ZipArchive? zip = null;
        try
        {
            // The central directory is read on first use of Entries, not on open: read it here, so
            // that a damaged one is refused as a format error like a damaged end record.
            zip = ZipFile.OpenRead(path);
            _ = zip.Entries;
            return zip;
        }
        catch (InvalidDataException e)
        {
            zip?.Dispose();
            throw new NpyFormatException(path, "zip", $"the file is not a readable zip archive: {e.Message}", "an .npz file as numpy.savez writes", e);
        }
    }

    private static string ArrayName(string member) =>
        member.EndsWith(".npy", StringComparison.Ordinal) ? member[..^4] : member;
}
