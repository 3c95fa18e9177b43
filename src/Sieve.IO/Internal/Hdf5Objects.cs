using PureHDF;
using Sieve.IO.Hdf5;

namespace Sieve.IO.Internal;

/// <summary>
/// Opening HDF5 files and finding objects in them with errors that name the file and the path,
/// instead of PureHDF's own exceptions (which name neither).
/// </summary>
internal static class Hdf5Objects
{
    public static IDisposable Open(string path, out IH5Group root)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"HDF5 file not found: {path}", path);
        }

        try
        {
            var file = H5File.OpenRead(path);
            root = file;
            return file;
        }
        catch (Exception e) when (e is not IOException and not UnauthorizedAccessException)
        {
            throw new Hdf5FormatException(path, null, $"the file cannot be opened as HDF5: {e.Message}", "an HDF5 file (signature \\x89HDF)", e);
        }
    }

    /// <summary>
    /// Runs a read of <paramref name="file"/>, turning what PureHDF throws on a damaged file (its own
    /// exceptions, end of stream, overflow, a size beyond memory) into an <see cref="Hdf5FormatException"/>
    /// that names the file. A missing or unreadable file stays what it is.
    /// </summary>
    public static T Guard<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not Sieve.Core.Errors.SieveDataException and not FileNotFoundException and not DirectoryNotFoundException
            and not UnauthorizedAccessException)
        {
            throw new Hdf5FormatException(file, null, $"the file is damaged: {e.GetType().Name}: {e.Message}", "an intact HDF5 file", e);
        }
    }

    public static IH5Dataset Dataset(IH5Group root, string file, string datasetPath)
    {
        IH5Object? found = null;
        try
        {
            found = root.Get(datasetPath);
        }
        catch (Exception e) when (e is not IOException and not OutOfMemoryException)
        {
            // PureHDF reports a missing link with a generic exception; the list below says more.
        }

        return found switch
        {
            IH5Dataset dataset => dataset,
            null => throw new Hdf5FormatException(file, datasetPath, "no such dataset", $"one of the datasets present: {ListText(root)}"),
            _ => throw new Hdf5FormatException(file, datasetPath, "the path names a group, not a dataset", $"one of the datasets present: {ListText(root)}"),
        };
    }

    public static IH5Object Object(IH5Group root, string file, string objectPath)
    {
        if (objectPath is "/" or "")
        {
            return root;
        }

        try
        {
            return root.Get(objectPath);
        }
        catch (Exception e) when (e is not IOException and not OutOfMemoryException)
        {
            throw new Hdf5FormatException(file, objectPath, "no such group or dataset", $"one of the datasets present: {ListText(root)}", e);
        }
    }

    /// <summary>Full paths of every dataset under <paramref name="group"/>, depth first.</summary>
    public static List<string> ListDatasets(IH5Group group, string prefix = "/")
    {
        var paths = new List<string>();
        foreach (IH5Object child in group.Children())
        {
            string childPath = prefix + child.Name;
            if (child is IH5Dataset)
            {
                paths.Add(childPath);
            }
            else if (child is IH5Group sub)
            {
                paths.AddRange(ListDatasets(sub, childPath + "/"));
            }
        }

        return paths;
    }

    private static string ListText(IH5Group root)
    {
        List<string> all = ListDatasets(root);
        return all.Count == 0 ? "(the file has no datasets)" : string.Join(", ", all);
    }
}
