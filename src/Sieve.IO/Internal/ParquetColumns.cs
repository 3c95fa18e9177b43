using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Sieve.IO.Internal;

/// <summary>
/// Reads one column of one Parquet row group as numbers (for features) or as text (for side
/// channels), whatever its physical type. Nulls come back as NaN / null so the caller can name
/// the row.
/// </summary>
internal static class ParquetColumns
{
    /// <summary>True when the column's type holds binary numbers that widen to double.</summary>
    public static bool IsNumeric(DataField field) =>
        Type.GetTypeCode(Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType) is
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double;

    /// <summary>Values as doubles; the index of the first null, or -1.</summary>
    public static (double[] Values, int FirstNull) ReadNumbers(ParquetRowGroupReader group, DataField field, int rows)
    {
        object?[] raw = ReadObjects(group, field, rows);
        var values = new double[rows];
        int firstNull = -1;
        for (int i = 0; i < rows; i++)
        {
            if (raw[i] is null)
            {
                firstNull = firstNull < 0 ? i : firstNull;
                values[i] = double.NaN;
            }
            else
            {
                values[i] = Convert.ToDouble(raw[i], CultureInfo.InvariantCulture);
            }
        }

        return (values, firstNull);
    }

    /// <summary>True for string columns, which Parquet.Net 6 may expose as string or ReadOnlyMemory&lt;char&gt;.</summary>
    public static bool IsText(DataField field)
    {
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>);
    }

    /// <summary>Values as text: strings verbatim, numbers as shortest round-trip text, null as "".</summary>
    public static string[] ReadTexts(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (IsText(field))
        {
            var texts = new string?[rows];
            group.ReadAsync(field, texts.AsMemory()).AsTask().GetAwaiter().GetResult();
            return texts.Select(t => t ?? string.Empty).ToArray();
        }

        return ReadObjects(group, field, rows).Select(Format).ToArray();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object?[] ReadObjects(ParquetRowGroupReader group, DataField field, int rows)
    {
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.SByte => Read<sbyte>(group, field, rows),
            TypeCode.Byte => Read<byte>(group, field, rows),
            TypeCode.Int16 => Read<short>(group, field, rows),
            TypeCode.UInt16 => Read<ushort>(group, field, rows),
            TypeCode.Int32 => Read<int>(group, field, rows),
            TypeCode.UInt32 => Read<uint>(group, field, rows),
            TypeCode.Int64 => Read<long>(group, field, rows),
            TypeCode.UInt64 => Read<ulong>(group, field, rows),
            TypeCode.Single => Read<float>(group, field, rows),
            TypeCode.Double => Read<double>(group, field, rows),
            TypeCode.Decimal => Read<decimal>(group, field, rows),
            TypeCode.Boolean => Read<bool>(group, field, rows),
            TypeCode.DateTime => Read<DateTime>(group, field, rows),
            _ when type == typeof(byte[]) => ReadBytes(group, field, rows),
            _ => throw new NotSupportedException($"Parquet type {type.Name}"),
        };
    }

    private static object?[] Read<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            group.ReadAsync(field, nullable.AsMemory()).AsTask().GetAwaiter().GetResult();
            return nullable.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }

        var values = new T[rows];
        group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return values.Select(v => (object?)v).ToArray();
    }

    private static object?[] ReadBytes(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new byte[]?[rows];
        group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return values;
    }
}
