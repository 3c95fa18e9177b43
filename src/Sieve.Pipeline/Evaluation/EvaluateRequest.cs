using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>Everything `sieve evaluate` needs.</summary>
/// <param name="Original">The original file.</param>
/// <param name="Reconstructed">The decompressed file.</param>
/// <param name="OutputDirectory">Report directory.</param>
/// <param name="Columns">Feature columns (CSV); null = automatic.</param>
/// <param name="Unit">Energy unit of the CSV values.</param>
/// <param name="Format">Input format; null = detect.</param>
/// <param name="Archive">The archive, for byte accounting.</param>
/// <param name="ModelDirectory">The model, to report its size beside the archive.</param>
/// <param name="Synthetic">Whether the data is the built-in synthetic sample.</param>
/// <param name="Missing">Missing-value marker: cells of the original equal to it are left out of the statistics.</param>
/// <param name="MaxError">Bounds to verify per variable ("1%" relative or "0.005" absolute).</param>
/// <param name="Kinds">Declared variable kinds (--kinds); name patterns otherwise.</param>
public sealed record EvaluateRequest(string Original, string Reconstructed, string OutputDirectory, IReadOnlyList<string>? Columns = null,
    EnergyUnit? Unit = null, InputFormat? Format = null, string? Archive = null, string? ModelDirectory = null, bool Synthetic = false, double? Missing = null,
    IReadOnlyDictionary<string, string>? MaxError = null, Core.Metrics.VariableKinds? Kinds = null)
{
    /// <summary>Where to report the bytes of the original read so far (a progress bar); null for nobody.</summary>
    public IProgress<long>? BytesRead { get; init; }
}
