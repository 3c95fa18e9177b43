using System.Globalization;
using Sieve.Core.Jets;

namespace Sieve.Core.Tests.Jets;

/// <summary>One jet of tests/fixtures/fastjet/fastjet-reference.csv, as FastJet found it.</summary>
internal sealed record FastJetReferenceJet(
    string File, int Event, string Algorithm, double Radius, double PtMin, int Index,
    double Pt, double Rap, double Eta, double Phi, double PhiStd, double M, int Constituents)
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "fastjet", "fastjet-reference.csv");

    public JetAlgorithm ParsedAlgorithm => JetAlgorithms.TryParse(Algorithm, out JetAlgorithm a) ? a : throw new FormatException(Algorithm);

    public static IReadOnlyList<FastJetReferenceJet> Load()
    {
        var jets = new List<FastJetReferenceJet>();
        string[] header = [];
        foreach (string line in System.IO.File.ReadLines(Path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split(',');
            if (header.Length == 0)
            {
                header = f;
                continue;
            }

            string Get(string name) => f[Array.IndexOf(header, name)];
            double D(string name) => double.Parse(Get(name), CultureInfo.InvariantCulture);
            int I(string name) => int.Parse(Get(name), CultureInfo.InvariantCulture);
            jets.Add(new(Get("file"), I("event"), Get("algorithm"), D("radius"), D("ptmin"), I("jet"),
                D("pt"), D("rap"), D("eta"), D("phi"), D("phi_std"), D("m"), I("constituents")));
        }

        return jets;
    }
}
