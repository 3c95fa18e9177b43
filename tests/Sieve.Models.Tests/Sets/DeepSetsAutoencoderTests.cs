using Sieve.Core.Layouts;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Scoring;
using Sieve.Models.Sets;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Sets;

[Collection(Training.SerialTraining.Name)]
public class DeepSetsAutoencoderTests
{
    // 1 MET slot, 3 jet slots, 2 muon slots of (pt, eta, phi).
    private static readonly SetAutoencoderOptions Shape = SetAutoencoderOptions.Default(6, 3, [0, 1, 1, 1, 2, 2], ["met", "j", "m"], latentSize: 4);

    [Fact]
    public void Latent_and_score_do_not_depend_on_the_order_of_the_objects()
    {
        Trainer.Seed(5);
        using var model = new DeepSetsAutoencoder(Shape);
        model.eval();
        using var noGrad = torch.no_grad();
        (Tensor objects, Tensor kinds, Tensor presence) = RandomSets(8, seed: 1);
        using Tensor z = model.EncodeSet(objects, kinds, presence);
        using Tensor score = model.EventScoreSet(objects, kinds, presence);

        long[] order = [3, 0, 5, 1, 4, 2];
        using Tensor index = torch.tensor(order);
        using Tensor z2 = model.EncodeSet(objects.index_select(1, index), kinds.index_select(1, index), presence.index_select(1, index));
        using Tensor score2 = model.EventScoreSet(objects.index_select(1, index), kinds.index_select(1, index), presence.index_select(1, index));

        AssertClose(z, z2, 1e-5);
        AssertClose(score, score2, 1e-5);
    }

    [Fact]
    public void What_a_padded_slot_holds_changes_neither_latent_nor_score()
    {
        Trainer.Seed(6);
        using var model = new DeepSetsAutoencoder(Shape);
        model.eval();
        using var noGrad = torch.no_grad();
        (Tensor objects, Tensor kinds, Tensor presence) = RandomSets(8, seed: 2);
        using Tensor absent = (1 - presence).unsqueeze(2);
        using Tensor garbage = objects + (absent * torch.randn_like(objects) * 100);

        AssertClose(model.EncodeSet(objects, kinds, presence), model.EncodeSet(garbage, kinds, presence), 1e-5);
        AssertClose(model.EventScoreSet(objects, kinds, presence), model.EventScoreSet(garbage, kinds, presence), 1e-5);
    }

    [Fact]
    public void The_score_is_the_matched_cost_of_the_cheapest_pairing()
    {
        Trainer.Seed(7);
        using var model = new DeepSetsAutoencoder(Shape);
        model.eval();
        using var noGrad = torch.no_grad();
        (Tensor objects, Tensor kinds, Tensor presence) = RandomSets(4, seed: 3);
        using Tensor z = model.EncodeSet(objects, kinds, presence);
        (Tensor emitted, Tensor kindLogits, Tensor presenceLogits) = model.DecodeSet(z);
        float[] o = objects.data<float>().ToArray(), e = emitted.data<float>().ToArray(), kl = kindLogits.data<float>().ToArray();
        float[] p = presence.data<float>().ToArray(), pl = presenceLogits.data<float>().ToArray();
        float[] score = model.EventScoreSet(objects, kinds, presence).data<float>().ToArray();
        int s = Shape.Slots, f = Shape.ObjectFeatures, k = Shape.KindCount;
        for (int b = 0; b < 4; b++)
        {
            // The cost written out from its definition, and the best pairing by brute force over all 720.
            var cost = new double[s * s];
            for (int i = 0; i < s; i++)
            {
                double logSum = Math.Log(Enumerable.Range(0, k).Sum(c => Math.Exp(kl[(((b * s) + i) * k) + c])));
                double logit = pl[(b * s) + i];
                for (int j = 0; j < s; j++)
                {
                    if (p[(b * s) + j] > 0.5)
                    {
                        double d = Enumerable.Range(0, f).Average(c => Math.Pow(e[(((b * s) + i) * f) + c] - o[(((b * s) + j) * f) + c], 2));
                        double ce = logSum - kl[(((b * s) + i) * k) + Shape.SlotKinds[j]];
                        cost[(i * s) + j] = d + ce + Math.Log(1 + Math.Exp(-logit));
                    }
                    else
                    {
                        cost[(i * s) + j] = Math.Log(1 + Math.Exp(logit));
                    }
                }
            }

            // The pairing of least total cost, then its mean over filled slots plus its mean over empty ones.
            int[] best = Permutations.Of(s).MinBy(perm => HungarianMatcher.Cost(cost, s, perm))!;
            var filled = Enumerable.Range(0, s).Where(i => p[(b * s) + best[i]] > 0.5).Select(i => cost[(i * s) + best[i]]).ToList();
            var empty = Enumerable.Range(0, s).Where(i => p[(b * s) + best[i]] <= 0.5).Select(i => cost[(i * s) + best[i]]).ToList();
            double expected = (filled.Count > 0 ? filled.Average() : 0) + (empty.Count > 0 ? empty.Average() : 0);
            Assert.Equal(expected, score[b], 4);
        }
    }

