using Sieve.Core.Selection;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>What a bit scan is asked: the model, the widths, the inputs, and where the table and plots go.</summary>
/// <param name="ModelDirectory">Model directory written by `sieve train`.</param>
/// <param name="InputPath">Background input, read the way `sieve score` reads it.</param>
/// <param name="OutputDirectory">Directory for bit-scan.txt, bit-scan.json and the plots (created if needed).</param>
/// <param name="FromBits">Smallest total width W scanned.</param>
/// <param name="ToBits">Largest total width W scanned.</param>
/// <param name="IntegerBits">Integer bits I kept at every width; null = those of the precision.</param>
/// <param name="Precision">The type whose width is scanned (its sign and modes are kept); null = the per-layer file's, else ap_fixed&lt;16,6&gt;.</param>
/// <param name="PerLayerFile">Per-layer entries, fixed across the scan; null = none.</param>
/// <param name="Accumulator">An accumulator type fixed across the scan; null = the scanned type (hls4ml's default).</param>
/// <param name="SignalPath">A signal input: the AUC against the background is reported per width; null = none.</param>
public sealed record BitScanRequest(string ModelDirectory, string InputPath, string OutputDirectory, int FromBits, int ToBits, int? IntegerBits = null,
    string? Precision = null, string? PerLayerFile = null, string? Accumulator = null, string? SignalPath = null)
{
    /// <summary>hls4ml's ReuseFactor for the resource estimate of each width (1 = fully parallel).</summary>
    public int ReuseFactor { get; init; } = 1;

    /// <summary>Format of the inputs; null = the model's.</summary>
    public InputFormat? Format { get; init; }

    /// <summary>DarkMachines channel selection; null = all events.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Accept a slot layout that drops more than 1 % of the objects.</summary>
    public bool AllowDrop { get; init; }

    /// <summary>--missing as given (must be the model's marker).</summary>
    public double? Missing { get; init; }

    /// <summary>Reads "4:18" (from:to) into the two widths.</summary>
    /// <exception cref="ArgumentException">Not two whole numbers from 1 to 32 with from &lt;= to.</exception>
    public static (int From, int To) ParseRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out int from) && int.TryParse(parts[1], out int to) && from >= 1 && to <= Models.FixedPoint.ApFixedFormat.MaxWidth && from <= to)
        {
            return (from, to);
        }

        throw new ArgumentException($"--scan '{text}': expected FROM:TO total bits, whole numbers with 1 <= FROM <= TO <= {Models.FixedPoint.ApFixedFormat.MaxWidth}, e.g. 4:18.");
    }
}
