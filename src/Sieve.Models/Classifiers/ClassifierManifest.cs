using Sieve.Core.Layouts;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;

namespace Sieve.Models.Classifiers;

/// <summary>
/// classifier.json: what is needed besides the weights to score new events with a trained classifier:
/// its shape, the input it read, the missing-value fills and the normaliser fitted on its training rows.
/// </summary>
public sealed record ClassifierManifest
{
    /// <summary>Identifies the file kind.</summary>
    public string Format { get; init; } = "sieve-classifier";

    /// <summary>Manifest version; readers refuse versions they do not know.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Tool and version that wrote it.</summary>
    public required string Tool { get; init; }

    /// <summary>Feature names, in the order the network reads them.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Hidden widths (F -> widths -> 1 logit, ReLU).</summary>
    public required IReadOnlyList<int> HiddenWidths { get; init; }

    /// <summary>Format of the training input; new inputs are read the same way unless told otherwise.</summary>
    public required InputFormat InputFormat { get; init; }

    /// <summary>Energy unit of the training input.</summary>
    public required EnergyUnit Unit { get; init; }

    /// <summary>How events became rows.</summary>
    public LayoutKind Layout { get; init; } = LayoutKind.PerObject;

    /// <summary>The missing-value marker (HiggsML: -999), or null when training had none.</summary>
    public double? MissingMarker { get; init; }

    /// <summary>Per feature, the value missing cells were filled with (the training rows' present mean).</summary>
    public IReadOnlyList<double>? MissingFills { get; init; }

    /// <summary>Normaliser fitted on the training rows.</summary>
    public required FeatureNormaliser Normaliser { get; init; }

    /// <summary>File name of the weights, beside the manifest.</summary>
    public string WeightsFile { get; init; } = "weights.bin";

    /// <summary>SHA-256 (hex) of the weights file.</summary>
    public required string WeightsSha256 { get; init; }
}
