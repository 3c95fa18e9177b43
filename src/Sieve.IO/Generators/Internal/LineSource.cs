using System.IO.Compression;
using Sieve.Core.Errors;

namespace Sieve.IO.Generators.Internal;

/// <summary>
/// Lines of a generator file with their 1-based numbers, from a plain or gzip-compressed file.
/// Compression is recognised by the gzip magic bytes, not by the name, so a renamed file still
/// reads. Errors of a corrupt or truncated gzip stream surface from <see cref="GZipStream"/> as
/// <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> in the middle of a
/// read; they are rethrown here as <see cref="SieveDataException"/> naming the file and line,
/// because a bare stream exception says nothing about which input was bad.
/// </summary>
internal sealed class LineSource : IDisposable
{
    /// <summary>
    /// Streams what <paramref name="read"/> yields from a file opened lazily (plain or gzip), and
    /// closes it when the enumeration ends: the shared shape of every generator reader's Read(path).
    /// </summary>
    public static IEnumerable<T> ReadFile<T>(string path, Func<LineSource, IEnumerable<T>> read)
    {
        using LineSource source = Open(path);
        foreach (T item in read(source))
        {
            yield return item;
        }
    }

    private const int BufferSize = 1 << 16;
    private readonly TextReader reader;
    private readonly bool ownsReader;
    private readonly bool compressed;

    private LineSource(TextReader reader, string file, bool ownsReader, bool compressed)
    {
        this.reader = reader;
        File = file;
        this.ownsReader = ownsReader;
        this.compressed = compressed;
    }

    /// <summary>The file name used in error messages.</summary>
    public string File { get; }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Opens a file, decompressing it when it starts with the gzip magic bytes.</summary>
    public static LineSource Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            bool gzip = StartsWithGzipMagic(stream);
            Stream content = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            return new LineSource(new StreamReader(content, detectEncodingFromByteOrderMarks: true), path, ownsReader: true, gzip);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a reader that the caller keeps owning.</summary>
    public static LineSource Wrap(TextReader reader, string displayName) => new(reader, displayName, ownsReader: false, compressed: false);

    /// <summary>Next line, or null at the end of the input.</summary>
    public string? ReadLine()
    {
        string? line;
        try
        {
            line = reader.ReadLine();
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            string what = compressed ? "gzip data is corrupt or truncated" : "input stream is corrupt";
            throw new SieveDataException(File, LineNumber + 1, null, $"{what} ({ex.Message})",
                "a complete file; re-copy or re-compress it", ex);
        }

        if (line != null)
        {
            LineNumber++;
        }

        return line;
    }

    /// <summary>Throws a <see cref="SieveDataException"/> for the current line.</summary>
    public SieveDataException Error(string? field, string problem, string? expected = null) =>
        new(File, LineNumber, field, problem, expected);

    public void Dispose()
    {
        if (ownsReader)
        {
            reader.Dispose();
        }
    }

    private static bool StartsWithGzipMagic(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
