namespace Sieve.Core.Images;

/// <summary>
/// Electric charge and detector type of a particle from its PDG id (Monte Carlo numbering
/// scheme), for the by-type channels of jet images.
/// </summary>
public static class ParticleTypes
{
    /// <summary>Number of by-type channels: charged, photons and electrons, neutral hadrons.</summary>
    public const int ChannelCount = 3;

    /// <summary>Names of the by-type channels, in channel order.</summary>
    public static IReadOnlyList<string> ChannelNames { get; } = ["charged", "photons+electrons", "neutral hadrons"];

    /// <summary>
    /// The by-type channel: 1 for photons and electrons (what an electromagnetic calorimeter
    /// sees), 0 for other charged particles (charged hadrons and muons: tracks), 2 for neutral
    /// hadrons (hadronic calorimeter only).
    /// </summary>
    public static int Channel(int pdgId)
    {
        int a = Math.Abs(pdgId);
        if (a is 22 or 11)
        {
            return 1;
        }

        return ThreeCharge(pdgId) != 0 ? 0 : 2;
    }

    /// <summary>
    /// Three times the charge in units of e: quarks and leptons directly; hadrons from the quark
    /// digits of the id (n_q1 n_q2 n_q3 n_J). A meson is q qbar with the sign fixed so that a
    /// positive id has an up-type heavier quark or a down-type heavier antiquark (K+ = 321 = u sbar);
    /// a baryon is the sum of its three quarks. Unknown ids (and 0) count as neutral.
    /// </summary>
    public static int ThreeCharge(int pdgId)
    {
        int sign = Math.Sign(pdgId);
        int a = Math.Abs(pdgId);
        switch (a)
        {
            case >= 1 and <= 6:
                return sign * QuarkThreeCharge(a);
            case 11 or 13 or 15 or 17:
                return -3 * sign;
            case 24:
                return 3 * sign;
            case 37:
                return 3 * sign;
        }

        if (a < 100 || a >= 1_000_000)
        {
            return 0; // gauge bosons, neutrinos, Higgs, BSM: neutral here
        }

        int q3 = (a / 10) % 10;
        int q2 = (a / 100) % 10;
        int q1 = (a / 1000) % 10;
        if (q3 > 6 || q2 > 6 || q1 > 6)
        {
            return 0;
        }

        if (q1 == 0)
        {
            // Meson: q2 is the heavier quark.
            int charge = QuarkThreeCharge(q2) - QuarkThreeCharge(q3);
            if (q2 % 2 == 1)
            {
                charge = -charge; // down-type heavier quark: the particle carries its antiquark
            }

            return sign * charge;
        }

        return sign * (QuarkThreeCharge(q1) + QuarkThreeCharge(q2) + QuarkThreeCharge(q3));
    }

    /// <summary>3 x charge of quark flavour 1..6 (d u s c b t).</summary>
    private static int QuarkThreeCharge(int flavour) => flavour == 0 ? 0 : flavour % 2 == 0 ? 2 : -1;
}
