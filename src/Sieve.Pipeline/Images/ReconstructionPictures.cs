namespace Sieve.Pipeline.Images;

/// <summary>What `sieve reconstruct` drew (pictures.json): file names relative to the output folder.</summary>
/// <param name="Model">The model's shape.</param>
/// <param name="Images">Images in the input.</param>
/// <param name="Events">Per shown row: original, reconstruction, residual, and per channel when there are several.</param>
/// <param name="AverageOriginal">Mean input image.</param>
/// <param name="AverageReconstruction">Mean reconstruction.</param>
/// <param name="Traversal">Per traversed latent dimension, the decoded images from -2 to +2 standard deviations.</param>
/// <param name="TraversalValues">The latent offsets of the traversal, in standard deviations.</param>
public sealed record ReconstructionPictures(string Model, int Images, IReadOnlyList<EventPictures> Events, string AverageOriginal, string AverageReconstruction,
    IReadOnlyList<IReadOnlyList<string>> Traversal, IReadOnlyList<double> TraversalValues);

/// <summary>The pictures of one row.</summary>
/// <param name="Row">0-based row.</param>
/// <param name="Original">Channels summed.</param>
/// <param name="Reconstruction">Channels summed.</param>
/// <param name="Residual">Reconstruction - original, channels summed, linear signed scale.</param>
/// <param name="Channels">Per channel (original, reconstruction), when the image has more than one.</param>
public sealed record EventPictures(int Row, string Original, string Reconstruction, string Residual, IReadOnlyList<ChannelPictures> Channels);

/// <summary>One channel of a shown row.</summary>
/// <param name="Channel">0-based channel.</param>
/// <param name="Original">The channel of the original.</param>
/// <param name="Reconstruction">The channel of the reconstruction.</param>
public sealed record ChannelPictures(int Channel, string Original, string Reconstruction);
