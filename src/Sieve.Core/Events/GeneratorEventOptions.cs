namespace Sieve.Core.Events;

/// <summary>
/// How <see cref="GeneratorEvents.ToEvent"/> selects visible particles. The cuts act on visible
/// objects only: neutrinos always enter the missing transverse energy, as they escape any
/// detector whatever their direction.
/// </summary>
public sealed record GeneratorEventOptions
{
    /// <summary>Defaults: no pT cut, no |eta| cut.</summary>
    public static GeneratorEventOptions Default { get; } = new();

    /// <summary>
    /// Minimum pT (GeV) of a visible object; objects with pT below it are dropped. Default 0.
    /// Particles with pT exactly 0 are dropped whatever this says: they have no azimuth, and their
    /// eta is only the clamp value of <see cref="GeneratorParticle.Eta"/>.
    /// </summary>
    public double MinPt { get; init; }

    /// <summary>Maximum |eta| of a visible object; objects beyond it are dropped. Default +infinity (no cut).</summary>
    public double MaxAbsEta { get; init; } = double.PositiveInfinity;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a negative or NaN cut.</summary>
    public void Validate()
    {
        if (!(MinPt >= 0) || double.IsPositiveInfinity(MinPt))
        {
            throw new ArgumentOutOfRangeException(nameof(MinPt), MinPt, "MinPt must be a finite number >= 0 (GeV).");
        }

        if (!(MaxAbsEta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAbsEta), MaxAbsEta, "MaxAbsEta must be >= 0 (+infinity for no cut).");
        }
    }
}
