using Sieve.Models.Autoencoders;
using Sieve.Models.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sieve.Models.Convolutional;

/// <summary>
/// Convolutional autoencoder, VAE or beta-VAE on (C, H, W) images (<see cref="ConvolutionalOptions"/>).
/// Rows come flat, (B, C x H x W) in (C, H, W) order, as every model's input does; the model gives them
/// their shape. With <see cref="VariationalOptions"/> the latent is a Gaussian (mean and log-variance
/// heads, reparameterised sampling while training), <see cref="Encode"/> returns its mean, and the
/// training loss adds beta x KL per pixel, as the dense VAE does per feature.
/// </summary>
public sealed class ConvolutionalAutoencoder : nn.Module<Tensor, Tensor>, IAutoencoder, ITrainingObjective, ILatentDistribution
{
    private readonly ModuleList<Conv2d> encoderBlocks;
    private readonly Linear latent;
    private readonly Linear? logVariance;
    private readonly Linear expand;
    private readonly ModuleList<Conv2d> decoderBlocks;
    private readonly Conv2d output;
    private readonly (int Height, int Width)[] sizes;

    /// <summary>Builds the layers; <paramref name="variational"/> null for a plain autoencoder.</summary>
    public ConvolutionalAutoencoder(ConvolutionalOptions options, VariationalOptions? variational = null)
        : base("ConvolutionalAutoencoder")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        variational?.Validate();
        Options = options;
        Variational = variational;
        sizes = [.. options.Sizes()];
        int[] channels = [options.Channels, .. options.Filters];
        encoderBlocks = nn.ModuleList([.. Enumerable.Range(0, options.Filters.Count).Select(i => nn.Conv2d(channels[i], channels[i + 1], 3, stride: 2, padding: 1))]);
        int flat = checked(channels[^1] * sizes[^1].Height * sizes[^1].Width);
        latent = nn.Linear(flat, options.LatentSize);
        logVariance = variational is null ? null : nn.Linear(flat, options.LatentSize);
        expand = nn.Linear(options.LatentSize, flat);

