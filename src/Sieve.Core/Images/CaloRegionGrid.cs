using Sieve.Core.Tables;

namespace Sieve.Core.Images;

/// <summary>
/// The Level-1 calorimeter regions an event's deposits are summed into (the input of CICADA-style
/// anomaly triggers): by default CMS's 14 regions in eta x 18 in phi over |eta| &lt; 3.
/// </summary>
/// <remarks>
/// A region is 4 x 4 trigger towers. Towers are 0.087 wide in eta up to |eta| = 1.74 and wider in
/// the endcap, so the region edges in |eta| are 0, 0.348, 0.696, 1.044, 1.392, 1.74, 2.172, 3.0
/// (7 regions a side), and 20 degrees (2 pi / 18) in phi. Intervals are half-open [low, high):
/// eta = -3 is inside, eta = 3 is not; phi is taken into [0, 2 pi) and measured from
/// <see cref="PhiStart"/> (0 here: region 0 covers phi in [0, 20 deg); the experiment's
/// hardware numbering may start elsewhere, which only rotates the phi axis).
/// </remarks>
/// <param name="EtaEdges">Increasing region edges in eta, from the lowest to the highest (regions = edges - 1).</param>
/// <param name="PhiRegions">Number of equal regions in phi.</param>
/// <param name="PhiStart">Lower edge of phi region 0 (radians).</param>
public sealed record CaloRegionGrid(IReadOnlyList<double> EtaEdges, int PhiRegions, double PhiStart = 0)
{
    /// <summary>|eta| edges of the CMS Level-1 calorimeter regions, barrel and endcap.</summary>
    public static IReadOnlyList<double> CmsAbsEtaEdges { get; } = [0, 0.348, 0.696, 1.044, 1.392, 1.74, 2.172, 3.0];

    /// <summary>CMS: 14 x 18 regions over |eta| &lt; 3.</summary>
    public static CaloRegionGrid Cms { get; } = new(
        CmsAbsEtaEdges.Skip(1).Reverse().Select(e => -e).Concat(CmsAbsEtaEdges).ToArray(), 18);

    /// <summary>Number of regions in eta (image height).</summary>
    public int EtaRegions => EtaEdges.Count - 1;

    /// <summary>The image shape (1, eta regions, phi regions), axes channel, eta, phi.</summary>
    public RowShape Shape => RowShape.Image(1, EtaRegions, PhiRegions);

    /// <summary>Width of one phi region (radians).</summary>
    public double PhiWidth => 2 * Math.PI / PhiRegions;

    /// <summary>The eta region of <paramref name="eta"/>, or null outside [first edge, last edge).</summary>
    public int? EtaRegion(double eta)
    {
        if (!(eta >= EtaEdges[0]) || eta >= EtaEdges[^1])
        {
            return null;
        }

        // Few edges: a linear scan is as fast as a binary search and plainly right.
        int region = 0;
        while (eta >= EtaEdges[region + 1])
        {
            region++;
        }

        return region;
    }

    /// <summary>The phi region of <paramref name="phi"/> (any real angle; it is wrapped first).</summary>
    public int PhiRegion(double phi)
    {
        double turn = 2 * Math.PI;
        double offset = (phi - PhiStart) % turn;
        if (offset < 0)
        {
            offset += turn;
        }

        int region = (int)(offset / PhiWidth);
        return Math.Min(region, PhiRegions - 1); // offset just below 2 pi can round up to PhiRegions
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the edges increase and there is at least one region each way.</summary>
    public CaloRegionGrid Validated()
    {
        if (EtaEdges is null || EtaEdges.Count < 2)
        {
            throw new ArgumentException("the region grid needs at least two eta edges", nameof(EtaEdges));
        }

        for (int i = 1; i < EtaEdges.Count; i++)
        {
            if (!(EtaEdges[i] > EtaEdges[i - 1]) || !double.IsFinite(EtaEdges[i]))
            {
                throw new ArgumentException($"eta edge {i} ({EtaEdges[i]}) is not above edge {i - 1} ({EtaEdges[i - 1]})", nameof(EtaEdges));
            }
        }

        if (PhiRegions is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(PhiRegions), PhiRegions, "the number of phi regions must be from 1 to 4096");
        }

        return this;
    }
}