    [Fact]
    public void Training_lowers_the_matched_loss_and_the_checkpoint_scores_the_same()
    {
        Trainer.Seed(8);
        using var model = new DeepSetsAutoencoder(Shape);
        (Tensor objects, Tensor kinds, Tensor presence) = RandomSets(512, seed: 4);
        using Tensor mask = presence.unsqueeze(2).expand(512, Shape.Slots, Shape.ObjectFeatures).reshape(512, Shape.InputSize).contiguous();
        float[] rows = objects.reshape(512, Shape.InputSize).data<float>().ToArray();
        float[] maskRows = mask.data<float>().ToArray();
        var set = new TrainingSet(rows, maskRows);
        TrainingResult result = Trainer.Train(model, set, set, new TrainerOptions { Epochs = 15, BatchSize = 64, LearningRate = 3e-3, Seed = 8 });
        Assert.True(result.History[^1].TrainLoss < 0.8 * result.History[0].TrainLoss,
            $"loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");

        string dir = Directory.CreateTempSubdirectory("sieve-set-").FullName;
        try
        {
            var manifest = new ModelManifest
            {
                Tool = "test", Preset = "deepsets", Architecture = Shape.AsDenseShape(), Set = Shape,
                Normaliser = Sieve.Core.Normalisation.NormaliserFitter.Fit(Sieve.Core.Normalisation.NormalisationKind.ZScore, Sieve.Core.Synthetic.SyntheticJets.Generate(10, 1), 1.0),
                Schema = new Sieve.Core.Tables.InputSchema(Sieve.Core.Tables.InputFormat.Csv, [.. Enumerable.Range(0, Shape.InputSize).Select(i => $"x{i}")], Sieve.Core.Tables.EnergyUnit.GeV),
                Training = new TrainerOptions(), Result = new TrainingSummary(1, 1, 0, 1, 1, "x"), WeightsSha256 = string.Empty,
            };
            model.eval();
            ModelCheckpoint.Save(dir, model, manifest);
            (IAutoencoder loaded, ModelManifest _) = ModelCheckpoint.Load(dir);
            using (loaded)
            {
                Assert.IsType<DeepSetsAutoencoder>(loaded);
                double[] before = AnomalyScorer.Score(model, rows, maskRows).Recon;
                double[] after = AnomalyScorer.Score(loaded, rows, maskRows).Recon;
                Assert.Equal(before, after);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Slot_kinds_come_from_the_fixed_slot_layouts_names()
    {
        IReadOnlyList<string> names = FixedSlotLayout.FeatureNames();
        int slots = FixedSlotLayout.SlotNames().Count;
        (int[] kinds, string[] kindNames) = SetAutoencoderOptions.KindsFromFeatureNames(names, slots, names.Count / slots);
        Assert.Equal(["met", "j", "b", "e", "m", "g"], kindNames);
        Assert.Equal(FixedSlotLayout.SlotNames().Select(s => s == "met" ? "met" : s.TrimEnd("0123456789".ToCharArray())), kinds.Select(k => kindNames[k]));
    }

    private static (Tensor Objects, Tensor Kinds, Tensor Presence) RandomSets(int events, int seed)
    {
        var random = new Random(seed);
        int s = Shape.Slots, f = Shape.ObjectFeatures, k = Shape.KindCount;
        var objects = new float[events * s * f];
        var presence = new float[events * s];
        var kinds = new float[events * s * k];
        for (int e = 0; e < events; e++)
        {
            int jets = random.Next(0, 4), muons = random.Next(0, 3);
            for (int slot = 0; slot < s; slot++)
            {
                int kind = Shape.SlotKinds[slot];
                kinds[(((e * s) + slot) * k) + kind] = 1;
                bool present = slot == 0 || (kind == 1 && slot - 1 < jets) || (kind == 2 && slot - 4 < muons);
                presence[(e * s) + slot] = present ? 1 : 0;
                for (int c = 0; c < f; c++)
                {
                    objects[(((e * s) + slot) * f) + c] = present ? (float)((random.NextDouble() * 2) - 1 + (0.5 * kind)) : 0;
                }
            }
        }

        return (torch.tensor(objects, [events, s, f]), torch.tensor(kinds, [events, s, k]), torch.tensor(presence, [events, s]));
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        float[] a = expected.data<float>().ToArray(), b = actual.data<float>().ToArray();
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - b[i]) <= tolerance * (1 + Math.Abs(a[i])), $"element {i}: {a[i]} vs {b[i]}");
        }
    }
}
