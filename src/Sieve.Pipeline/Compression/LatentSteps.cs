namespace Sieve.Pipeline;

/// <summary>compress --latent-step: quantise an autoencoder's latents to integers (archive version 4).</summary>
/// <param name="Steps">One step for every dimension, or one per dimension; null = auto (needs corrections: the ladder of steps that makes the archive smallest).</param>
public sealed record LatentSteps(IReadOnlyList<double>? Steps);
