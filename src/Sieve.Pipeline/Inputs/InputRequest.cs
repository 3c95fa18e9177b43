using Sieve.Core.Layouts;
using Sieve.Core.Selection;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>Where to read a feature table from and how.</summary>
/// <param name="Path">Input file.</param>
/// <param name="Format">File format; null = detect from the content.</param>
/// <param name="Columns">Feature columns for CSV tables; null = choose automatically.</param>
/// <param name="Unit">Energy unit of the file's values; null = GeV for CSV (DarkMachines is always MeV on disk, GeV after reading).</param>
/// <param name="Channel">DarkMachines channel selection applied to events before anything else; null = all events.</param>
/// <param name="Missing">Value that marks a missing cell in a table (HiggsML: -999); null = none.</param>
/// <param name="Layout">How events become rows (event formats only).</param>
/// <param name="AllowDrop">Accept a slot layout that drops more than <see cref="DroppedObjects.RefusalShare"/> of the objects (refused otherwise).</param>
public sealed record InputRequest(string Path, InputFormat? Format = null, IReadOnlyList<string>? Columns = null, EnergyUnit? Unit = null,
    Channel? Channel = null, double? Missing = null, LayoutKind Layout = LayoutKind.PerObject, bool AllowDrop = false)
{
    /// <summary>Where to report the bytes of the file read so far (a progress bar); null for nobody.</summary>
    public IProgress<long>? BytesRead { get; init; }
}
