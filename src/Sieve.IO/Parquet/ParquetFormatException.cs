using Sieve.Core.Errors;

namespace Sieve.IO.Parquet;

/// <summary>
/// A malformed Parquet file or a column that cannot become a feature or side channel.
/// <see cref="SieveDataException.Line"/> is the 1-based row when known; Field is the column.
/// </summary>
public sealed class ParquetFormatException : SieveDataException
{
    /// <summary>Creates the exception; the message names file, row, column, problem and expectation.</summary>
    public ParquetFormatException(string file, long? row, string? column, string problem, string? expected = null, Exception? inner = null)
        : base(file, row, column, problem, expected, inner)
    {
    }
}
