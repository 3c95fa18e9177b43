using Sieve.Core.Events;
using Sieve.Core.Images;
using Sieve.Core.Jets;

namespace Sieve.Core.Tests.Images;

public sealed class JetImagerTests
{
    [Fact]
    public void Total_intensity_is_the_pt_of_the_constituents_inside_the_extent()
    {
        var random = new Random(3);
        GeneratorParticle[] particles = Enumerable.Range(0, 80)
            .Select(_ => Particle(211, random.NextDouble() * 20, 1.0 + (random.NextDouble() - 0.5) * 1.6, 3.0 + (random.NextDouble() - 0.5) * 1.6))
            .ToArray();
        Jet jet = SingleJet(particles);
        var options = new JetImageOptions { Pixels = 25, Extent = 0.8 };
        float[] image = JetImager.Image(particles, jet, options);

        double inside = jet.Constituents.Select(i => particles[i])
            .Where(p => Math.Abs(p.Eta - jet.Eta) < 0.4 && Math.Abs(Kinematics.WrapPhi(p.Phi - jet.Phi)) < 0.4)
            .Sum(p => p.Pt);
        Assert.True(inside < jet.Constituents.Sum(i => particles[i].Pt), "some constituents lie outside, so the cut is exercised");
        Assert.Equal(inside, image.Sum(v => (double)v), 1e-4);
        Assert.Equal(25 * 25, image.Length);
    }

    [Theory]
    [InlineData(0.13, -0.27, 32, 0.8)]
    [InlineData(-0.399, 0.399, 16, 0.8)]
    [InlineData(0.5, 0.05, 10, 2.0)]
    public void A_particle_lands_in_the_pixel_its_offset_gives(double dEta, double dPhi, int pixels, double extent)
    {
        // A hard particle on the axis at phi near pi (so the offset crosses the phi wrap) and a soft one offset.
        double axisPhi = Math.PI - 0.01;
        GeneratorParticle[] particles = [Particle(211, 1000, 0.3, axisPhi), Particle(211, 1e-3, 0.3 + dEta, axisPhi + dPhi)];
        Jet jet = SingleJet(particles, radius: 1.5);
        float[] image = JetImager.Image(particles, jet, new JetImageOptions { Pixels = pixels, Extent = extent });

        double size = extent / pixels;
        int Pixel(GeneratorParticle p)
        {
            int row = (int)Math.Floor((p.Eta - jet.Eta + (extent / 2)) / size);
            int col = (int)Math.Floor((Kinematics.WrapPhi(p.Phi - jet.Phi) + (extent / 2)) / size);
            return (row * pixels) + col;
        }

        Assert.NotEqual(Pixel(particles[0]), Pixel(particles[1]));
        Assert.Equal(1e-3, image[Pixel(particles[1])], 1e-6);
        Assert.Equal(1000, image[Pixel(particles[0])], 1e-2);
    }

    [Fact]
    public void Rotation_puts_a_two_prong_jet_along_eta()
    {
        // Two prongs at +-(0.12, 0.16) in (delta eta, delta phi): a diagonal axis.
        GeneratorParticle[] particles = [Particle(211, 300, 0.12, 1.16), Particle(22, 200, -0.12, 0.84), Particle(130, 1, 0.0, 1.0)];
        Jet jet = SingleJet(particles);
        var options = new JetImageOptions { Pixels = 33, Extent = 0.8, Rotate = true, Centre = ImageCentre.PtCentroid };
        float[] image = JetImager.Image(particles, jet, options);
        var bright = Enumerable.Range(0, image.Length).Where(i => image[i] > 100).ToArray();
        Assert.Equal(2, bright.Length);
        Assert.All(bright, i => Assert.Equal(16, i % 33)); // both prongs in the middle column: delta phi = 0
        Assert.Equal(2 * 0.2, Math.Abs((bright[0] / 33) - (bright[1] / 33)) * (0.8 / 33), 0.8 / 33); // still 0.4 apart
    }

    [Fact]
    public void Mirrors_are_involutions_and_the_normalising_flip_is_idempotent()
    {
        var random = new Random(11);
        float[] image = Enumerable.Range(0, 2 * 5 * 7).Select(_ => (float)random.NextDouble()).ToArray();
        float[] copy = (float[])image.Clone();
        ImageFlips.MirrorPhi(copy, 2, 5, 7);
        Assert.NotEqual(image, copy);
        ImageFlips.MirrorPhi(copy, 2, 5, 7);
        Assert.Equal(image, copy);
        ImageFlips.MirrorEta(copy, 2, 5, 7);
        Assert.Equal(image[(1 * 35) + (0 * 7) + 3], copy[(1 * 35) + (4 * 7) + 3]);
        ImageFlips.MirrorEta(copy, 2, 5, 7);
        Assert.Equal(image, copy);

        ImageFlips.Normalise(copy, 2, 5, 7);
        float[] once = (float[])copy.Clone();
        ImageFlips.Normalise(copy, 2, 5, 7);
        Assert.Equal(once, copy);
        Assert.True(HalfSums(once, 2, 5, 7) is var (low, high, bottom, top) && low <= high && bottom <= top);
    }

