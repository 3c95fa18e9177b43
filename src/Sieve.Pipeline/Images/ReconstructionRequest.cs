namespace Sieve.Pipeline.Images;

/// <summary>What `sieve reconstruct` draws.</summary>
/// <param name="ModelDirectory">A convolutional model (trained on images).</param>
/// <param name="InputPath">Images to draw: an (N, C, H, W) .npy (its .npy.json sidecar, when there, gives the axes).</param>
/// <param name="OutputDirectory">Where the PNGs, pictures.json and index.html go.</param>
/// <param name="Events">Rows (0-based) to show original, reconstruction and residual for.</param>
/// <param name="TraversalDimensions">Latent dimensions to traverse (the first ones, at most the latent size).</param>
/// <param name="TraversalSteps">Values per traversed dimension, from -2 to +2 standard deviations of the latents.</param>
public sealed record ReconstructionRequest(string ModelDirectory, string InputPath, string OutputDirectory, IReadOnlyList<int> Events,
    int TraversalDimensions = 4, int TraversalSteps = 5);
