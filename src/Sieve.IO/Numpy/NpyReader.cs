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