    [Fact]
    public void Flip_makes_a_jet_and_its_mirror_images_the_same_image()
    {
        // Three prongs placed by their offsets from a pT centroid at (0.5, 2.0), away from pixel edges.
        (double Pt, double DEta, double DPhi)[] prongs = [(100, 0.01, 0.02), (30, -0.21, -0.26), (12, 0.13, -0.17)];
        var options = new JetImageOptions { Pixels = 8, Extent = 0.8, Flip = true, Centre = ImageCentre.PtCentroid };
        float[] Image(int etaSign, int phiSign, bool flip = true)
        {
            GeneratorParticle[] particles = prongs.Select(p => Particle(211, p.Pt, 0.5 + (etaSign * p.DEta), 2.0 + (phiSign * p.DPhi))).ToArray();
            return JetImager.Image(particles, SingleJet(particles), options with { Flip = flip });
        }

        float[] image = Image(1, 1);
        Assert.Equal(image, Image(-1, 1));
        Assert.Equal(image, Image(1, -1));
        Assert.Equal(image, Image(-1, -1));
        Assert.True(HalfSums(image, 1, 8, 8) is var (low, high, bottom, top) && low <= high && bottom <= top);
        // Without the flip, at least one of the mirror images differs: the flip did the work.
        Assert.Contains(new[] { (1, 1), (-1, 1), (1, -1), (-1, -1) }, m => !image.SequenceEqual(Image(m.Item1, m.Item2, flip: false)));
    }

    [Fact]
    public void By_type_channels_sum_the_pt_of_each_type()
    {
        GeneratorParticle[] particles =
        [
            Particle(211, 50, 0, 0), Particle(-321, 7, 0.05, 0.02), Particle(2212, 3, -0.03, 0.01), Particle(13, 2, 0.01, 0.01), // charged
            Particle(22, 20, 0.02, -0.05), Particle(-11, 4, -0.02, 0.0), // photons and electrons
            Particle(130, 9, 0.03, 0.03), Particle(2112, 5, -0.04, -0.04), Particle(310, 1, 0, 0.05), // neutral hadrons
        ];
        Jet jet = SingleJet(particles);
        var options = new JetImageOptions { Pixels = 16, Extent = 0.8, Channels = JetImageChannels.ByType };
        float[] image = JetImager.Image(particles, jet, options);
        Assert.Equal(3 * 16 * 16, image.Length);
        double Channel(int c) => image.Skip(c * 256).Take(256).Sum(v => (double)v);
        Assert.Equal(62, Channel(0), 1e-4);
        Assert.Equal(24, Channel(1), 1e-4);
        Assert.Equal(15, Channel(2), 1e-4);
    }

    [Theory]
    // 3 x charge from the PDG particle listing.
    [InlineData(211, 3)] [InlineData(-211, -3)] [InlineData(111, 0)] [InlineData(321, 3)] [InlineData(-321, -3)]
    [InlineData(311, 0)] [InlineData(130, 0)] [InlineData(310, 0)] [InlineData(2212, 3)] [InlineData(-2212, -3)]
    [InlineData(2112, 0)] [InlineData(3122, 0)] [InlineData(3222, 3)] [InlineData(3112, -3)] [InlineData(3312, -3)]
    [InlineData(3334, -3)] [InlineData(411, 3)] [InlineData(421, 0)] [InlineData(521, 3)] [InlineData(-511, 0)]
    [InlineData(431, 3)] [InlineData(4122, 3)] [InlineData(2224, 6)] [InlineData(11, -3)] [InlineData(-13, 3)]
    [InlineData(22, 0)] [InlineData(12, 0)] [InlineData(2, 2)] [InlineData(-1, 1)] [InlineData(0, 0)]
    public void Charge_from_the_pdg_id(int pdgId, int threeCharge) => Assert.Equal(threeCharge, ParticleTypes.ThreeCharge(pdgId));

    private static (double Low, double High, double Bottom, double Top) HalfSums(float[] image, int c, int h, int w)
    {
        double low = 0, high = 0, bottom = 0, top = 0;
        for (int k = 0; k < c; k++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    float v = image[(((k * h) + y) * w) + x];
                    low += x < w / 2 ? v : 0;
                    high += x >= (w + 1) / 2 ? v : 0;
                    bottom += y < h / 2 ? v : 0;
                    top += y >= (h + 1) / 2 ? v : 0;
                }
            }
        }

        return (low, high, bottom, top);
    }

    private static Jet SingleJet(GeneratorParticle[] particles, double radius = 1.2)
    {
        IReadOnlyList<Jet> jets = JetClustering.InclusiveJets(particles.Select(FourMomentum.Of).ToArray(), new JetDefinition(JetAlgorithm.AntiKt, radius, 1));
        return Assert.Single(jets);
    }

    /// <summary>A massless particle at (pT, eta, phi).</summary>
    internal static GeneratorParticle Particle(int pdgId, double pt, double eta, double phi) =>
        new(pdgId, 1, pt * Math.Cos(phi), pt * Math.Sin(phi), pt * Math.Sinh(eta), pt * Math.Cosh(eta), 0);
}
