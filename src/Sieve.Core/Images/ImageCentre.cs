namespace Sieve.Core.Images;

/// <summary>The point of a jet that lands in the middle of its image.</summary>
public enum ImageCentre
{
    /// <summary>The jet axis: the (eta, phi) of the jet's four-momentum.</summary>
    JetAxis,

    /// <summary>The pT-weighted centroid of the constituents' (eta, phi), phi measured from the jet axis the short way round.</summary>
    PtCentroid,
}