        // Decoder block i undoes encoder block i: upsample to the size before it, convolve back to its
        // input channels (the first block keeps its filters; the output convolution makes C of them).
        decoderBlocks = nn.ModuleList([.. Enumerable.Range(0, options.Filters.Count).Reverse()
            .Select(i => nn.Conv2d(channels[i + 1], i == 0 ? channels[1] : channels[i], 3, padding: 1))]);
        output = nn.Conv2d(channels[1], options.Channels, 3, padding: 1);
        RegisterComponents();
    }

    /// <summary>The image shape and filters.</summary>
    public ConvolutionalOptions Options { get; }

    /// <summary>Beta and the log-variance clamp when variational, else null.</summary>
    public VariationalOptions? Variational { get; }

    /// <inheritdoc />
    public int InputSize => Options.InputSize;

    /// <inheritdoc />
    public int LatentSize => Options.LatentSize;

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public bool HasLatentDistribution => Variational is not null;

    /// <inheritdoc />
    public bool Accepts(Sieve.Core.Tables.RowShape shape) =>
        shape is not null && shape.Dims.Count == 3 && shape.Dims[0] == Options.Channels && shape.Dims[1] == Options.Height && shape.Dims[2] == Options.Width;

    /// <summary>(B, C x H x W) -> mu (B, Z) and, for a VAE, log sigma^2 (B, Z) clamped (else null).</summary>
    public (Tensor Mean, Tensor? LogVariance) EncodeDistribution(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        Tensor x = features.reshape(features.shape[0], Options.Channels, Options.Height, Options.Width);
        foreach (Conv2d block in encoderBlocks)
        {
            x = nn.functional.relu(block.forward(x));
        }

        Tensor flat = x.flatten(1);
        Tensor mu = latent.forward(flat).MoveToOuterDisposeScope();
        Tensor? logVar = logVariance is null || Variational is null ? null
            : logVariance.forward(flat).clamp(Variational.LogVarianceMin, Variational.LogVarianceMax).MoveToOuterDisposeScope();
        return (mu, logVar);
    }

    /// <inheritdoc />
    public (Tensor Mean, Tensor LogVariance) EncodeGaussian(Tensor features)
    {
        (Tensor mu, Tensor? logVar) = EncodeDistribution(features);
        if (logVar is null)
        {
            mu.Dispose();
            throw new InvalidOperationException("a plain convolutional autoencoder has no latent distribution q(z|x); train it with --vae.");
        }

        return (mu, logVar);
    }

    /// <inheritdoc />
    public Tensor Encode(Tensor features)
    {
        (Tensor mu, Tensor? logVar) = EncodeDistribution(features);
        logVar?.Dispose();
        return mu;
    }

    /// <summary>(B, Z) -> the decoder's raw output (B, C x H x W): logits under BCE, intensities under MSE.</summary>
    public Tensor DecodeRaw(Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        (int h, int w) = sizes[^1];
        Tensor x = nn.functional.relu(expand.forward(z)).reshape(z.shape[0], Options.Filters[^1], h, w);
        int block = Options.Filters.Count;
        foreach (Conv2d conv in decoderBlocks)
        {
            (int th, int tw) = sizes[--block];
            x = nn.functional.interpolate(x, size: [th, tw], mode: InterpolationMode.Nearest);
            x = nn.functional.relu(conv.forward(x));
        }

        return output.forward(x).reshape(z.shape[0], InputSize).MoveToOuterDisposeScope();
    }

    /// <summary>(B, Z) -> (B, C x H x W) in the normalised intensities.</summary>
    public Tensor Decode(Tensor latent)
    {
        Tensor raw = DecodeRaw(latent);
        if (Options.Loss != ImageLoss.Bce)
        {
            return raw;
        }

        using (raw)
        {
            return raw.sigmoid();
        }
    }

    /// <inheritdoc />
    public Tensor Reconstruct(Tensor features)
    {
        using Tensor z = Encode(features);
        return Decode(z);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Reconstruct(input);

    /// <inheritdoc />
    public Tensor KlDivergence(Tensor features)
    {
        (Tensor mu, Tensor? logVar) = EncodeDistribution(features);
        using (mu)
        using (logVar)
        {
            return VariationalAutoencoder.KlOf(mu, logVar ?? throw NotVariational());
        }
    }

    /// <inheritdoc />
    public Tensor LatentScore(Tensor features)
    {
        (Tensor mu, Tensor? logVar) = EncodeDistribution(features);
        using (mu)
        using (logVar)
        {
            return VariationalAutoencoder.LatentScoreOf(mu, logVar ?? throw NotVariational());
        }
    }

    /// <summary>
    /// MSE or BCE over pixels (the mask, when given, keeps cells out) plus, for a VAE, beta x KL / pixels.
    /// Per-pixel weights are not used: every pixel is the same kind of number.
    /// </summary>
    public Tensor TrainingLoss(Tensor features, Tensor weights, Tensor? mask)
    {
        using var scope = torch.NewDisposeScope();
        (Tensor mu, Tensor? logVar) = EncodeDistribution(features);
        Tensor z = training && logVar is not null ? VariationalAutoencoder.Sample(mu, logVar) : mu;
        Tensor raw = DecodeRaw(z);
        Tensor perCell = Options.Loss == ImageLoss.Bce
            ? nn.functional.binary_cross_entropy_with_logits(raw, features, reduction: nn.Reduction.None)
            : (raw - features).square();
        Tensor recon = mask is null ? perCell.mean() : (perCell * mask).sum() / mask.sum().clamp_min(1e-12);
        if (logVar is null || Variational is null)
        {
            return recon.MoveToOuterDisposeScope();
        }

        Tensor kl = VariationalAutoencoder.KlOf(mu, logVar).mean();
        return (recon + (kl * (Variational.Beta / InputSize))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoderBlocks.Dispose();
            latent.Dispose();
            logVariance?.Dispose();
            expand.Dispose();
            decoderBlocks.Dispose();
            output.Dispose();
        }

        base.Dispose(disposing);
    }

    private static InvalidOperationException NotVariational() =>
        new("this convolutional autoencoder is not variational: it has no KL or R_z (train it with --vae).");
}
