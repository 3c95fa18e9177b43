using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>A feature table read from a file, with the format and unit it was read in.</summary>
/// <param name="Table">Features and side channels.</param>
/// <param name="Format">The file's format.</param>
/// <param name="Unit">Energy unit of the table's values.</param>
/// <param name="FileBytes">Size of the input file.</param>
/// <param name="MovedFeatures">Numeric columns of an all-numeric format that were not chosen as features and travel as side channels.</param>
/// <param name="Mask">(N, F) presence mask of a slot layout (1 = real value, 0 = padding); null when every cell is real.</param>
/// <param name="Dropped">Objects that did not fit a slot layout.</param>
/// <param name="KeptLossless">Integer columns that look like identifiers or counters, kept losslessly instead of being features (automatic selection only).</param>
public sealed record LoadedInput(FeatureTable Table, InputFormat Format, EnergyUnit Unit, long FileBytes, IReadOnlyList<string>? MovedFeatures = null,
    double[]? Mask = null, Sieve.Core.Layouts.DroppedObjects? Dropped = null, IReadOnlyList<string>? KeptLossless = null)
{
    /// <summary>Index in the whole input of the table's first row: 0 for a whole file, the rows before it for a chunk.</summary>
    public long FirstRow { get; init; }

    /// <summary>The declared shape of one row: <c>(F)</c> for tables and per-object rows, <c>(S, F)</c> for slot layouts.</summary>
    public Sieve.Core.Tables.RowShape Shape { get; init; } = Sieve.Core.Tables.RowShape.Features(Math.Max(1, Table.FeatureCount), Mask is not null);

    /// <summary>The 1-based line of a CSV table's row <paramref name="row"/> (after the header line); null for other formats.</summary>
    public long? LineOf(int row) => Format == InputFormat.Csv ? FirstRow + row + 2 : null;
}
