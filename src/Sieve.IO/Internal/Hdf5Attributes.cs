using PureHDF;
using Sieve.IO.Hdf5;

namespace Sieve.IO.Internal;

/// <summary>Reads the attributes of an HDF5 object as strings, doubles and longs (scalars or 1-D).</summary>
internal static class Hdf5Attributes
{
    public static Dictionary<string, object> Read(IH5Object owner, string file, string objectPath)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        long fileBytes = new FileInfo(file).Length;
        foreach (IH5Attribute attribute in owner.Attributes())
        {
            // An attribute's values are stored in the file (strings by reference, 16 bytes each):
            // a larger declared size comes from a damaged header and must not size an allocation.
            ulong[] dims = attribute.Space.Dimensions;
            double bytes = dims.Aggregate(1.0, (product, d) => product * d) * Math.Max(attribute.Type.Size, 1);
            if (bytes > fileBytes)
            {
                throw new Hdf5FormatException(file, $"{objectPath.TrimEnd('/')}/@{attribute.Name}",
                    $"the attribute declares {string.Join(" x ", dims)} values of {attribute.Type.Size} bytes, more than the file's {fileBytes} bytes", "an attribute that fits the file");
            }

            try
            {
                if (ReadOne(attribute) is { } value)
                {
                    result[attribute.Name] = value;
                }
            }
            catch (Exception e) when (e is not IOException and not OutOfMemoryException)
            {
                throw new Hdf5FormatException(file, $"{objectPath.TrimEnd('/')}/@{attribute.Name}",
                    $"the attribute cannot be read: {e.Message}", "a string or number, scalar or 1-D", e);
            }
        }

        return result;
    }

    private static object? ReadOne(IH5Attribute attribute)
    {
        bool scalar = attribute.Space.Rank == 0;
        if (attribute.Space.Rank > 1 || attribute.Space.Type == H5DataspaceType.Null)
        {
            return null;
        }

        IH5DataType type = attribute.Type;
        switch (type.Class)
        {
            case H5DataTypeClass.String:
            case H5DataTypeClass.VariableLength when type.Size > 0:
                return scalar ? attribute.Read<string>() : attribute.Read<string[]>();
            case H5DataTypeClass.FloatingPoint when type.Size == 4:
                return scalar ? (double)attribute.Read<float>() : attribute.Read<float[]>().Select(v => (double)v).ToArray();
            case H5DataTypeClass.FloatingPoint when type.Size == 8:
                return scalar ? attribute.Read<double>() : attribute.Read<double[]>();
            case H5DataTypeClass.FixedPoint:
                return ReadInteger(attribute, type, scalar);
            default:
                return null;
        }
    }

    private static object? ReadInteger(IH5Attribute attribute, IH5DataType type, bool scalar)
    {
        bool signed = type.FixedPoint.IsSigned;
        long[]? values = (type.Size, signed) switch
        {
            (1, true) => attribute.Read<sbyte[]>().Select(v => (long)v).ToArray(),
            (1, false) => attribute.Read<byte[]>().Select(v => (long)v).ToArray(),
            (2, true) => attribute.Read<short[]>().Select(v => (long)v).ToArray(),
            (2, false) => attribute.Read<ushort[]>().Select(v => (long)v).ToArray(),
            (4, true) => attribute.Read<int[]>().Select(v => (long)v).ToArray(),
            (4, false) => attribute.Read<uint[]>().Select(v => (long)v).ToArray(),
            (8, true) => attribute.Read<long[]>(),
            _ => null, // uint64 may not fit a long; skipped rather than wrapped.
        };
        return values is null ? null : scalar ? values[0] : values;
    }
}
