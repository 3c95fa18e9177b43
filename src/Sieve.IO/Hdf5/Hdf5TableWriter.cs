using Sieve.Core.Tables;
using Sieve.IO.Arrays;

namespace Sieve.IO.Hdf5;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as HDF5 that <see cref="Hdf5TableReader"/> and h5py read:
/// dataset "/features" (N, F) with attribute feature_names; one 1-D variable-length UTF-8 string
/// dataset per side channel under "/side_channels/"; root attributes format = "sieve-table",
/// format_version = 1, column_order, plus the caller's attributes (units, tool version).
/// </summary>
public static class Hdf5TableWriter
{
    /// <summary>Value of the root attribute "format".</summary>
    public const string FormatName = "sieve-table";

    /// <summary>Value of the root attribute "format_version".</summary>
    public const long FormatVersion = 1;

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> (temporary file renamed on success).</summary>
    public static void Write(string path, FeatureTable table, ArrayElementType elementType = ArrayElementType.Float64,
        IReadOnlyDictionary<string, object>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(table);
        var rootAttributes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach ((string name, object value) in attributes ?? new Dictionary<string, object>())
        {
            rootAttributes[name] = value;
        }

        // Set last so a caller's attribute cannot make the file claim another format.
        rootAttributes["format"] = FormatName;
        rootAttributes["format_version"] = FormatVersion;
        rootAttributes["column_order"] = table.ColumnOrder.ToArray();
        var features = new Hdf5DatasetContent("/features",
            new DenseArray(table.Values, [table.RowCount, table.FeatureCount], elementType),
            new Dictionary<string, object> { ["feature_names"] = table.FeatureNames.ToArray() });
        var texts = new List<KeyValuePair<string, string[]>>();
        foreach (SideChannel channel in table.SideChannels)
        {
            if (channel.Name.Contains('/', StringComparison.Ordinal) || channel.Name is "." or "..")
            {
                throw new ArgumentException($"Side channel '{channel.Name}' cannot be an HDF5 dataset name ('/', '.' and '..' are reserved).", nameof(table));
            }

            texts.Add(new("/side_channels/" + channel.Name, channel.Values.ToArray()));
        }

        Hdf5Writer.Write(path, [features], rootAttributes, texts);
    }
}
