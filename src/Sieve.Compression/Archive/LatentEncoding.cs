namespace Sieve.Compression.Archive;

/// <summary>Shape and element type of the latent block (header <c>latent</c>).</summary>
/// <param name="DType">Element type; v1 has only <see cref="LatentDType.Float32"/>.</param>
/// <param name="Rows">Number of latent rows; equals <see cref="ArchiveSchema.RowCount"/>.</param>
/// <param name="Dims">Latent width Z per row; equals <see cref="ModelIdentity.LatentSize"/>, at least 1.</param>
public sealed record LatentEncoding(LatentDType DType, int Rows, int Dims)
{
    /// <summary>
    /// How int32 latents were quantised (header <c>latent.quantisation</c>, version 4 only; older
    /// versions are <see cref="LatentQuantisation.Uniform"/>). Trellis-quantised indices let the
    /// coder drop one bit per value, and the writer refuses indices that do not follow the trellis.
    /// </summary>
    public LatentQuantisation Quantisation { get; init; } = LatentQuantisation.Uniform;

    /// <summary>
    /// Quantised autoencoder latents (header <c>latent.steps</c>, version 4, int32 only): one step
    /// per latent dimension, latent = index * step. Null when the integers are not scaled latents
    /// (quantised features, whose quantiser is in the normaliser).
    /// </summary>
    public IReadOnlyList<double>? Steps { get; init; }
}
