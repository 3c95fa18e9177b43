using Sieve.Core.Tables;

namespace Sieve.IO;

/// <summary>
/// What a file is by its first bytes (its magic number), whatever its name says: a ROOT, HDF5,
/// Parquet or NumPy file renamed .csv is still that format, and a text reader must not report its
/// bytes as "a row with 2 fields".
/// </summary>
public static class FileSignature
{
    private const int HeadBytes = 8;

    /// <summary>The binary format of the file by its magic bytes (ROOT, HDF5, Parquet, .npy, .npz); null for anything else (text included).</summary>
    public static InputFormat? Identify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> head = stackalloc byte[HeadBytes];
        int n;
        using (FileStream stream = File.OpenRead(path))
        {
            n = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        }

        return Identify(head[..n]);
    }

    /// <summary>The binary format of bytes that start a file; null when they are none of the known ones.</summary>
    public static InputFormat? Identify(ReadOnlySpan<byte> head) => head switch
    {
        [(byte)'r', (byte)'o', (byte)'o', (byte)'t', ..] => InputFormat.Root,
        [0x89, (byte)'H', (byte)'D', (byte)'F', ..] => InputFormat.Hdf5,
        [(byte)'P', (byte)'A', (byte)'R', (byte)'1', ..] => InputFormat.Parquet,
        [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', ..] => InputFormat.Npy,
        [(byte)'P', (byte)'K', 3, 4, ..] => InputFormat.Npy, // a zip archive: NumPy .npz
        _ => null,
    };

    /// <summary>Words for a binary format in messages ("an HDF5 file").</summary>
    public static string Describe(InputFormat format) => format switch
    {
        InputFormat.Root or InputFormat.RootEvents => "a ROOT file",
        InputFormat.Hdf5 => "an HDF5 file",
        InputFormat.Parquet => "a Parquet file",
        InputFormat.Npy => "a NumPy .npy/.npz file",
        _ => $"a {format} file",
    };
}
