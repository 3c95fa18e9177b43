namespace Sieve.Compression.Archive;

/// <summary>What the compressed table looked like (header <c>schema</c>), enough to rebuild it.</summary>
/// <param name="InputFormat">Source format, e.g. "csv", "darkmachines", "hdf5".</param>
/// <param name="ColumnOrder">Every column of the source in its original order.</param>
/// <param name="FeatureNames">Feature columns, in the model's input order.</param>
/// <param name="SideChannelNames">Side channels, in block order; unique.</param>
/// <param name="RowCount">Number of rows N of the table.</param>
/// <param name="EnergyUnit">Unit of energies and momenta, e.g. "GeV" or "MeV".</param>
/// <param name="Synthetic">True when the data were generated for tests or demos.</param>
/// <param name="FormatOptions">Reader/writer options of the source format (delimiter, ...); written sorted by key.</param>
public sealed record ArchiveSchema(
    string InputFormat,
    IReadOnlyList<string> ColumnOrder,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> SideChannelNames,
    int RowCount,
    string EnergyUnit,
    bool Synthetic,
    IReadOnlyDictionary<string, string> FormatOptions);
