using System.Buffers.Binary;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.IO.Internal;

/// <summary>
/// Converts the raw data of a .npy file to and from doubles through a fixed 64 KiB buffer, so
/// memory beyond the result array stays bounded whatever the file size.
/// </summary>
internal static class NpyData
{
    private const int BufferSize = 1 << 16;

    /// <summary>Reads <paramref name="header"/>'s data from <paramref name="stream"/> into C order.</summary>
    public static double[] Read(Stream stream, NpyHeader header, string file, long? bytesAvailable)
    {
        long count = header.ElementCount;
        long needed = header.DataLength;
        if (bytesAvailable is { } available && available < needed)
        {
            // Checked before allocating, so a corrupt shape cannot ask for gigabytes.
            throw Truncated(file, header, available);
        }

        var values = new double[count];
        ReadInto(stream, header, file, values, firstElement: 0);
        return header.FortranOrder && header.Shape.Count > 1 ? FortranToC(values, header.Shape) : values;
    }

    /// <summary>
    /// Reads the next <c>values.Length</c> elements of <paramref name="header"/>'s data, in file
    /// order, from <paramref name="stream"/>; <paramref name="firstElement"/> (their index in the
    /// data) only words the error when the file ends early.
    /// </summary>
    public static void ReadInto(Stream stream, NpyHeader header, string file, Span<double> values, long firstElement)
    {
        byte[] buffer = new byte[BufferSize];
        int itemSize = header.ItemSize;
        int done = 0;
        while (done < values.Length)
        {
            int items = Math.Min(values.Length - done, BufferSize / itemSize);
            int bytes = items * itemSize;
            int got = stream.ReadAtLeast(buffer.AsSpan(0, bytes), bytes, throwOnEndOfStream: false);
            if (got < bytes)
            {
                throw Truncated(file, header, ((firstElement + done) * itemSize) + got);
            }

            Decode(buffer.AsSpan(0, bytes), values.Slice(done, items), header.ElementType, header.BigEndian);
            done += items;
        }
    }

    /// <summary>Writes <paramref name="values"/> as little-endian <paramref name="type"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<double> values, ArrayElementType type)
    {
        int itemSize = type == ArrayElementType.Float32 ? 4 : 8;
        byte[] buffer = new byte[BufferSize];
        int perChunk = BufferSize / itemSize;
        for (int start = 0; start < values.Length; start += perChunk)
        {
            ReadOnlySpan<double> chunk = values.Slice(start, Math.Min(perChunk, values.Length - start));
            for (int i = 0; i < chunk.Length; i++)
            {
                if (type == ArrayElementType.Float32)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), (float)chunk[i]);
                }
                else
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(i * 8), chunk[i]);
                }
            }

            stream.Write(buffer, 0, chunk.Length * itemSize);
        }
    }

    private static void Decode(ReadOnlySpan<byte> bytes, Span<double> values, ArrayElementType type, bool bigEndian)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = type switch
            {
                ArrayElementType.Float32 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes[(i * 4)..]) : BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]),
                ArrayElementType.Float64 => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes[(i * 8)..]) : BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]),
                ArrayElementType.Int32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes[(i * 4)..]) : BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]),
                _ => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes[(i * 8)..]) : BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]),
            };
        }
    }

    /// <summary>Reorders Fortran-order values (first index fastest) into C order (last index fastest).</summary>
    private static double[] FortranToC(double[] fortran, IReadOnlyList<int> shape)
    {
        int rank = shape.Count;
        var result = new double[fortran.Length];
        var cStrides = new long[rank];
        long stride = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            cStrides[d] = stride;
            stride *= shape[d];
        }

        // Walk the file in its own order with an odometer over the indices, first index fastest.
        var index = new int[rank];
        long target = 0;
        for (long f = 0; f < fortran.Length; f++)
        {
            result[target] = fortran[f];
            for (int d = 0; d < rank; d++)
            {
                index[d]++;
                target += cStrides[d];
                if (index[d] < shape[d])
                {
                    break;
                }

                target -= cStrides[d] * index[d];
                index[d] = 0;
            }
        }

        return result;
    }

    private static NpyFormatException Truncated(string file, NpyHeader header, long available) =>
        new(file, "data", $"the data ends after {available} of {header.DataLength} bytes",
            $"{header.ElementCount} elements of '{header.Descr}' for shape {DenseArray.FormatShape(header.Shape)}");
}
