namespace Sieve.Core.Events;

/// <summary>
/// One generator-level event: every particle the file lists (incoming, intermediate and final
/// state), in file order. Turn it into a reconstructed-style <see cref="Event"/> with
/// <see cref="GeneratorEvents.ToEvent"/>.
/// </summary>
/// <param name="Id">Event number: HepMC3's own event number; for LHE and FastJet text, which have none, the 1-based position in the file.</param>
/// <param name="ProcessId">Process identifier: LHE IDPRUP as text; empty when the format has none (HepMC3, FastJet text).</param>
/// <param name="Weight">Nominal event weight: LHE XWGTUP, the first HepMC3 weight; 1 when the source has none.</param>
/// <param name="Particles">Particles in file order.</param>
public sealed record GeneratorEvent(long Id, string ProcessId, double Weight, IReadOnlyList<GeneratorParticle> Particles);
