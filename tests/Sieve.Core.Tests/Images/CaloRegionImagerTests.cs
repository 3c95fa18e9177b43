using Sieve.Core.Events;
using Sieve.Core.Images;

namespace Sieve.Core.Tests.Images;

public sealed class CaloRegionImagerTests
{
    [Fact]
    public void The_cms_grid_is_14_regions_in_eta_by_18_in_phi_over_eta_3()
    {
        CaloRegionGrid grid = CaloRegionGrid.Cms.Validated();
        Assert.Equal([1, 14, 18], grid.Shape.Dims);
        Assert.Equal(["channel", "eta", "phi"], grid.Shape.Axes);
        Assert.Equal(-3.0, grid.EtaEdges[0]);
        Assert.Equal(3.0, grid.EtaEdges[^1]);
        // Barrel regions are four 0.087 towers wide.
        Assert.Equal(4 * 0.087, grid.EtaEdges[8] - grid.EtaEdges[7], 1e-12);
    }

    [Theory]
    [InlineData(0.0, 7)] [InlineData(-1e-12, 6)] [InlineData(0.348, 8)] [InlineData(0.3479, 7)] [InlineData(2.9999, 13)]
    [InlineData(-3.0, 0)] [InlineData(-2.172, 1)] [InlineData(1.74, 12)] [InlineData(1.7399, 11)]
    public void Eta_edges_belong_to_the_region_above(double eta, int region) => Assert.Equal(region, CaloRegionGrid.Cms.EtaRegion(eta));

    [Theory]
    [InlineData(3.0)] [InlineData(-3.0001)] [InlineData(4.5)] [InlineData(double.NaN)]
    public void Outside_the_acceptance_there_is_no_region(double eta) => Assert.Null(CaloRegionGrid.Cms.EtaRegion(eta));

    [Theory]
    [InlineData(0.0, 0)] [InlineData(0.349, 0)] [InlineData(0.3491, 1)] [InlineData(-1e-9, 17)] [InlineData(Math.PI, 9)]
    [InlineData(-Math.PI, 9)] [InlineData(-0.35, 16)] [InlineData(2 * Math.PI + 0.1, 0)]
    public void Phi_wraps_round(double phi, int region) => Assert.Equal(region, CaloRegionGrid.Cms.PhiRegion(phi));

    [Fact]
    public void Deposits_sum_to_the_pt_inside_the_acceptance()
    {
        var random = new Random(5);
        ObjectKind[] kinds = Enum.GetValues<ObjectKind>();
        PhysicsObject[] objects = Enumerable.Range(0, 200)
            .Select(_ => new PhysicsObject(kinds[random.Next(kinds.Length)], 0, random.NextDouble() * 100, (random.NextDouble() - 0.5) * 8, (random.NextDouble() - 0.5) * 2 * Math.PI))
            .ToArray();
        var e = new Event("1", "p", 1, 50, 0.3, objects);
        float[] image = CaloRegionImager.Image(e, CaloRegionGrid.Cms);
        double expected = objects.Where(o => Math.Abs(o.Eta) < 3 && o.Kind is not (ObjectKind.MuonMinus or ObjectKind.MuonPlus)).Sum(o => o.Pt);
        Assert.Equal(14 * 18, image.Length);
        Assert.Equal(expected, image.Sum(v => (double)v), 1e-3);
    }

    [Fact]
    public void An_object_lands_in_its_region_and_two_across_the_phi_wrap_stay_apart()
    {
        PhysicsObject[] objects =
        [
            new(ObjectKind.Jet, 0, 40, 0.5, Math.PI - 0.01), // eta region 8, phi region 8
            new(ObjectKind.Photon, 0, 10, 0.5, -Math.PI + 0.01), // same eta, phi region 9: across the wrap
            new(ObjectKind.Jet, 0, 5, -2.5, 0.01), // eta region 0, phi region 0
            new(ObjectKind.MuonPlus, 0, 70, 0.0, 1.0), // not a calorimeter deposit
        ];
        float[] image = CaloRegionImager.Image(new Event("1", "p", 1, 0, 0, objects), CaloRegionGrid.Cms);
        Assert.Equal(40f, image[(8 * 18) + 8]);
        Assert.Equal(10f, image[(8 * 18) + 9]);
        Assert.Equal(5f, image[(0 * 18) + 0]);
        Assert.Equal(55f, image.Sum());
        float[] withMuons = CaloRegionImager.Image(new Event("1", "p", 1, 0, 0, objects), CaloRegionGrid.Cms, new HashSet<ObjectKind>(Enum.GetValues<ObjectKind>()));
        Assert.Equal(70f, withMuons[(7 * 18) + 2]);
    }
}
