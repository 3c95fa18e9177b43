using Sieve.Models.Autoencoders;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sieve.Models.Sets;

/// <summary>
/// DeepSets autoencoder on object sets (rows of <c>(S, F)</c> slots with a presence mask): a network
/// applied to each object with its kind one-hot, a masked mean over the present objects (beside the
/// filled fraction n / S), a latent, and a decoder that emits S objects with features, kind logits and
/// a presence logit. Training and scoring match the emitted objects to the input's slots with the
/// Hungarian method (<see cref="SetMatchingLoss"/>), so neither depends on the order of the objects,
/// and padded slots are only asked to be absent, never to be reconstructed.
/// </summary>
public sealed class DeepSetsAutoencoder : nn.Module<Tensor, Tensor>, IAutoencoder, ITrainingObjective, IEventScoring
{
    private readonly Sequential objectNetwork;
    private readonly Sequential latentNetwork;
    private readonly Sequential decoder;
    private readonly Tensor slotKinds;   // (S, K) one-hot of each slot's kind; not a weight

    /// <summary>Builds the layers of <paramref name="options"/>.</summary>
    public DeepSetsAutoencoder(SetAutoencoderOptions options)
        : base("DeepSetsAutoencoder")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        int f = options.ObjectFeatures, k = options.KindCount, s = options.Slots;
        int pooled = options.ObjectWidths[^1];
        objectNetwork = DenseLayers.Stack([f + k, .. options.ObjectWidths], options.Activation, finalActivation: true);
        latentNetwork = DenseLayers.Stack([pooled + 1, pooled], options.Activation, finalActivation: true, outputSize: options.LatentSize);
        decoder = DenseLayers.Stack([options.LatentSize, .. options.DecoderWidths], options.Activation, finalActivation: true, outputSize: s * (f + k + 1));
        var oneHot = new float[s * k];
        for (int slot = 0; slot < s; slot++)
        {
            oneHot[(slot * k) + options.SlotKinds[slot]] = 1;
        }

