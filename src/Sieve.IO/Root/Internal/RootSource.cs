using Microsoft.Win32.SafeHandles;

namespace Sieve.IO.Root.Internal;

/// <summary>Random access to the bytes of a ROOT file; reads past its end are truncation errors.</summary>
internal sealed class RootSource : IDisposable
{
    private readonly SafeFileHandle _handle;

    public RootSource(string path)
    {
        Path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Length = RandomAccess.GetLength(_handle);
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    public byte[] Read(long offset, int length, string part)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
        {
            throw new RootFormatException(Path, part, $"needs bytes {offset} to {offset + length}, but the file has {Length} bytes (truncated or corrupt)", "offsets within the file");
        }

        var data = new byte[length];
        int total = 0;
        while (total < length)
        {
            int n = RandomAccess.Read(_handle, data.AsSpan(total), offset + total);
            if (n == 0)
            {
                throw new RootFormatException(Path, part, $"the file ended at byte {offset + total} while reading {length} bytes at {offset}", "a complete file");
            }

            total += n;
        }

        return data;
    }

    public void Dispose() => _handle.Dispose();
}
