using Sieve.Core.Tables;
using Sieve.IO.Arrays;
using Sieve.IO.Internal;

namespace Sieve.IO.Numpy;

/// <summary>
/// Reads NumPy .npy files (format versions 1.0, 2.0, 3.0) holding float32, float64, int32 or
/// int64 arrays of any rank, little- or big-endian, in C or Fortran order. Values are widened to
/// double and returned in C order. The data is converted through a fixed buffer; the only large
/// allocation is the result.
/// </summary>
/// <remarks>
/// Bad input throws <see cref="NpyFormatException"/> naming the file, the part of the file
/// (magic, version, header, descr, shape, data) and the expected form. Bytes after the data are
/// ignored, as numpy.load does.
/// </remarks>
public static class NpyReader
{
    /// <summary>Reads only the header of <paramref name="path"/>.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = OpenRead(path);
        return NpyHeaderParser.Read(stream, path);
    }

    /// <summary>Reads the array in <paramref name="path"/>.</summary>
    public static DenseArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads an array from <paramref name="stream"/>, positioned at the magic; the caller keeps
    /// ownership. <paramref name="displayName"/> names the source in error messages.
    /// </summary>
    public static DenseArray Read(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        return Read(stream, displayName, stream.CanSeek ? stream.Length - stream.Position : null);
    }

    /// <summary>
    /// Reads a 2-D array (N, F) as a <see cref="FeatureTable"/> with no side channels. Feature
    /// names are <paramref name="featureNames"/> when given (one per column), else f0, f1, ...
    /// </summary>
    public static FeatureTable ReadTable(string path, IReadOnlyList<string>? featureNames = null)
    {
        DenseArray array = Read(path);
        return ToTable(array, path, featureNames);
    }

    /// <summary>
    /// Whether <see cref="ReadTableChunks"/> can stream <paramref name="header"/>'s array: a 2-D
    /// array in C order, whose rows are consecutive in the file.
    /// </summary>
    public static bool CanReadInChunks(NpyHeader header) => header is { FortranOrder: false, Shape.Count: 2 };

    /// <summary>
    /// Reads a 2-D C-order array (N, F) as tables of <paramref name="rowsPerChunk"/> rows (the last
    /// one shorter), so memory stays that of one chunk whatever the file size. Names as in
    /// <see cref="ReadTable"/>. A file that ends early is an error naming the byte it ends at,
    /// checked against the shape before the first chunk.
    /// </summary>
    public static IEnumerable<FeatureTable> ReadTableChunks(string path, int rowsPerChunk, IReadOnlyList<string>? featureNames = null, IProgress<long>? bytesRead = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        NpyHeader header = ReadHeader(path);
        if (!CanReadInChunks(header))
        {
            throw new NpyFormatException(path, "shape", $"the array has shape {DenseArray.FormatShape(header.Shape)}{(header.FortranOrder ? " in Fortran order" : "")}",
                "a 2-D array in C order to read in chunks");
        }

        long available = new FileInfo(path).Length - header.DataOffset;
        if (available < header.DataLength)
        {
            // Before the first chunk, so a truncated file never yields part of its rows.
            throw new NpyFormatException(path, "data", $"the data ends after {available} of {header.DataLength} bytes",
                $"{header.ElementCount} elements of '{header.Descr}' for shape {DenseArray.FormatShape(header.Shape)}");
        }

        return Chunks(path, header, rowsPerChunk, featureNames, bytesRead);
    }

    private static IEnumerable<FeatureTable> Chunks(string path, NpyHeader header, int rowsPerChunk, IReadOnlyList<string>? featureNames, IProgress<long>? bytesRead)
    {
        using Stream stream = ProgressStream.Wrap(OpenRead(path), bytesRead);
        NpyHeaderParser.Read(stream, path); // positions the stream at the data, its bytes counted
        int rows = header.Shape[0], columns = header.Shape[1];
        for (int from = 0; from < rows || from == 0; from += rowsPerChunk)
        {
            int n = Math.Min(rowsPerChunk, rows - from);
            var values = new double[(long)n * columns];
            NpyData.ReadInto(stream, header, path, values, (long)from * columns);
            if (from + n >= rows)
            {
                // The data is read exactly, never to the end of the file, so the last report is ours.
                bytesRead?.Report(stream.Length);
            }

            yield return ToTable(new DenseArray(values, [n, columns], header.ElementType), path, featureNames);
            if (n == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>Builds a table from a 2-D array; shared with the .npz reader.</summary>
    internal static FeatureTable ToTable(DenseArray array, string file, IReadOnlyList<string>? featureNames)
    {
        if (array.Rank != 2)
        {
            throw new NpyFormatException(file, "shape", $"the array has shape {array.ShapeText} (rank {array.Rank})",
                "a 2-D array (rows, features) to read as a feature table");
        }

        int columns = array.Shape[1];
        if (featureNames is not null && featureNames.Count != columns)
        {
            throw new NpyFormatException(file, "shape", $"the array has {columns} column(s) but {featureNames.Count} feature name(s) were given",
                "one name per column");
        }

        string[] names = featureNames?.ToArray() ?? Enumerable.Range(0, columns).Select(i => $"f{i}").ToArray();
        return new FeatureTable(names, array.Values, array.Shape[0], [], names);
    }

    internal static DenseArray Read(Stream stream, string file, long? bytesAvailable)
    {
        NpyHeader header = NpyHeaderParser.Read(stream, file);
        long? dataAvailable = bytesAvailable - header.DataOffset;
        double[] values = NpyData.Read(stream, header, file, dataAvailable);
        return new DenseArray(values, header.Shape, header.ElementType);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
