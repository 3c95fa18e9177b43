namespace Sieve.Models.Inference;

/// <summary>
/// A dense autoencoder run by the project's own vectorised kernels (<see cref="DenseKernel"/>)
/// instead of libtorch: for small networks the per-call overhead and the scalar tanh of a general
/// tensor library cost more than the arithmetic. Rows go through in blocks of
/// <see cref="BlockRows"/>, in buffers a <see cref="Workspace"/> holds, so a call allocates
/// nothing; one workspace per thread.
/// </summary>
public sealed class NativeAutoencoder
{
    /// <summary>Rows per block: the block's activations stay in the L2 cache.</summary>
    public const int BlockRows = 256;

    private readonly DenseKernel[] encoder;
    private readonly DenseKernel[] decoder;
    private readonly DenseKernel? logVarianceHead;

    /// <summary>Lays out the weights for the kernels.</summary>
    public NativeAutoencoder(AutoencoderWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights;
        encoder = [.. weights.Encoder.Layers.Select(l => new DenseKernel(l))];
        decoder = [.. weights.Decoder.Layers.Select(l => new DenseKernel(l))];
        logVarianceHead = weights.LogVarianceHead is { } head ? new DenseKernel(head) : null;
        if (decoder[0].InputSize != LatentSize || decoder[^1].OutputSize != InputSize)
        {
            throw new ArgumentException($"the decoder maps {decoder[0].InputSize} -> {decoder[^1].OutputSize}, not the encoder's {LatentSize} -> {InputSize}.", nameof(weights));
        }

        MaxWidth = encoder.Concat(decoder).Append(logVarianceHead).Max(k => k?.PaddedOutputs ?? 0);
    }

    /// <summary>The weights this runs.</summary>
    public AutoencoderWeights Weights { get; }

    /// <summary>Number of features F.</summary>
    public int InputSize => Weights.InputSize;

    /// <summary>Latent dimensions Z.</summary>
    public int LatentSize => Weights.LatentSize;

    /// <summary>Whether KL and R_z can be computed.</summary>
    public bool IsVariational => logVarianceHead is not null;

    internal int MaxWidth { get; }

    /// <summary>Scratch buffers for one thread.</summary>
    public Workspace CreateWorkspace() => new(this);

    /// <summary>
    /// Runs up to <see cref="BlockRows"/> rows (<paramref name="rows"/> x F, row-major) through the
    /// encoder and decoder. Afterwards <see cref="Workspace.Latent"/> holds the latents (mu for a
    /// VAE), <see cref="Workspace.Reconstruction"/> the outputs and, for a VAE,
    /// <see cref="Workspace.LogVariance"/> the clamped log sigma^2, each with its row stride.
    /// </summary>
    public void Run(ReadOnlySpan<float> rowsIn, int rows, Workspace work)
    {
        Encode(rowsIn, rows, work);
        ReadOnlySpan<float> x = work.LatentBuffer;
        int stride = work.LatentStride;
        bool intoA = true;
        for (int l = 0; l < decoder.Length; l++)
        {
            Span<float> y = l == decoder.Length - 1 ? work.ReconstructionBuffer : (intoA ? work.A : work.B);
            decoder[l].Forward(x, stride, rows, y);
            x = y;
            stride = decoder[l].PaddedOutputs;
            intoA = !intoA;
        }

        work.ReconstructionStride = stride;
    }

    /// <summary>
    /// The encoder alone (what a trigger's latent score R_z needs): afterwards
    /// <see cref="Workspace.Latent"/> and, for a VAE, <see cref="Workspace.LogVariance"/> hold the block's rows.
    /// </summary>
    public void Encode(ReadOnlySpan<float> rowsIn, int rows, Workspace work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (rows > BlockRows || rowsIn.Length < rows * InputSize)
        {
            throw new ArgumentException($"a block is at most {BlockRows} rows of {InputSize} values; got {rows} rows in {rowsIn.Length} values.");
        }

        // Ping-pong between the two buffers; the trunk output (input of the last layer) is kept
        // for the log-variance head.
        ReadOnlySpan<float> x = rowsIn;
        int stride = InputSize;
        bool intoA = true;
        for (int l = 0; l < encoder.Length; l++)
        {
            Span<float> y = l == encoder.Length - 1 ? work.LatentBuffer : (intoA ? work.A : work.B);
            if (l == encoder.Length - 1 && logVarianceHead is not null)
            {
                logVarianceHead.Forward(x, stride, rows, work.LogVarianceBuffer);
                Clamp(work.LogVarianceBuffer[..(rows * logVarianceHead.PaddedOutputs)], (float)Weights.LogVarianceMin, (float)Weights.LogVarianceMax);
            }

            encoder[l].Forward(x, stride, rows, y);
            x = y;
            stride = encoder[l].PaddedOutputs;
            intoA = !intoA;
        }

        work.LatentStride = stride;
        work.LogVarianceStride = logVarianceHead?.PaddedOutputs ?? 0;
    }

    private static void Clamp(Span<float> values, float min, float max)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Math.Clamp(values[k], min, max);
        }
    }

    /// <summary>One thread's buffers: two for hidden activations, and the latent, log-variance and output blocks.</summary>
    public sealed class Workspace
    {
        private readonly float[] a, b, latent, logVariance, reconstruction;

        internal Workspace(NativeAutoencoder model)
        {
            LatentSize = model.LatentSize;
            int size = BlockRows * model.MaxWidth;
            a = new float[size];
            b = new float[size];
            latent = new float[size];
            logVariance = new float[size];
            reconstruction = new float[size];
        }

        /// <summary>Latent dimensions Z of the model the workspace belongs to.</summary>
        public int LatentSize { get; }

        /// <summary>Latents of the last block, <see cref="LatentStride"/> apart.</summary>
        public ReadOnlySpan<float> Latent => latent;

        /// <summary>Row stride of <see cref="Latent"/>.</summary>
        public int LatentStride { get; internal set; }

        /// <summary>Clamped log sigma^2 of the last block (VAE only), <see cref="LogVarianceStride"/> apart.</summary>
        public ReadOnlySpan<float> LogVariance => logVariance;

        /// <summary>Row stride of <see cref="LogVariance"/>.</summary>
        public int LogVarianceStride { get; internal set; }

        /// <summary>Reconstructions of the last block, <see cref="ReconstructionStride"/> apart.</summary>
        public ReadOnlySpan<float> Reconstruction => reconstruction;

        /// <summary>Row stride of <see cref="Reconstruction"/>.</summary>
        public int ReconstructionStride { get; internal set; }

        internal Span<float> A => a;

        internal Span<float> B => b;

        internal Span<float> LatentBuffer => latent;

        internal Span<float> LogVarianceBuffer => logVariance;

        internal Span<float> ReconstructionBuffer => reconstruction;
    }
}
