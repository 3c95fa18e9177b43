namespace Sieve.IO.Generators;

/// <summary>Generator-level file formats read by <see cref="GeneratorReader"/>.</summary>
public enum GeneratorFormat
{
    /// <summary>Les Houches Event file (<c>.lhe</c>, <c>.lhe.gz</c>); see <see cref="LheReader"/>.</summary>
    Lhe,

    /// <summary>HepMC3 ASCII, Asciiv3 (<c>.hepmc3</c>, <c>.hepmc</c>, with or without <c>.gz</c>); see <see cref="HepMC3Reader"/>.</summary>
    HepMC3,

    /// <summary>FastJet example text, <c>px py pz E</c> per line (<c>.dat</c>, <c>.txt</c>); see <see cref="FastJetTextReader"/>.</summary>
    FastJetText,
}
