using Sieve.Models.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Sieve.Models.Inference;

namespace Sieve.Models.Autoencoders;

/// <summary>
/// Dense VAE / beta-VAE: an encoder trunk with two linear heads (mean mu and log-variance of a
/// Gaussian latent), sampling z = mu + sigma * eps while training, and a mirrored decoder.
/// <see cref="Encode"/> returns mu (deterministic, what an archive stores); the anomaly scores
/// KL and R_z = sum mu^2 / sigma^2 come from the encoder alone.
/// </summary>
public sealed class VariationalAutoencoder : nn.Module<Tensor, Tensor>, IAutoencoder, ITrainingObjective, ILatentDistribution
{
    private readonly Sequential trunk;
    private readonly Linear mean;
    private readonly Linear logVariance;
    private readonly Sequential decoder;

    /// <summary>Builds the layers from a dense shape and the variational settings.</summary>
    public VariationalAutoencoder(DenseAutoencoderOptions shape, VariationalOptions variational)
        : base("VariationalAutoencoder")
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(variational);
        shape.Validate();
        variational.Validate();
        if (shape.HiddenWidths.Count == 0)
        {
            throw new ArgumentException("a VAE needs at least one hidden layer before its mean and log-variance heads.");
        }

        Options = shape;
        Variational = variational;
        int[] widths = [shape.InputSize, .. shape.HiddenWidths];
        trunk = DenseLayers.Stack(widths, shape.Activation, finalActivation: true);
        mean = nn.Linear(widths[^1], shape.LatentSize);
        logVariance = nn.Linear(widths[^1], shape.LatentSize);
        decoder = DenseLayers.Stack([shape.LatentSize, .. shape.HiddenWidths.Reverse()], shape.Activation, finalActivation: true, outputSize: shape.InputSize);
        RegisterComponents();
    }

    /// <summary>The dense shape.</summary>
    public DenseAutoencoderOptions Options { get; }

    /// <summary>Beta and the log-variance clamp.</summary>
    public VariationalOptions Variational { get; }

    /// <inheritdoc />
    public int InputSize => Options.InputSize;

    /// <inheritdoc />
    public int LatentSize => Options.LatentSize;

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public bool HasLatentDistribution => true;

    /// <summary>(B, F) -> mu (B, Z), log sigma^2 (B, Z) clamped.</summary>
    public (Tensor Mean, Tensor LogVariance) EncodeDistribution(Tensor features)
    {
        using Tensor h = trunk.forward(features);
        Tensor mu = mean.forward(h);
        using Tensor raw = logVariance.forward(h);
        return (mu, raw.clamp(Variational.LogVarianceMin, Variational.LogVarianceMax));
    }

    /// <inheritdoc />
    public (Tensor Mean, Tensor LogVariance) EncodeGaussian(Tensor features) => EncodeDistribution(features);

    /// <inheritdoc />
    public Tensor Encode(Tensor features)
    {
        (Tensor mu, Tensor logVar) = EncodeDistribution(features);
        logVar.Dispose();
        return mu;
    }

    /// <inheritdoc />
    public Tensor Decode(Tensor latent) => decoder.forward(latent); // (B, Z) -> (B, F)

    /// <inheritdoc />
    public Tensor Reconstruct(Tensor features)
    {
        using Tensor z = Encode(features);
        return Decode(z);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Reconstruct(input);

    /// <summary>
    /// The weights as plain arrays: the encoder is the trunk followed by the mean head, and the
    /// log-variance head reads the trunk's output beside it.
    /// </summary>
    public AutoencoderWeights ExportWeights()
    {
        List<DenseLayerWeights> encoderLayers = DenseLayers.Export(trunk, Options.Activation);
        encoderLayers.Add(DenseLayers.Export(mean, null));
        return new AutoencoderWeights(
            new DenseNetworkWeights(encoderLayers),
            new DenseNetworkWeights(DenseLayers.Export(decoder, Options.Activation)),
            DenseLayers.Export(logVariance, null),
            Variational.LogVarianceMin,
            Variational.LogVarianceMax);
    }

    /// <summary>KL(q(z|x) || N(0, 1)) per event, summed over latent dimensions: (B, F) -> (B).</summary>
    public Tensor KlDivergence(Tensor features)
    {
        (Tensor mu, Tensor logVar) = EncodeDistribution(features);
        using (mu)
        using (logVar)
        {
            return KlOf(mu, logVar);
        }
    }

    /// <summary>R_z = sum_i mu_i^2 / sigma_i^2 per event, from the encoder only: (B, F) -> (B).</summary>
    public Tensor LatentScore(Tensor features)
    {
        (Tensor mu, Tensor logVar) = EncodeDistribution(features);
        using (mu)
        using (logVar)
        {
            return LatentScoreOf(mu, logVar);
        }
    }

    /// <summary>
    /// Reconstruction MSE of a sampled z (reparameterisation) plus beta * KL / F: the KL per event is
    /// divided by the number of features so that beta weighs it against the per-cell MSE.
    /// </summary>
    public Tensor TrainingLoss(Tensor features, Tensor weights, Tensor? mask)
    {
        (Tensor mu, Tensor logVar) = EncodeDistribution(features);
        using (mu)
        using (logVar)
        {
            using Tensor z = training ? Sample(mu, logVar) : mu.alias();
            using Tensor reconstruction = Decode(z);
            using Tensor recon = ReconstructionLoss.Compute(reconstruction, features, weights, mask);
            using Tensor kl = KlOf(mu, logVar);
            using Tensor klMean = kl.mean();
            return recon + (klMean * (Variational.Beta / InputSize));
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            trunk.Dispose();
            mean.Dispose();
            logVariance.Dispose();
            decoder.Dispose();
        }

        base.Dispose(disposing);
    }

    internal static Tensor Sample(Tensor mu, Tensor logVar)
    {
        using Tensor sigma = (logVar * 0.5).exp();
        using Tensor eps = torch.randn_like(mu);
        return mu + (sigma * eps);
    }

    // R_z of N(mu, sigma^2): sum mu^2 / sigma^2 over the latent dimensions.
    internal static Tensor LatentScoreOf(Tensor mu, Tensor logVar)
    {
        using Tensor inverseVariance = (-logVar).exp();
        using Tensor terms = mu.square() * inverseVariance;
        return terms.sum(1);
    }

    // KL of N(mu, sigma^2) from N(0, 1): 0.5 * sum(mu^2 + sigma^2 - 1 - log sigma^2).
    internal static Tensor KlOf(Tensor mu, Tensor logVar)
    {
        using Tensor terms = mu.square() + logVar.exp() - 1 - logVar;
        using Tensor summed = terms.sum(1);
        return summed * 0.5;
    }
}
