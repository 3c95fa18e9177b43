using Sieve.Core.Events;
using Sieve.Core.Jets;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Generators;

namespace Sieve.Pipeline.Images;

/// <summary>
/// The particles jets are clustered from: the visible final-state particles of each event of a
/// generator file (FastJet text, HepMC3, LHE). Reconstructed-object files (DarkMachines) have no
/// particles to cluster and are refused with what to use instead.
/// </summary>
public static class JetSource
{
    /// <summary>One event's id and the particles its jet constituents point into.</summary>
    public sealed record Particles(long EventId, GeneratorParticle[] Visible, bool HasPdgIds);

    /// <summary>Reads the events of <paramref name="path"/> lazily.</summary>
    public static IEnumerable<Particles> Read(string path, InputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"input file {path} does not exist.", path);
        }

        InputFormat kind = format ?? InputLoader.Detect(path);
        GeneratorFormat generator = kind switch
        {
            InputFormat.FastJet => GeneratorFormat.FastJetText,
            InputFormat.HepMC3 => GeneratorFormat.HepMC3,
            InputFormat.Lhe => GeneratorFormat.Lhe,
            _ => throw new ArgumentException(
                $"{path} is read as {kind}, which holds no particles to cluster into jets; jets and jet images need a generator file " +
                "(FastJet text .dat, HepMC3 .hepmc3, LHE .lhe). For reconstructed events use `sieve images --kind regions`."),
        };
        bool ids = generator != GeneratorFormat.FastJetText;
        return GeneratorReader.Read(path, generator).Select(e => new Particles(e.Id, ClusteringInputs.Visible(e), ids));
    }

    /// <summary>The events of synthetic quark-like or gluon-like jets (every particle is visible).</summary>
    public static IEnumerable<Particles> Read(SyntheticJetSource synthetic)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        if (synthetic.Events < 1)
        {
            throw new ArgumentException($"--n {synthetic.Events}: expected at least 1 synthetic event.");
        }

        return SyntheticShowers.Generate(synthetic.Flavour, synthetic.Events, synthetic.Seed).Select(e => new Particles(e.Id, ClusteringInputs.Visible(e), true));
    }

    /// <summary>The momenta of the visible particles, in the same order.</summary>
    public static FourMomentum[] Momenta(GeneratorParticle[] particles) => Array.ConvertAll(particles, FourMomentum.Of);
}
