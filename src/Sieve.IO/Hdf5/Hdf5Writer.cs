using PureHDF;
using PureHDF.Selections;
using Sieve.IO.Arrays;
using Sieve.IO.Internal;

namespace Sieve.IO.Hdf5;

/// <summary>
/// Writes float32/float64 datasets with attributes to a new HDF5 file that h5py reads, through
/// PureHDF. Data is converted and written in slabs along the first dimension (deferred writing),
/// so a float32 dataset never needs a second full-size copy. Strings are variable-length UTF-8,
/// as h5py writes Python str.
/// </summary>
public static class Hdf5Writer
{
    /// <summary>Elements per slab written to the file.</summary>
    private const int SlabElements = 1 << 20;

    /// <summary>
    /// Writes <paramref name="datasets"/> and <paramref name="fileAttributes"/> (on the root group)
    /// to <paramref name="path"/> through a temporary file renamed on success.
    /// </summary>
    public static void Write(string path, IReadOnlyList<Hdf5DatasetContent> datasets, IReadOnlyDictionary<string, object>? fileAttributes = null) =>
        Write(path, datasets, fileAttributes, []);

    /// <summary>As the public overload, plus 1-D variable-length string datasets (side channels).</summary>
    internal static void Write(string path, IReadOnlyList<Hdf5DatasetContent> datasets, IReadOnlyDictionary<string, object>? fileAttributes,
        IReadOnlyList<KeyValuePair<string, string[]>> textDatasets)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(datasets);
        var file = new H5File();
        CopyAttributes(fileAttributes, file.Attributes, "/");
        var planned = new List<(Hdf5DatasetContent Content, H5Dataset Dataset)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Hdf5DatasetContent content in datasets)
        {
            ArgumentNullException.ThrowIfNull(content, nameof(datasets));
            string[] parts = SplitPath(content.Path);
            if (!seen.Add(string.Join('/', parts)))
            {
                throw new ArgumentException($"Dataset path '{content.Path}' appears twice.", nameof(datasets));
            }

            H5Group parent = GroupFor(file, parts[..^1], content.Path);
            H5Dataset dataset = Plan(content);
            CopyAttributes(content.Attributes, dataset.Attributes, content.Path);
            parent[parts[^1]] = dataset;
            planned.Add((content, dataset));
        }

        foreach ((string textPath, string[] texts) in textDatasets)
        {
            string[] parts = SplitPath(textPath);
            if (!seen.Add(string.Join('/', parts)))
            {
                throw new ArgumentException($"Dataset path '{textPath}' appears twice.", nameof(textDatasets));
            }

            GroupFor(file, parts[..^1], textPath)[parts[^1]] = new H5Dataset(texts);
        }

        AtomicFile.WriteBinary(path, stream =>
        {
            using H5NativeWriter writer = file.BeginWrite(stream);
            foreach ((Hdf5DatasetContent content, H5Dataset dataset) in planned)
            {
                WriteSlabs(writer, content.Array, dataset);
            }
        });
    }

    /// <summary>Splits "/a/b/c" into its names; empty names, "." and ".." are refused.</summary>
    internal static string[] SplitPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a dataset path such as /L1/inputs.", nameof(path));
        }

        return parts;
    }

    private static H5Group GroupFor(H5Group root, string[] names, string fullPath)
    {
        H5Group group = root;
        foreach (string name in names)
        {
            if (!group.TryGetValue(name, out object? child))
            {
                child = new H5Group();
                group[name] = child;
            }

            group = child as H5Group ?? throw new ArgumentException($"'{name}' in '{fullPath}' is already a dataset, not a group.", nameof(fullPath));
        }

        return group;
    }

    private static H5Dataset Plan(Hdf5DatasetContent content)
    {
        DenseArray array = content.Array ?? throw new ArgumentException($"Dataset '{content.Path}' has no array.", nameof(content));
        ulong[] dims = array.Shape.Select(d => (ulong)d).ToArray();
        return array.ElementType switch
        {
            ArrayElementType.Float32 => new H5Dataset<float[]>(fileDims: dims),
            ArrayElementType.Float64 => new H5Dataset<double[]>(fileDims: dims),
            _ => throw new ArgumentException($"Dataset '{content.Path}' is {array.ElementType}; only Float32 and Float64 are written.", nameof(content)),
        };
    }

    private static void WriteSlabs(H5NativeWriter writer, DenseArray array, H5Dataset dataset)
    {
        IReadOnlyList<int> shape = array.Shape;
        if (array.Values.Length == 0)
        {
            return;
        }

        int rank = shape.Count;
        if (rank == 0)
        {
            WriteSlab(writer, dataset, array.Values, array.ElementType, null);
            return;
        }

        int rowElements = (int)Math.Max(1, array.Values.LongLength / shape[0]);
        int rowsPerSlab = Math.Max(1, SlabElements / rowElements);
        for (int start = 0; start < shape[0]; start += rowsPerSlab)
        {
            int take = Math.Min(rowsPerSlab, shape[0] - start);
            var starts = new ulong[rank];
            ulong[] blocks = shape.Select(d => (ulong)d).ToArray();
            starts[0] = (ulong)start;
            blocks[0] = (ulong)take;
            var selection = new HyperslabSelection(rank, starts, blocks);
            WriteSlab(writer, dataset, array.Values.AsSpan(start * rowElements, take * rowElements), array.ElementType, selection);
        }
    }

    private static void WriteSlab(H5NativeWriter writer, H5Dataset dataset, ReadOnlySpan<double> values, ArrayElementType type, Selection? fileSelection)
    {
        if (type == ArrayElementType.Float32)
        {
            var slab = new float[values.Length];
            for (int i = 0; i < slab.Length; i++)
            {
                slab[i] = (float)values[i];
            }

            writer.Write((H5Dataset<float[]>)dataset, slab, fileSelection: fileSelection);
        }
        else
        {
            writer.Write((H5Dataset<double[]>)dataset, values.ToArray(), fileSelection: fileSelection);
        }
    }

    private static void CopyAttributes(IReadOnlyDictionary<string, object>? source, IDictionary<string, object> target, string owner)
    {
        if (source is null)
        {
            return;
        }

        foreach ((string name, object value) in source)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(source));
            target[name] = value switch
            {
                string or double or float or long or int => value,
                string[] or double[] or float[] or long[] or int[] => value,
                IEnumerable<string> texts => texts.ToArray(),
                _ => throw new ArgumentException($"Attribute '{name}' of '{owner}' is a {value?.GetType().Name ?? "null"}; use string, double, long or arrays of them.", nameof(source)),
            };
        }
    }
}