        slotKinds = torch.tensor(oneHot, [s, k]);
        RegisterComponents();
    }

    /// <summary>The set shape.</summary>
    public SetAutoencoderOptions Options { get; }

    /// <inheritdoc />
    public int InputSize => Options.InputSize;

    /// <inheritdoc />
    public int LatentSize => Options.LatentSize;

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public bool Accepts(Sieve.Core.Tables.RowShape shape) =>
        shape is not null && shape.Dims.Count == 2 && shape.Dims[0] == Options.Slots && shape.Dims[1] == Options.ObjectFeatures;

    /// <summary>
    /// The latent of sets given as objects (B, S, F), their kinds one-hot (B, S, K) and presence (B, S):
    /// the same for any order of the objects.
    /// </summary>
    public Tensor EncodeSet(Tensor objects, Tensor kinds, Tensor presence)
    {
        using var scope = torch.NewDisposeScope();
        Tensor h = objectNetwork.forward(torch.cat([objects, kinds], 2));        // (B, S, H)
        Tensor weight = presence.unsqueeze(2);                                    // (B, S, 1)
        Tensor count = presence.sum(1, keepdim: true);                            // (B, 1)
        Tensor mean = (h * weight).sum(1) / count.clamp_min(1);                   // (B, H)
        Tensor filled = count / Options.Slots;
        return latentNetwork.forward(torch.cat([mean, filled], 1)).MoveToOuterDisposeScope();
    }

    /// <summary>The emitted objects of latents (B, Z): features (B, S, F), kind logits (B, S, K), presence logits (B, S).</summary>
    public (Tensor Objects, Tensor KindLogits, Tensor PresenceLogits) DecodeSet(Tensor latent)
    {
        int f = Options.ObjectFeatures, k = Options.KindCount;
        using Tensor flat = decoder.forward(latent);
        using Tensor shaped = flat.view(latent.shape[0], Options.Slots, f + k + 1);
        using Tensor presence = shaped.narrow(2, f + k, 1);
        return (shaped.narrow(2, 0, f).contiguous(), shaped.narrow(2, f, k).contiguous(), presence.squeeze(2));
    }

    /// <summary>
    /// (B, S x F) -> (B, Z), every slot taken as present: a flat row carries no presence. Use
    /// <see cref="EncodeSet"/> with the mask when slots may be padded.
    /// </summary>
    public Tensor Encode(Tensor features)
    {
        (Tensor objects, Tensor kinds, Tensor presence) = Split(features, null);
        using (objects)
        using (kinds)
        using (presence)
        {
            return EncodeSet(objects, kinds, presence);
        }
    }

    /// <summary>(B, Z) -> (B, S x F): the features of the S emitted objects, in the decoder's order.</summary>
    public Tensor Decode(Tensor latent)
    {
        (Tensor objects, Tensor kindLogits, Tensor presence) = DecodeSet(latent);
        kindLogits.Dispose();
        presence.Dispose();
        using (objects)
        {
            return objects.reshape(latent.shape[0], InputSize);
        }
    }

    /// <summary>
    /// (B, S x F) -> (B, S x F), all slots present: each input slot gets the emitted object matched to it.
    /// </summary>
    public Tensor Reconstruct(Tensor features) => ReconstructMasked(features, null);

    /// <summary>
    /// Reconstruction in the input's slot order: each present slot gets the features of the emitted object
    /// matched to it, padded slots 0.
    /// </summary>
    public Tensor ReconstructMasked(Tensor features, Tensor? mask)
    {
        using var scope = torch.NewDisposeScope();
        (Tensor objects, Tensor kinds, Tensor presence) = Split(features, mask);
        (Tensor emitted, Tensor cost) = EmitAndCost(objects, kinds, presence);
        long[] inputOfOutput = SetMatchingLoss.Assign(cost);                          // (B x S): output i -> input slot
        int b = (int)features.shape[0], s = Options.Slots, f = Options.ObjectFeatures;
        var outputOfInput = new long[inputOfOutput.Length];
        for (int e = 0; e < b; e++)
        {
            for (int i = 0; i < s; i++)
            {
                outputOfInput[(e * s) + inputOfOutput[(e * s) + i]] = i;
            }
        }

        Tensor index = torch.tensor(outputOfInput, [b, s, 1]).expand(b, s, f);
        Tensor ordered = emitted.gather(1, index) * presence.unsqueeze(2);
        return ordered.reshape(b, InputSize).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Reconstruct(input);

    /// <summary>The matched loss per event (B) of flat rows and their mask: the anomaly score.</summary>
    public Tensor EventScore(Tensor features, Tensor? mask)
    {
        using var scope = torch.NewDisposeScope();
        (Tensor objects, Tensor kinds, Tensor presence) = Split(features, mask);
        return EventScoreSet(objects, kinds, presence).MoveToOuterDisposeScope();
    }

    /// <summary>The matched loss per event (B) of sets given as objects, kinds and presence: order-free.</summary>
    public Tensor EventScoreSet(Tensor objects, Tensor kinds, Tensor presence)
    {
        using var scope = torch.NewDisposeScope();
        (Tensor _, Tensor cost) = EmitAndCost(objects, kinds, presence);
        return SetMatchingLoss.MatchedPerEvent(cost, presence).MoveToOuterDisposeScope();
    }

    // The emitted objects of the sets' latents and their cost against every input slot (in the caller's dispose scope).
    private (Tensor Emitted, Tensor Cost) EmitAndCost(Tensor objects, Tensor kinds, Tensor presence)
    {
        Tensor z = EncodeSet(objects, kinds, presence);
        (Tensor emitted, Tensor kindLogits, Tensor presenceLogits) = DecodeSet(z);
        return (emitted, SetMatchingLoss.CostMatrix(objects, kinds, presence, emitted, kindLogits, presenceLogits));
    }

    /// <summary>
    /// The mean matched loss of a batch. Feature weights are not used: every object feature weighs the
    /// same, as the matching needs one distance for all of them.
    /// </summary>
    public Tensor TrainingLoss(Tensor features, Tensor weights, Tensor? mask)
    {
        using Tensor perEvent = EventScore(features, mask);
        return perEvent.mean();
    }

    /// <summary>Flat rows (B, S x F) and mask (B, S x F) as objects (B, S, F), kinds (B, S, K) and presence (B, S).</summary>
    public (Tensor Objects, Tensor Kinds, Tensor Presence) Split(Tensor features, Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(features);
        long b = features.shape[0];
        int s = Options.Slots, f = Options.ObjectFeatures;
        Tensor objects = features.reshape(b, s, f);
        Tensor kinds = slotKinds.to(features.device).unsqueeze(0).expand(b, s, Options.KindCount);
        Tensor presence;
        if (mask is null)
        {
            presence = torch.ones(b, s, device: features.device);
        }
        else
        {
            // A slot is present when its first feature is: the layouts mask a slot as a whole.
            using Tensor shaped = mask.reshape(b, s, f);
            presence = shaped.select(2, 0).contiguous();
        }

        return (objects, kinds, presence);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            objectNetwork.Dispose();
            latentNetwork.Dispose();
            decoder.Dispose();
            slotKinds.Dispose();
        }

        base.Dispose(disposing);
    }
}
