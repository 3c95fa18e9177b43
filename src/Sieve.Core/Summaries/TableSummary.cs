using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;

namespace Sieve.Core.Summaries;

/// <summary>What `sieve info` reports for a numeric table: rows and, per column, range, mean and missing cells.</summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Columns in source order.</param>
/// <param name="MissingMarker">The marker counted as missing, if any.</param>
public sealed record TableSummary(int Rows, IReadOnlyList<ColumnSummary> Columns, double? MissingMarker)
{
    private const int DistinctCap = 10_001;

    /// <summary>Source file, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Summarises a table; cells equal to <paramref name="missingMarker"/> count as missing, not as values.</summary>
    public static TableSummary From(FeatureTable table, double? missingMarker = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<ColumnSummary>();
        foreach (string name in table.ColumnOrder)
        {
            int f = table.IndexOf(name);
            if (f >= 0 && string.Equals(table.FeatureNames[f], name, StringComparison.Ordinal))
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
                long missing = 0, present = 0;
                for (int r = 0; r < table.RowCount; r++)
                {
                    double v = table[r, f];
                    if (missingMarker is { } m && v == m)
                    {
                        missing++;
                        continue;
                    }

                    present++;
                    sum += v;
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }

                columns.Add(present == 0
                    ? new ColumnSummary(name, "feature", null, null, null, missing, null)
                    : new ColumnSummary(name, "feature", min, max, sum / present, missing, null));
            }
            else
            {
                SideChannel? channel = table.SideChannels.FirstOrDefault(c => c.Name == name);
                long distinct = channel is null ? 0 : channel.Values.Distinct().Take(DistinctCap).LongCount();
                columns.Add(new ColumnSummary(name, "side channel", null, null, null, null, distinct));
            }
        }

        return new TableSummary(table.RowCount, columns, missingMarker);
    }

    /// <summary>The summary as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SieveJson.Options);
}
