namespace Sieve.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder and renames it on success, so a
/// write that fails half way (full disk, exception in the caller's data) never leaves a file at
/// the target path that looks complete. Same folder because a rename is only atomic within one
/// file system.
/// </summary>
public static class AtomicFile
{
    /// <summary>Buffer size of the text writer; large enough that writes are not syscall-bound.</summary>
    private const int BufferSize = 1 << 16;

    /// <summary>Runs <paramref name="write"/> on a UTF-8 (no BOM) writer and moves the result to <paramref name="path"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteBinary(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), BufferSize, leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
            writer.Flush();
        });
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteText(path, writer => writer.Write(text));

    /// <summary>Writes <paramref name="bytes"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => WriteBinary(path, stream => stream.Write(bytes));

    /// <summary>
    /// Runs <paramref name="write"/> on a binary stream and moves the result to <paramref name="path"/>.
    /// The stream is readable and seekable as well, because HDF5 writers go back to patch headers.
    /// </summary>
    public static void WriteBinary(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        string temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temp file, whose name says what it is.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
