using System.Text.Json.Serialization;

namespace Sieve.Core.Metrics;

/// <summary>
/// Fidelity of a reconstruction: per-feature residual statistics plus, optionally, the archive's
/// size accounting. Serialised by <see cref="ReportJson"/>.
/// </summary>
public sealed record FidelityReport
{
    /// <summary>Schema identifier of the JSON form; bumped on incompatible changes.</summary>
    public const string CurrentSchema = "sieve.fidelity/1";

    /// <summary>Schema identifier written to JSON.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>Label of the original data (e.g. its path). Default empty; set by the caller.</summary>
    public string Original { get; init; } = string.Empty;

    /// <summary>Label of the reconstruction (e.g. its path or the archive). Default empty; set by the caller.</summary>
    public string Reconstructed { get; init; } = string.Empty;

    /// <summary>Whether the data are synthetic (plots say so). Default false.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Rows compared.</summary>
    public int Rows { get; init; }

    /// <summary>Factor from the table's energy unit to GeV used for the selections.</summary>
    [JsonPropertyName("energy_scale_to_gev")]
    public double EnergyScaleToGeV { get; init; } = 1.0;

    /// <summary>One entry per feature, in table order.</summary>
    public IReadOnlyList<VariableFidelity> Variables { get; init; } = [];

    /// <summary>Archive size accounting when an archive was given; null otherwise.</summary>
    public CompressionAccountingSummary? Compression { get; init; }

    /// <summary>Mirror of <see cref="CompressionAccountingSummary.CompressionRatio"/> (null without <see cref="Compression"/>).</summary>
    public double? CompressionRatio => Compression?.CompressionRatio;

    /// <summary>Mirror of <see cref="CompressionAccountingSummary.BytesPerRow"/> (null without <see cref="Compression"/>).</summary>
    public double? BytesPerRow => Compression?.BytesPerRow;

    /// <summary>Free-text notes (units, excluded values, caveats).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Error bounds checked (`sieve evaluate --max-error`); null when none were asked for.</summary>
    public IReadOnlyList<BoundCheck>? BoundChecks { get; init; }

    /// <summary>Per object kind (event inputs only): residual statistics of E, pt, eta, phi; null for tables.</summary>
    public IReadOnlyList<KindFidelity>? PerKind { get; init; }

    /// <summary>The entry of a feature by name (case-insensitive), or null.</summary>
    public VariableFidelity? Find(string name)
    {
        foreach (VariableFidelity v in Variables)
        {
            if (string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
