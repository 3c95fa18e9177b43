namespace Sieve.Pipeline.Images;

/// <summary>What `sieve jets` did.</summary>
/// <param name="Events">Events read.</param>
/// <param name="Particles">Visible final-state particles clustered, all events together.</param>
/// <param name="Jets">Jets written.</param>
/// <param name="ClusteringSeconds">Time spent clustering (reading and writing excluded).</param>
/// <param name="Definition">The jet definition, as text.</param>
/// <param name="Output">The table written.</param>
public sealed record JetsSummary(long Events, long Particles, long Jets, double ClusteringSeconds, string Definition, string Output)
{
    /// <summary>Particles clustered per second.</summary>
    public double ParticlesPerSecond => ClusteringSeconds > 0 ? Particles / ClusteringSeconds : double.PositiveInfinity;
}
