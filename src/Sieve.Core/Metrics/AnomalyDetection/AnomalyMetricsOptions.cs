namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>Options of the anomaly-detection metrics; every default is documented on its property.</summary>
public sealed record AnomalyMetricsOptions
{
    /// <summary>Collision rate of the LHC in Hz: a cut at FPR f keeps f x 40 MHz of background.</summary>
    public const double LhcCollisionRateHz = 40e6;

    /// <summary>Target background efficiencies. Default 1e-2, 1e-3, 1e-4, 1e-5 (1e-5 = 400 Hz at 40 MHz).</summary>
    public IReadOnlyList<double> TargetFprs { get; init; } = [1e-2, 1e-3, 1e-4, 1e-5];

    /// <summary>How TPR is read at a target FPR. Default <see cref="WorkingPointMethod.ConservativeStep"/>.</summary>
    public WorkingPointMethod Method { get; init; } = WorkingPointMethod.ConservativeStep;

    /// <summary>Rate that FPR multiplies into a trigger rate, in Hz. Default 40 MHz.</summary>
    public double CollisionRateHz { get; init; } = LhcCollisionRateHz;

    /// <summary>Bootstrap replicates for uncertainties; 0 turns the bootstrap off. Default 200.</summary>
    public int BootstrapReplicates { get; init; } = 200;

    /// <summary>Seed of the bootstrap's random numbers: same seed, same uncertainties. Default 1.</summary>
    public int BootstrapSeed { get; init; } = 1;

    /// <summary>Checks the values; called by every metric that takes the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target FPR is outside (0, 1], the rate is not
    /// positive, or the replicate count is negative.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(TargetFprs, nameof(TargetFprs));
        foreach (double f in TargetFprs)
        {
            if (!(f > 0 && f <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(TargetFprs), f, "Each target FPR must lie in (0, 1].");
            }
        }

        if (!(CollisionRateHz > 0 && double.IsFinite(CollisionRateHz)))
        {
            throw new ArgumentOutOfRangeException(nameof(CollisionRateHz), CollisionRateHz, "The collision rate must be a positive number of Hz (40e6 at the LHC).");
        }

        if (BootstrapReplicates < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), BootstrapReplicates, "Use 0 to turn the bootstrap off, or a positive count (200 by default).");
        }

        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown working-point method.");
        }
    }
}
