using Sieve.Core.Images;
using Sieve.Core.Jets;
using Sieve.Core.Tables;

namespace Sieve.Pipeline.Images;

/// <summary>What `sieve images` is asked.</summary>
/// <param name="Input">Generator file for jet images; any event file (DarkMachines, generator) for region images.</param>
/// <param name="Kind">Jet or region images.</param>
/// <param name="Output">The (N, C, H, W) float32 .npy; its description goes beside it as OUTPUT.json (the .npy name plus .json).</param>
public sealed record ImagesRequest(string Input, ImageKind Kind, string Output)
{
    /// <summary>Input format, when not detected from the file.</summary>
    public InputFormat? Format { get; init; }

    /// <summary>The jets to image (jet images only): anti-kt R = 0.4, pT &gt; 20 GeV by default.</summary>
    public JetDefinition Jets { get; init; } = new(JetAlgorithm.AntiKt, 0.4, 20);

    /// <summary>At most this many jets per event, highest pT first; 0 = every jet above the pT minimum.</summary>
    public int LeadingJets { get; init; }

    /// <summary>Pixels, extent, centre, rotation, flip, channels (jet images only).</summary>
    public JetImageOptions JetImage { get; init; } = new();

    /// <summary>The region grid (region images only).</summary>
    public CaloRegionGrid Regions { get; init; } = CaloRegionGrid.Cms;

    /// <summary>A folder for PNG pictures (the average image and the first few), or null for none.</summary>
    public string? PlotDirectory { get; init; }

    /// <summary>
    /// Jet images of SYNTHETIC quark-like or gluon-like jets (<see cref="Sieve.Core.Synthetic.SyntheticShowers"/>)
    /// instead of the jets of <see cref="Input"/>, which is then ignored; null reads the input.
    /// </summary>
    public SyntheticJetSource? Synthetic { get; init; }

    /// <summary>How many single images to draw beside the average.</summary>
    public int SinglePlots { get; init; } = 4;
}

/// <summary>Which synthetic jets `sieve images --synthetic` makes.</summary>
/// <param name="Flavour">Quark-like or gluon-like showers.</param>
/// <param name="Events">Events to generate (one synthetic jet each, plus soft particles).</param>
/// <param name="Seed">Seed; the same seed gives the same images.</param>
public sealed record SyntheticJetSource(Sieve.Core.Synthetic.ShowerFlavour Flavour, int Events, int Seed);
