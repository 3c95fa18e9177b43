namespace Sieve.IO.Tables;

/// <summary>
/// How <see cref="CsvTableReader"/> reads a numeric CSV table with a header line.
/// Immutable: derive variants with <c>with</c>. No quoting is supported: a cell may not contain
/// the delimiter (the numeric tables this reads never need it, and it keeps the parser simple).
/// </summary>
public sealed record CsvTableOptions
{
    /// <summary>Options with every default.</summary>
    public static CsvTableOptions Default { get; } = new();

    /// <summary>Cell separator. Default ','.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Columns read as features, in the order given (which is the order of
    /// <see cref="Sieve.Core.Tables.FeatureTable.FeatureNames"/>); matched case-insensitively.
    /// Every other column becomes a side channel. Default null: choose automatically, see
    /// <see cref="IsSideChannelName"/>. A name that is not in the header is an error.
    /// </summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>
    /// The rule of automatic selection (<see cref="FeatureColumns"/> null): a column is a feature
    /// when every cell parses as a number and its name does not look like an identifier, a label
    /// or a weight. Such columns must survive compression exactly, so they are side channels even
    /// when numeric: names (case-insensitive) index, orig_index, id, eventid, event_id, label,
    /// weight, kaggleset, kaggleweight, and names ending in "id" or "_index". Integer columns whose
    /// name looks like an identifier or counter (<see cref="Core.Tables.ColumnRoles"/>: Run, Event,
    /// nJet, PRI_jet_num, Q1) stay side channels too.
    /// </summary>
    public static bool IsSideChannelName(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        foreach (string name in SideChannelNames)
        {
            if (string.Equals(columnName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return columnName.EndsWith("id", StringComparison.OrdinalIgnoreCase)
            || columnName.EndsWith("_index", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] SideChannelNames =
        ["index", "orig_index", "id", "eventid", "event_id", "label", "weight", "kaggleset", "kaggleweight"];
}
