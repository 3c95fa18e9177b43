namespace Sieve.IO.Root;

/// <summary>
/// A ROOT compression setting as stored in files and branches: algorithm x 100 + level
/// (e.g. 101 = zlib level 1, 404 = LZ4 level 4, 505 = ZSTD level 5; 0 = none).
/// </summary>
public readonly record struct RootCompression(int Setting)
{
    /// <summary>The algorithm the setting names; level 0 means none whatever the algorithm.</summary>
    public RootCompressionAlgorithm Algorithm => Level == 0 ? RootCompressionAlgorithm.None : (Setting / 100) switch
    {
        // Algorithm 0 is ROOT's "global default", which is zlib.
        0 or 1 => RootCompressionAlgorithm.Zlib,
        2 => RootCompressionAlgorithm.Lzma,
        3 => RootCompressionAlgorithm.OldRoot,
        4 => RootCompressionAlgorithm.Lz4,
        5 => RootCompressionAlgorithm.Zstd,
        _ => RootCompressionAlgorithm.None,
    };

    /// <summary>The compression level (0 to 9).</summary>
    public int Level => Setting % 100;

    /// <summary>Text such as "zlib level 1" or "none".</summary>
    public override string ToString() => Algorithm switch
    {
        RootCompressionAlgorithm.None => "none",
        RootCompressionAlgorithm.Zlib => $"zlib level {Level}",
        RootCompressionAlgorithm.Lz4 => $"lz4 level {Level}",
        RootCompressionAlgorithm.Lzma => $"lzma level {Level}",
        RootCompressionAlgorithm.Zstd => $"zstd level {Level}",
        _ => $"old ROOT deflate level {Level}",
    };
}
