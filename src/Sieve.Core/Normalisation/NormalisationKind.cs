namespace Sieve.Core.Normalisation;

/// <summary>How features are brought to order-one numbers before the autoencoder sees them.</summary>
public enum NormalisationKind
{
    /// <summary>
    /// The jet normalisation of the ATLAS autoencoder-compression studies (fixed constants, GeV):
    /// eta/5, phi/3, (log10 pT - 1.3)/1.2, (log10 E - 1.3)/1.2, log10(m + 1)/1.8 (signed, so m &lt;= 0
    /// stays invertible). Features with other names get a z-score fitted on the training split.
    /// </summary>
    Jet,

    /// <summary>(x - mean) / std per feature, fitted on the training split.</summary>
    ZScore,

    /// <summary>
    /// For features that are never negative on the training split (masses, momenta, energies,
    /// counts), z-score of log10(1 + x), which tames their long tails; z-score for the others
    /// (angles, pseudorapidities, signed quantities). Fitted on the training split.
    /// </summary>
    LogZScore,

    /// <summary>No change.</summary>
    None,

    /// <summary>
    /// Images: one transform shared by every pixel, log10(1 + x) divided by its largest value on the
    /// training split, so intensities lie in [0, 1] (what a binary cross-entropy loss needs), empty
    /// pixels stay 0 and the picture's proportions are kept (a per-pixel z-score would blow up the
    /// edge pixels that are nearly always empty). The default for image inputs.
    /// </summary>
    Image,
}
