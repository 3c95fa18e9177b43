namespace Sieve.Core.Metrics.Scans;

/// <summary>One training of a parameter scan.</summary>
/// <param name="Value">The scanned parameter's value (e.g. the latent size).</param>
/// <param name="Seed">The training's seed.</param>
/// <param name="ValidationLoss">Its best validation loss.</param>
/// <param name="Label">Where it came from (the model directory).</param>
public sealed record ScanPoint(int Value, int Seed, double ValidationLoss, string Label);
