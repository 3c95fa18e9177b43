using Sieve.Core.Events;

namespace Sieve.Core.Images;

/// <summary>
/// Sums the transverse momenta of an event's objects into the calorimeter regions that contain
/// their (eta, phi): a (1, eta regions, phi regions) image, row 0 the lowest eta, column 0 phi
/// region 0 (see <see cref="CaloRegionGrid"/>), values in GeV.
/// </summary>
/// <remarks>
/// Reconstructed objects stand in for the deposits the trigger sees: each object's whole pT goes
/// into the one region of its direction. Muons leave little energy in a calorimeter and are not
/// deposited by default; MET is not a deposit. Objects outside the grid's eta range are left out.
/// </remarks>
public static class CaloRegionImager
{
    /// <summary>The kinds deposited by default: everything but muons.</summary>
    public static IReadOnlySet<ObjectKind> CalorimeterKinds { get; } = new HashSet<ObjectKind>(
        Enum.GetValues<ObjectKind>().Where(k => k is not (ObjectKind.MuonMinus or ObjectKind.MuonPlus)));

    /// <summary>The region image of <paramref name="e"/>; <paramref name="kinds"/> defaults to <see cref="CalorimeterKinds"/>.</summary>
    public static float[] Image(Event e, CaloRegionGrid grid, IReadOnlySet<ObjectKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(grid);
        kinds ??= CalorimeterKinds;
        var sums = new double[grid.EtaRegions * grid.PhiRegions];
        foreach (PhysicsObject o in e.Objects)
        {
            if (!kinds.Contains(o.Kind) || grid.EtaRegion(o.Eta) is not { } row)
            {
                continue;
            }

            sums[(row * grid.PhiRegions) + grid.PhiRegion(o.Phi)] += o.Pt;
        }

        // Summed in double, stored once in float32: the order of objects does not change a pixel.
        return sums.Select(s => (float)s).ToArray();
    }
}
