using Sieve.Core.Tables;

namespace Sieve.IO;

/// <summary>
/// What a file is by its first bytes (its magic number), whatever its name says: a ROOT, HDF5,
/// Parquet or NumPy file renamed .csv is still that format, and a text reader must not report its
/// bytes as "a row with 2 fields". One table serves format detection and the messages of readers
/// handed the wrong file.
/// </summary>
public static class FileSignature
{
    private const int HeadBytes = 8;

    // Magic bytes, the input format Sieve reads them as (null: not an input format), and the words for messages.
    private static readonly (byte[] Magic, InputFormat? Format, string Words)[] Signatures =
    [
        ("root"u8.ToArray(), InputFormat.Root, "a ROOT file"),
        ([0x89, (byte)'H', (byte)'D', (byte)'F'], InputFormat.Hdf5, "an HDF5 file"),
        ("PAR1"u8.ToArray(), InputFormat.Parquet, "a Parquet file"),
        ([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'], InputFormat.Npy, "a NumPy .npy file"),
        ([(byte)'P', (byte)'K', 3, 4], InputFormat.Npy, "a zip archive (e.g. NumPy .npz)"),
        ([0x1f, 0x8b], null, "a gzip file"),
        ([0x28, 0xb5, 0x2f, 0xfd], null, "a zstd file"),
    ];

    /// <summary>The binary input format of the file by its magic bytes (ROOT, HDF5, Parquet, .npy, .npz); null for anything else (text included).</summary>
    public static InputFormat? Identify(string path) => Sniff(path)?.Format;

    /// <summary>The known binary format the file starts with: the input format (null when Sieve does not read it) and words for messages; null when none.</summary>
    public static (InputFormat? Format, string Words)? Sniff(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> head = stackalloc byte[HeadBytes];
        int n;
        using (FileStream stream = File.OpenRead(path))
        {
            n = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        }

        return Find(head[..n]) is { } found ? (found.Format, found.Words) : null;
    }

    /// <summary>Words for the known binary format that <paramref name="head"/> starts ("an HDF5 file"); null when it is none of them.</summary>
    public static string? Describe(ReadOnlySpan<byte> head) => Find(head)?.Words;

    private static (byte[] Magic, InputFormat? Format, string Words)? Find(ReadOnlySpan<byte> head)
    {
        foreach ((byte[] Magic, InputFormat? Format, string Words) signature in Signatures)
        {
            if (head.StartsWith(signature.Magic))
            {
                return signature;
            }
        }

        return null;
    }
}
