using PureHDF;
using PureHDF.Selections;
using Sieve.IO.Arrays;
using Sieve.IO.Internal;

namespace Sieve.IO.Hdf5;

/// <summary>
/// Reads float32/float64 datasets and attributes from HDF5 files through PureHDF (pure managed
/// code, no native HDF5 library). A dataset is read in slabs along its first dimension and widened
/// to double, so memory beyond the result stays bounded by one slab.
/// </summary>
/// <remarks>
/// Errors throw <see cref="Hdf5FormatException"/> naming the file and the dataset or attribute
/// path: a missing dataset lists the datasets present; a wrong rank or type states the dataset's
/// rank, shape and type and what was expected.
/// </remarks>
public static class Hdf5Reader
{
    /// <summary>Elements per slab read from the file (about 4 MiB of float32).</summary>
    private const long SlabElements = 1 << 20;

    /// <summary>Paths of every dataset in the file, depth first, e.g. "/L1/inputs".</summary>
    public static IReadOnlyList<string> ListDatasets(string path)
    {
        return Hdf5Objects.Guard(path, () =>
        {
            using IDisposable file = Hdf5Objects.Open(path, out IH5Group root);
            return (IReadOnlyList<string>)Hdf5Objects.ListDatasets(root);
        });
    }

    /// <summary>
    /// Reads the float32 or float64 dataset <paramref name="datasetPath"/>. When
    /// <paramref name="expectedRanks"/> is given, a dataset of any other rank is an error.
    /// </summary>
    public static DenseArray ReadDataset(string path, string datasetPath, params int[] expectedRanks)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetPath);
        ArgumentNullException.ThrowIfNull(expectedRanks);
        return Hdf5Objects.Guard(path, () =>
        {
            using IDisposable file = Hdf5Objects.Open(path, out IH5Group root);
            IH5Dataset dataset = Hdf5Objects.Dataset(root, path, datasetPath);
            return ReadDataset(dataset, path, datasetPath, expectedRanks);
        });
    }

    /// <summary>
    /// Attributes of the object (group or dataset; "/" for the file) at <paramref name="objectPath"/>.
    /// Values are <see cref="string"/>, <see cref="double"/> or <see cref="long"/> for scalars and
    /// string[], double[] or long[] for 1-D attributes; attributes of other types are skipped.
    /// </summary>
    public static IReadOnlyDictionary<string, object> ReadAttributes(string path, string objectPath = "/")
    {
        ArgumentNullException.ThrowIfNull(objectPath);
        return Hdf5Objects.Guard(path, () =>
        {
            using IDisposable file = Hdf5Objects.Open(path, out IH5Group root);
            return Hdf5Attributes.Read(Hdf5Objects.Object(root, path, objectPath), path, objectPath);
        });
    }

    // Elements per byte of file a dataset may declare (above the best deflate ratio, for values of 1 byte or more).
    private const long MaxExpansion = 1100;

    internal static DenseArray ReadDataset(IH5Dataset dataset, string file, string datasetPath, int[] expectedRanks)
    {
        ulong[] dims = dataset.Space.Dimensions;
        string shape = DenseArray.FormatShape(dims.Select(d => (long)d).ToArray());
        IH5DataType type = dataset.Type;
        ArrayElementType? element = type.Class == H5DataTypeClass.FloatingPoint
            ? type.Size switch { 4 => ArrayElementType.Float32, 8 => ArrayElementType.Float64, _ => null }
            : null;
        if (element is null)
        {
            throw new Hdf5FormatException(file, datasetPath, $"the dataset holds {Describe(type)} values (shape {shape})",
                "float32 or float64 values");
        }

        if (expectedRanks.Length > 0 && !expectedRanks.Contains(dims.Length))
        {
            throw new Hdf5FormatException(file, datasetPath, $"the dataset has rank {dims.Length}, shape {shape}",
                $"rank {string.Join(" or ", expectedRanks)}");
        }

        long count = dims.Aggregate(1L, (product, d) => product * (long)d);
        if (dims.Any(d => d > int.MaxValue) || count > Array.MaxLength)
        {
            throw new Hdf5FormatException(file, datasetPath, $"shape {shape} has more elements than one array holds", $"at most {Array.MaxLength} elements");
        }

        // Stored data, even deflated at the best ratio deflate reaches (about 1032:1), cannot hold
        // more than this; a larger shape comes from a damaged header and must not size an allocation.
        long fileBytes = new FileInfo(file).Length;
        if (count > (fileBytes * MaxExpansion) + (1 << 20))
        {
            throw new Hdf5FormatException(file, datasetPath, $"shape {shape} declares {count} elements, more than a file of {fileBytes} bytes can hold",
                "a shape that fits the file");
        }

        var values = new double[count];
        if (count > 0)
        {
            ReadSlabs(dataset, dims, element.Value, values);
        }

        return new DenseArray(values, dims.Select(d => (int)d).ToArray(), element.Value);
    }

    private static void ReadSlabs(IH5Dataset dataset, ulong[] dims, ArrayElementType element, double[] values)
    {
        if (dims.Length == 0)
        {
            values[0] = element == ArrayElementType.Float32 ? dataset.Read<float>() : dataset.Read<double>();
            return;
        }

        long rowElements = dims.Skip(1).Aggregate(1L, (product, d) => product * (long)d);
        long rowsPerSlab = Math.Max(1, SlabElements / Math.Max(rowElements, 1));
        ulong rows = dims[0];
        for (ulong start = 0; start < rows; start += (ulong)rowsPerSlab)
        {
            ulong take = Math.Min((ulong)rowsPerSlab, rows - start);
            var starts = new ulong[dims.Length];
            ulong[] blocks = (ulong[])dims.Clone();
            starts[0] = start;
            blocks[0] = take;
            var selection = new HyperslabSelection(dims.Length, starts, blocks);
            Span<double> target = values.AsSpan((int)((long)start * rowElements), (int)((long)take * rowElements));
            if (element == ArrayElementType.Float32)
            {
                float[] slab = dataset.Read<float[]>(fileSelection: selection, memoryDims: [(ulong)target.Length]);
                for (int i = 0; i < slab.Length; i++)
                {
                    target[i] = slab[i];
                }
            }
            else
            {
                dataset.Read<double[]>(fileSelection: selection, memoryDims: [(ulong)target.Length]).CopyTo(target);
            }
        }
    }

    internal static string Describe(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FloatingPoint => $"{type.Size * 8}-bit float",
        H5DataTypeClass.FixedPoint => $"{type.Size * 8}-bit integer",
        H5DataTypeClass.String or H5DataTypeClass.VariableLength => "string",
        _ => type.Class.ToString(),
    };
}
