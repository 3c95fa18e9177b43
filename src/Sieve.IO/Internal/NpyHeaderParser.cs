using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.IO.Internal;

/// <summary>
/// Reads the prefix and header of a .npy file (format versions 1.0, 2.0, 3.0): the magic, the
/// version, the header length and the header itself, a Python dict literal with the keys descr,
/// fortran_order and shape. Only the subset of Python literal syntax that numpy writes is parsed;
/// anything else is reported, never evaluated.
/// </summary>
internal static class NpyHeaderParser
{
    /// <summary>Largest header accepted. numpy refuses more than 10 000 bytes by default; this is looser but keeps a corrupt length from allocating gigabytes.</summary>
    public const int MaxHeaderLength = 1 << 20;

    /// <summary>The supported descrs, as listed in error messages.</summary>
    public const string SupportedDescrs = "one of <f4, <f8, <i4, <i8 (float32, float64, int32, int64; '>' big-endian variants too)";

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyHeader Read(Stream stream, string file)
    {
        Span<byte> prefix = stackalloc byte[12];
        int got = stream.ReadAtLeast(prefix[..8], 8, throwOnEndOfStream: false);
        if (got < 8 || !prefix[..6].SequenceEqual(Magic))
        {
            throw new NpyFormatException(file, "magic", got < 8 ? $"the file holds only {got} byte(s)" : "the file does not start with the .npy magic",
                "the 6 bytes \\x93NUMPY, a version and a header, as numpy.save writes");
        }

        int major = prefix[6];
        int minor = prefix[7];
        if (major is < 1 or > 3)
        {
            throw new NpyFormatException(file, "version", $"format version {major}.{minor} is not supported", "version 1.0, 2.0 or 3.0");
        }

        int lengthSize = major == 1 ? 2 : 4;
        if (stream.ReadAtLeast(prefix[8..(8 + lengthSize)], lengthSize, throwOnEndOfStream: false) < lengthSize)
        {
            throw new NpyFormatException(file, "header", "the file ends inside the header length", $"a {lengthSize}-byte little-endian header length");
        }

        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        if (headerLength > MaxHeaderLength)
        {
            throw new NpyFormatException(file, "header", $"header length {headerLength} bytes is implausible", $"at most {MaxHeaderLength} bytes");
        }

        var bytes = new byte[headerLength];
        int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
        {
            throw new NpyFormatException(file, "header", $"the file ends after {read} of {headerLength} header bytes", "a complete header");
        }

        // Versions 1 and 2 store the header as latin-1; version 3 as UTF-8 (numpy's own choice).
        string text = major == 3 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        Dictionary<string, object?> dict = new PythonLiteral(text, file).ParseDict();
        string descr = Require<string>(dict, "descr", file, "a dtype string such as '<f8'");
        bool fortran = Require<bool>(dict, "fortran_order", file, "True or False");
        List<object?> shapeItems = Require<List<object?>>(dict, "shape", file, "a tuple of non-negative integers such as (5, 19, 3)");
        (ArrayElementType type, bool bigEndian) = ParseDescr(descr, file);
        int[] shape = ParseShape(shapeItems, file);
        return new NpyHeader(major, minor, descr, type, bigEndian, fortran, shape, 8 + lengthSize + headerLength);
    }

    private static T Require<T>(Dictionary<string, object?> dict, string key, string file, string expected)
    {
        if (!dict.TryGetValue(key, out object? value))
        {
            throw new NpyFormatException(file, "header", $"the header has no '{key}' key (keys: {string.Join(", ", dict.Keys)})",
                "a dict with the keys descr, fortran_order and shape");
        }

        if (value is T typed)
        {
            return typed;
        }

        if (key == "descr" && value is List<object?>)
        {
            throw new NpyFormatException(file, "descr", "the array has a structured (record) dtype", SupportedDescrs);
        }

        throw new NpyFormatException(file, key, $"'{key}' is {Describe(value)}", expected);
    }

    private static (ArrayElementType Type, bool BigEndian) ParseDescr(string descr, string file)
    {
        if (descr.Length == 3 && descr[0] is '<' or '>' or '=')
        {
            bool big = descr[0] == '>' || (descr[0] == '=' && !BitConverter.IsLittleEndian);
            ArrayElementType? type = descr[1..] switch
            {
                "f4" => ArrayElementType.Float32,
                "f8" => ArrayElementType.Float64,
                "i4" => ArrayElementType.Int32,
                "i8" => ArrayElementType.Int64,
                _ => null,
            };
            if (type is { } t)
            {
                return (t, big);
            }
        }

        throw new NpyFormatException(file, "descr", $"dtype '{descr}' is not supported", SupportedDescrs);
    }

    private static int[] ParseShape(List<object?> items, string file)
    {
        var shape = new int[items.Count];
        long count = 1;
        bool empty = false;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not long dim || dim < 0 || dim > int.MaxValue)
            {
                throw new NpyFormatException(file, "shape", $"dimension {i} is {Describe(items[i])}", "non-negative integers below 2^31");
            }

            shape[i] = (int)dim;
            // Saturate at MaxLength + 1 so a long shape cannot overflow the product.
            count = Math.Min(count * Math.Max(dim, 1), (long)Array.MaxLength + 1);
            empty |= dim == 0;
        }

        if (!empty && count > Array.MaxLength)
        {
            throw new NpyFormatException(file, "shape", $"shape {DenseArray.FormatShape(shape)} has more elements than one array holds",
                $"at most {Array.MaxLength} elements");
        }

        return shape;
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        string s => $"'{s}'",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        List<object?> list => $"a sequence of {list.Count} item(s)",
        _ => "a dict",
    };
}
