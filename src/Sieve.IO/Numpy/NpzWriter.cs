using System.IO.Compression;
using Sieve.IO.Arrays;
using Sieve.IO.Internal;

namespace Sieve.IO.Numpy;

/// <summary>
/// Writes several arrays into one .npz archive that numpy.load reads: one "{name}.npy" member per
/// array, stored (numpy.savez) or deflated (numpy.savez_compressed).
/// </summary>
public static class NpzWriter
{
    /// <summary>
    /// Writes <paramref name="arrays"/> (name -> array; names without ".npy") to
    /// <paramref name="path"/> through a temporary file renamed on success. Each array is written
    /// as <paramref name="elementType"/>, or as its own element type when null.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, DenseArray>> arrays,
        ArrayElementType? elementType = null, bool compress = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(arrays);
        KeyValuePair<string, DenseArray>[] items = arrays.ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, DenseArray array) in items)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(arrays));
            ArgumentNullException.ThrowIfNull(array, nameof(arrays));
            if (!names.Add(name))
            {
                throw new ArgumentException($"Array name '{name}' appears twice.", nameof(arrays));
            }
        }

        CompressionLevel level = compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
        AtomicFile.WriteBinary(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach ((string name, DenseArray array) in items)
            {
                ZipArchiveEntry entry = zip.CreateEntry(name + ".npy", level);
                using Stream member = entry.Open();
                NpyWriter.Write(member, array, elementType);
            }
        });
    }
}
