namespace Sieve.Compression.Archive.Internal;

/// <summary>One place that builds the archive exceptions, so messages stay uniform.</summary>
internal static class ArchiveThrow
{
    public static ArchiveFormatException Format(string file, string field, string problem, string? expected = null, Exception? inner = null) =>
        new(file, field, problem, expected, inner);

    public static ArchiveCorruptException Corrupt(string file, string problem, Exception? inner = null) =>
        new(file, problem, "an intact .sieve archive; the file was damaged or cut short (re-copy it in binary mode, or rewrite it)", inner);

    public static ArgumentException Content(string problem) =>
        new($"Cannot write archive: {problem}", "content");
}
