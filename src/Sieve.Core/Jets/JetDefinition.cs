namespace Sieve.Core.Jets;

/// <summary>
/// Which jets to find: the algorithm, the radius parameter R and the minimum transverse momentum
/// of an inclusive jet. Recombination is always the E-scheme (four-momenta are added).
/// </summary>
/// <param name="Algorithm">anti-kt, kt or Cambridge/Aachen.</param>
/// <param name="Radius">R, in the (rapidity, phi) plane; 0.4 is the LHC standard for small-R jets, 0.8-1.0 for large-R (boosted) jets.</param>
/// <param name="PtMin">Inclusive jets below this pT (GeV) are not returned; 0 keeps every jet.</param>
public sealed record JetDefinition(JetAlgorithm Algorithm, double Radius, double PtMin = 0)
{
    /// <summary>Largest R accepted: beyond it every pair is within R of each other in phi and R stops meaning a size.</summary>
    public const double MaxRadius = 10;

    /// <summary>Checks R and pT min; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public JetDefinition Validated()
    {
        if (!(Radius > 0 && Radius <= MaxRadius))
        {
            throw new ArgumentOutOfRangeException(nameof(Radius), Radius, $"the jet radius R must be in (0, {MaxRadius}]");
        }

        if (!(PtMin >= 0) || double.IsInfinity(PtMin))
        {
            throw new ArgumentOutOfRangeException(nameof(PtMin), PtMin, "the jet pT minimum must be a finite number >= 0 GeV");
        }

        return this;
    }

    /// <summary>For people and file headers: <c>antikt R=0.4 pT&gt;5 GeV</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Algorithm.Name()} R={Radius:G} pT>{PtMin:G} GeV");
}
