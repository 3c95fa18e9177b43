using PureHDF;
using Sieve.Core.Tables;
using Sieve.IO.Arrays;
using Sieve.IO.Internal;

namespace Sieve.IO.Hdf5;

/// <summary>
/// Reads a <see cref="FeatureTable"/> from HDF5 laid out as <see cref="Hdf5TableWriter"/> writes
/// it, under <c>group</c>: a 2-D float dataset "features" with attribute feature_names (names
/// default to f0, f1, ... when absent), optional string datasets under "side_channels", and an
/// optional column_order attribute on the group.
/// </summary>
public static class Hdf5TableReader
{
    /// <summary>Reads the table under <paramref name="group"/> ("/" for the root).</summary>
    public static FeatureTable Read(string path, string group = "/")
    {
        ArgumentNullException.ThrowIfNull(group);
        return Hdf5Objects.Guard(path, () => ReadTable(path, group));
    }

    private static FeatureTable ReadTable(string path, string group)
    {
        string prefix = group.TrimEnd('/') + "/";
        using IDisposable file = Hdf5Objects.Open(path, out IH5Group root);
        string featuresPath = prefix + "features";
        IH5Dataset dataset = Hdf5Objects.Dataset(root, path, featuresPath);
        DenseArray array = Hdf5Reader.ReadDataset(dataset, path, featuresPath, [2]);
        int rows = array.Shape[0];
        int columns = array.Shape[1];
        IReadOnlyDictionary<string, object> featureAttributes = Hdf5Attributes.Read(dataset, path, featuresPath);
        IReadOnlyDictionary<string, object> groupAttributes = Hdf5Attributes.Read(Hdf5Objects.Object(root, path, group), path, group);
        string[] names = ReadNames(featureAttributes, groupAttributes, columns, path, featuresPath);
        List<SideChannel> channels = ReadSideChannels(root, path, prefix + "side_channels", rows);
        string[] order = groupAttributes.TryGetValue("column_order", out object? o) && o is string[] given
            ? given
            : [.. names, .. channels.Select(c => c.Name)];
        var expected = new HashSet<string>(names.Concat(channels.Select(c => c.Name)), StringComparer.Ordinal);
        if (order.Length != expected.Count || !order.All(expected.Contains))
        {
            throw new Hdf5FormatException(path, $"{group}/@column_order", $"column_order ({string.Join(", ", order)}) does not match the features and side channels",
                $"each of {string.Join(", ", expected)} once");
        }

        return new FeatureTable(names, array.Values, rows, channels, order);
    }

    private static string[] ReadNames(IReadOnlyDictionary<string, object> featureAttributes, IReadOnlyDictionary<string, object> groupAttributes,
        int columns, string file, string featuresPath)
    {
        object? value = featureAttributes.GetValueOrDefault("feature_names") ?? groupAttributes.GetValueOrDefault("feature_names");
        if (value is null)
        {
            return Enumerable.Range(0, columns).Select(i => $"f{i}").ToArray();
        }

        if (value is not string[] names || names.Length != columns)
        {
            throw new Hdf5FormatException(file, featuresPath + "/@feature_names",
                $"feature_names is {(value is string[] n ? $"{n.Length} name(s)" : "not a list of strings")} for {columns} column(s)", "one string per column");
        }

        return names;
    }

    private static List<SideChannel> ReadSideChannels(IH5Group root, string file, string groupPath, int rows)
    {
        var channels = new List<SideChannel>();
        if (!root.LinkExists(groupPath) || root.Get(groupPath) is not IH5Group group)
        {
            return channels;
        }

        foreach (IH5Object child in group.Children())
        {
            string childPath = groupPath + "/" + child.Name;
            if (child is not IH5Dataset dataset || dataset.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength)
                || dataset.Space.Rank != 1 || dataset.Space.Dimensions[0] != (ulong)rows)
            {
                throw new Hdf5FormatException(file, childPath, "a side channel is not a 1-D string dataset with one entry per row",
                    $"a 1-D string dataset of length {rows}");
            }

            channels.Add(new SideChannel(child.Name, dataset.Read<string[]>()));
        }

        return channels;
    }
}
