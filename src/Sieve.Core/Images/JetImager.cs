using Sieve.Core.Events;
using Sieve.Core.Jets;
using Sieve.Core.Tables;

namespace Sieve.Core.Images;

/// <summary>
/// Turns a jet into an image: its constituents' pT summed into a Pixels x Pixels grid in
/// (delta eta, delta phi) around the jet, rows along eta, columns along phi, flat in
/// <see cref="RowShape.Image"/> order (channel, eta, phi).
/// </summary>
/// <remarks>
/// Row 0 is the lowest delta eta and column 0 the lowest delta phi; pixel (row, col) covers
/// delta eta in [-Extent/2 + row * Extent/Pixels, ... + Extent/Pixels), delta phi likewise.
/// Delta phi is taken the short way round (a jet at phi = pi is one piece). Intensities are the
/// constituents' pT in GeV, not normalised, so a pixel sum is a pT sum; constituents outside the
/// extent are left out. Steps, in order: centre (jet axis or pT centroid), rotate (principal axis
/// of the pT-weighted (delta eta, delta phi) second moments onto the eta axis), pixelise, flip
/// (<see cref="ImageFlips.Normalise"/>).
/// </remarks>
public static class JetImager
{
    /// <summary>The row shape the options give: (C, Pixels, Pixels) with axes channel, eta, phi.</summary>
    public static RowShape Shape(JetImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RowShape.Image(options.ChannelCount, options.Pixels, options.Pixels);
    }

    /// <summary>The image of <paramref name="jet"/>, whose constituent indices point into <paramref name="particles"/>.</summary>
    public static float[] Image(IReadOnlyList<GeneratorParticle> particles, Jet jet, JetImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(jet);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        int n = jet.Constituents.Count;
        var dEta = new double[n];
        var dPhi = new double[n];
        var pt = new double[n];
        var channel = new int[n];
        double jetEta = jet.Eta;
        double jetPhi = jet.Phi;
        for (int k = 0; k < n; k++)
        {
            GeneratorParticle p = particles[jet.Constituents[k]];
            dEta[k] = p.Eta - jetEta;
            dPhi[k] = Kinematics.WrapPhi(p.Phi - jetPhi);
            pt[k] = p.Pt;
            channel[k] = options.Channels == JetImageChannels.ByType ? ParticleTypes.Channel(p.PdgId) : 0;
        }

        if (options.Centre == ImageCentre.PtCentroid)
        {
            Centre(dEta, dPhi, pt);
        }

        if (options.Rotate)
        {
            RotatePrincipalAxisToEta(dEta, dPhi, pt);
        }

        int pixels = options.Pixels;
        // Summed in double and stored once as float32, so a pixel does not depend on constituent order.
        var sums = new double[options.ChannelCount * pixels * pixels];
        for (int k = 0; k < n; k++)
        {
            if (PixelOf(dEta[k], options) is { } row && PixelOf(dPhi[k], options) is { } col)
            {
                int at = (((channel[k] * pixels) + row) * pixels) + col;
                sums[at] += pt[k];
            }
        }

        float[] image = Array.ConvertAll(sums, v => (float)v);

        if (options.Flip)
        {
            ImageFlips.Normalise(image, options.ChannelCount, pixels, pixels);
        }

        return image;
    }

    /// <summary>The pixel index along one axis of an offset from the centre, or null outside the extent.</summary>
    public static int? PixelOf(double offset, JetImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double position = (offset + (options.Extent / 2)) / options.Extent * options.Pixels;
        if (!(position >= 0) || position >= options.Pixels)
        {
            return null;
        }

        return (int)position;
    }

    private static void Centre(double[] dEta, double[] dPhi, double[] pt)
    {
        double sum = pt.Sum();
        if (sum <= 0)
        {
            return;
        }

        double eta = 0;
        double phi = 0;
        for (int k = 0; k < pt.Length; k++)
        {
            eta += pt[k] * dEta[k];
            phi += pt[k] * dPhi[k];
        }

        eta /= sum;
        phi /= sum;
        for (int k = 0; k < pt.Length; k++)
        {
            dEta[k] -= eta;
            dPhi[k] -= phi;
        }
    }

    /// <summary>
    /// Rotates the points about the origin so that the major axis of their pT-weighted second
    /// moments lies along eta. The axis angle from the phi axis is 0.5 atan2(2 C_pe, C_pp - C_ee);
    /// the rotation turns it by pi/2 minus that.
    /// </summary>
    private static void RotatePrincipalAxisToEta(double[] dEta, double[] dPhi, double[] pt)
    {
        double cpp = 0;
        double cee = 0;
        double cpe = 0;
        for (int k = 0; k < pt.Length; k++)
        {
            cpp += pt[k] * dPhi[k] * dPhi[k];
            cee += pt[k] * dEta[k] * dEta[k];
            cpe += pt[k] * dPhi[k] * dEta[k];
        }

        if (cpp == 0 && cee == 0)
        {
            return; // everything at the centre: no axis
        }

        double axis = 0.5 * Math.Atan2(2 * cpe, cpp - cee);
        double turn = (Math.PI / 2) - axis;
        double cos = Math.Cos(turn);
        double sin = Math.Sin(turn);
        for (int k = 0; k < pt.Length; k++)
        {
            double u = dPhi[k];
            double v = dEta[k];
            dPhi[k] = (u * cos) - (v * sin);
            dEta[k] = (u * sin) + (v * cos);
        }
    }
}
