using System.Buffers.Binary;
using System.Text;
using Sieve.Core.Tables;
using Sieve.IO.Arrays;
using Sieve.IO.Internal;

namespace Sieve.IO.Numpy;

/// <summary>
/// Writes arrays as NumPy .npy files: little-endian float32 or float64, C order, a version 1.0
/// header padded with spaces to a multiple of 64 bytes and ended by a newline, as numpy.save
/// writes (version 2.0 only when the header exceeds 65 535 bytes, i.e. never for ranks numpy uses).
/// </summary>
public static class NpyWriter
{
    /// <summary>Alignment of the data start; numpy aligns to 64 bytes.</summary>
    private const int Alignment = 64;

    /// <summary>
    /// Writes <paramref name="array"/> to <paramref name="path"/> as <paramref name="elementType"/>
    /// (default: the array's own element type), through a temporary file renamed on success.
    /// </summary>
    public static void Write(string path, DenseArray array, ArrayElementType? elementType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);
        ArrayElementType type = CheckType(elementType ?? array.ElementType);
        AtomicFile.WriteBinary(path, stream => WriteChecked(stream, array, type));
    }

    /// <summary>Writes <paramref name="array"/> to <paramref name="stream"/>; the caller keeps ownership.</summary>
    public static void Write(Stream stream, DenseArray array, ArrayElementType? elementType = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        WriteChecked(stream, array, CheckType(elementType ?? array.ElementType));
    }

    /// <summary>
    /// Writes the features of <paramref name="table"/> as a 2-D array (N, F). A .npy file holds
    /// numbers only, so a table with side channels is refused rather than silently cut down.
    /// </summary>
    public static void WriteTable(string path, FeatureTable table, ArrayElementType elementType = ArrayElementType.Float64)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.SideChannels.Count > 0)
        {
            throw new ArgumentException(
                $"The table has side channels ({string.Join(", ", table.SideChannels.Select(c => c.Name))}), which .npy cannot hold; write HDF5, Parquet or CSV instead.",
                nameof(table));
        }

        Write(path, new DenseArray(table.Values, [table.RowCount, table.FeatureCount], elementType), elementType);
    }

    /// <summary>The header bytes (prefix, dict, padding) numpy writes for this dtype and shape.</summary>
    public static byte[] Header(ArrayElementType elementType, IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        string descr = CheckType(elementType) == ArrayElementType.Float32 ? "<f4" : "<f8";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {DenseArray.FormatShape(shape)}, }}";
        int major = dict.Length + 1 + 10 > ushort.MaxValue ? 2 : 1;
        int prefix = major == 1 ? 10 : 12;
        int padded = (prefix + dict.Length + 1 + Alignment - 1) / Alignment * Alignment;
        int headerLength = padded - prefix;
        var bytes = new byte[padded];
        bytes[0] = 0x93;
        "NUMPY"u8.CopyTo(bytes.AsSpan(1));
        bytes[6] = (byte)major;
        bytes[7] = 0;
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);
        }

        bytes.AsSpan(prefix).Fill((byte)' ');
        Encoding.ASCII.GetBytes(dict, bytes.AsSpan(prefix));
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static void WriteChecked(Stream stream, DenseArray array, ArrayElementType type)
    {
        stream.Write(Header(type, array.Shape));
        NpyData.Write(stream, array.Values, type);
    }

    private static ArrayElementType CheckType(ArrayElementType type) =>
        type is ArrayElementType.Float32 or ArrayElementType.Float64
            ? type
            : throw new ArgumentException($"Element type {type} cannot be written; write Float32 or Float64.", nameof(type));
}
