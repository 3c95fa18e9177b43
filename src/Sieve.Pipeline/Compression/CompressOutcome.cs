using Sieve.Compression.Archive;

namespace Sieve.Pipeline;

/// <summary>What `sieve compress` wrote.</summary>
/// <param name="ArchivePath">The archive.</param>
/// <param name="Rows">Rows compressed.</param>
/// <param name="InputBytes">Size of the input file.</param>
/// <param name="Accounting">Bytes per section of the archive.</param>
/// <param name="ModelBytes">Size of the model directory's manifest and weights (shared, not in the archive).</param>
/// <param name="Dropped">Objects that did not fit the layout's slots and are not in the archive.</param>
/// <param name="KeptLossless">Integer identifier or counter columns kept losslessly instead of quantised (automatic selection).</param>
public sealed record CompressOutcome(string ArchivePath, int Rows, long InputBytes, ArchiveAccounting Accounting, long ModelBytes, Sieve.Core.Layouts.DroppedObjects? Dropped = null,
    IReadOnlyList<string>? KeptLossless = null)
{
    /// <summary>Passes over the input (more than 1 when steps fitted on the first chunk missed a target on the whole input).</summary>
    public int Passes { get; init; } = 1;

    /// <summary>Chunks in the archive (version 5); 0 for an archive written whole.</summary>
    public int Chunks { get; init; }

    /// <summary>Rows the quantiser's steps were fitted on (the first chunk); 0 when not a quantiser.</summary>
    public int FitRows { get; init; }

    /// <summary>The target each feature got and from which key (a name, its variable or a pattern); "0" for a feature kept losslessly. Empty without targets.</summary>
    public IReadOnlyList<TargetAssignment> Targets { get; init; } = [];
}
