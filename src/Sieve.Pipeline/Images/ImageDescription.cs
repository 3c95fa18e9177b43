namespace Sieve.Pipeline.Images;

/// <summary>
/// The JSON sidecar written beside an image array (OUTPUT.npy.json): what the array holds, its
/// axes, their extent and units, and how the images were made, so a reader needs no other file.
/// </summary>
public sealed record ImageDescription
{
    /// <summary><c>jet</c> or <c>regions</c>.</summary>
    public required ImageKind Kind { get; init; }

    /// <summary>The input file.</summary>
    public required string Source { get; init; }

    /// <summary>True when the images are of SYNTHETIC jets (not physics data); every model trained on them says so.</summary>
    public bool Synthetic { get; init; }

    /// <summary>(N, C, H, W).</summary>
    public required IReadOnlyList<long> Shape { get; init; }

    /// <summary><c>image, channel, eta, phi</c>.</summary>
    public IReadOnlyList<string> Axes { get; init; } = ["image", "channel", "eta", "phi"];

    /// <summary>numpy dtype of the array.</summary>
    public string Dtype { get; init; } = "float32";

    /// <summary>What a pixel value is.</summary>
    public string Units { get; init; } = "GeV: transverse momentum summed in the pixel";

    /// <summary>Channel names, in order.</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>The eta axis (image rows).</summary>
    public required ImageAxis Eta { get; init; }

    /// <summary>The phi axis (image columns).</summary>
    public required ImageAxis Phi { get; init; }

    /// <summary>Jet images: the jet definition and the imaging options.</summary>
    public JetImageSettings? Jets { get; init; }

    /// <summary>The per-row index file (event id, and for jets the jet's rank and kinematics).</summary>
    public required string Rows { get; init; }
}

/// <summary>One image axis: what it measures, its edges and the convention of index 0.</summary>
/// <param name="Quantity">What the axis measures (e.g. delta eta from the jet centre).</param>
/// <param name="Edges">Bin edges, lowest first (bins = edges - 1); row or column 0 is the first bin.</param>
/// <param name="Unit">Unit of the edges.</param>
public sealed record ImageAxis(string Quantity, IReadOnlyList<double> Edges, string Unit);

/// <summary>How the jets of jet images were found and drawn.</summary>
public sealed record JetImageSettings(
    string Algorithm, double Radius, double PtMin, int LeadingJets, string Centre, bool Rotate, bool Flip, string Recombination = "E-scheme");
