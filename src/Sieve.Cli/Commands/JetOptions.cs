using System.CommandLine;
using Sieve.Core.Jets;

namespace Sieve.Cli.Commands;

/// <summary>The jet-definition options `sieve jets` and `sieve images` share.</summary>
internal static class JetOptions
{
    public static Option<string> Algorithm() => new("--algorithm", "-a")
    {
        Description = $"Jet algorithm: {JetAlgorithms.Names}. Generalised-kt with E-scheme recombination, distances in (rapidity, phi) as FastJet measures them.",
        DefaultValueFactory = _ => "antikt",
    };

    public static Option<double> Radius() => new("--radius", "-R")
    {
        Description = "Jet radius parameter R in (rapidity, phi); 0.4 for small-R jets, 0.8-1.0 for large-R (boosted) jets.",
        DefaultValueFactory = _ => 0.4,
    };

    public static Option<double> PtMin(double fallback) => new("--ptmin")
    {
        Description = "Keep inclusive jets with pT at least this (GeV).",
        DefaultValueFactory = _ => fallback,
    };

    public static JetDefinition Parse(string algorithm, double radius, double ptMin)
    {
        if (!JetAlgorithms.TryParse(algorithm, out JetAlgorithm a))
        {
            throw new ArgumentException($"--algorithm {algorithm} is not a jet algorithm; expected one of {JetAlgorithms.Names}.");
        }

        if (!(radius > 0 && radius <= JetDefinition.MaxRadius))
        {
            throw new ArgumentException($"--radius {radius} is out of range; expected a jet radius in (0, {JetDefinition.MaxRadius}].");
        }

        if (!(ptMin >= 0) || double.IsInfinity(ptMin))
        {
            throw new ArgumentException($"--ptmin {ptMin} is out of range; expected a finite pT >= 0 GeV.");
        }

        return new JetDefinition(a, radius, ptMin);
    }
}
