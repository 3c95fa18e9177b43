using Sieve.IO.Tables;

namespace Sieve.IO.Parquet;

/// <summary>
/// How <see cref="ParquetTableReader"/> and <see cref="ParquetTableWriter"/> map a Parquet file to a
/// <see cref="Sieve.Core.Tables.FeatureTable"/>. Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record ParquetTableOptions
{
    /// <summary>Options with every default.</summary>
    public static ParquetTableOptions Default { get; } = new();

    /// <summary>
    /// Columns read as features, in this order; matched case-insensitively; every other column is a
    /// side channel. Default null: automatic, as for CSV: a column is a feature when its Parquet type
    /// is a binary integer or float and <see cref="CsvTableOptions.IsSideChannelName"/> is false for
    /// its name. Decimal, string, boolean and date columns are side channels (text, lossless).
    /// </summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>Rows per row group when writing. Default 65 536: a few MiB per group for tens of features.</summary>
    public int RowGroupSize { get; init; } = 1 << 16;
}
