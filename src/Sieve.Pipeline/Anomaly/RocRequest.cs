namespace Sieve.Pipeline;

/// <summary>Everything `sieve roc` needs.</summary>
/// <param name="Background">Scores file of background events.</param>
/// <param name="Signals">Scores files of signal samples (one ROC each).</param>
/// <param name="Score">Score column: recon, kl or rz (or a full column name).</param>
/// <param name="OutputDirectory">Report directory.</param>
/// <param name="Bootstrap">Bootstrap replicates for the uncertainties (0 = none).</param>
/// <param name="Synthetic">Whether the scores come from the built-in synthetic sample.</param>
/// <param name="LossHistory">history.csv of the model, for the loss-curve plot (optional).</param>
/// <param name="IgnoreWeights">Count every event once instead of by its weight.</param>
/// <param name="ClipNegativeWeights">Set negative weights to 0 instead of summing them with their sign.</param>
/// <param name="Reference">A `sieve classify` output directory whose test-split classifier ROC is drawn beside the scores' as the supervised reference (optional).</param>
public sealed record RocRequest(string Background, IReadOnlyList<string> Signals, string Score, string OutputDirectory,
    int Bootstrap = 200, bool Synthetic = false, string? LossHistory = null, bool IgnoreWeights = false, bool ClipNegativeWeights = false, string? Reference = null)
{
    /// <summary>How the weights enter the efficiencies; both options at once are a usage error.</summary>
    public Sieve.Core.Metrics.AnomalyDetection.EventWeighting Weighting() => (IgnoreWeights, ClipNegativeWeights) switch
    {
        (true, true) => throw new ArgumentException("--ignore-weights and --clip-negative-weights exclude each other: give one."),
        (true, false) => Sieve.Core.Metrics.AnomalyDetection.EventWeighting.Ignored,
        (false, true) => Sieve.Core.Metrics.AnomalyDetection.EventWeighting.ClipNegative,
        _ => Sieve.Core.Metrics.AnomalyDetection.EventWeighting.Signed,
    };
}
