namespace Sieve.Core.Selection;

/// <summary>
/// Event selections of the DarkMachines unsupervised challenge (arXiv:2105.14027); the cuts are
/// in <see cref="ChannelSelection"/>, the text codes (<c>ch1 ch2a ch2b ch3</c>) in <see cref="Channels"/>.
/// </summary>
public enum Channel
{
    /// <summary>Hadronic, high MET: HT, MET, MET/HT and jet-multiplicity cuts.</summary>
    Ch1,

    /// <summary>At least three leptons and MET >= 50 GeV.</summary>
    Ch2a,

    /// <summary>At least two leptons, MET >= 50 GeV and HT >= 50 GeV.</summary>
    Ch2b,

    /// <summary>Inclusive: HT >= 600 GeV and MET >= 100 GeV.</summary>
    Ch3,
}
