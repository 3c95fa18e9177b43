using Sieve.Core.Events;

namespace Sieve.Core.Jets;

/// <summary>Which particles of a generator event go into jet clustering.</summary>
public static class ClusteringInputs
{
    /// <summary>
    /// The visible final-state particles, in file order: status 1, not a neutrino (neutrinos
    /// escape the detector and enter MET instead, as in <see cref="GeneratorEvents.ToEvent"/>).
    /// Jet constituent indices refer to positions in this list.
    /// </summary>
    public static GeneratorParticle[] Visible(GeneratorEvent generatorEvent)
    {
        ArgumentNullException.ThrowIfNull(generatorEvent);
        return generatorEvent.Particles.Where(p => p.IsFinalState && !GeneratorEvents.IsNeutrino(p.PdgId)).ToArray();
    }
}
