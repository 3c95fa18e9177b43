using Sieve.Core.Normalisation;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Training;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.FixedPoint;

[Collection(SerialTraining.Name)]
public class QuantisationAwareTrainingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("ap_fixed<6,2>")]
    [InlineData("ap_fixed<6,2,AP_TRN_ZERO,AP_SAT>")]
    [InlineData("ap_fixed<7,1,AP_RND,AP_SAT_SYM>")]
    [InlineData("ap_fixed<5,3,AP_RND_ZERO,AP_SAT_ZERO>")]
    [InlineData("ap_fixed<8,2,AP_RND_INF>")]
    [InlineData("ap_fixed<8,2,AP_RND_MIN_INF,AP_SAT>")]
    [InlineData("ap_fixed<8,2,AP_RND_CONV>")]
    [InlineData("ap_ufixed<6,2,AP_RND_CONV>")]
    public void Fake_quantisation_in_torch_equals_the_emulation(string text)
    {
        ApFixedFormat format = ApFixedFormat.Parse(text);
        var random = new Random(3);
        // Random values, and exact half steps, across and beyond the range.
        float[] values = [.. Enumerable.Range(0, 4000).Select(i => i % 2 == 0
            ? (float)(((random.NextDouble() * 2) - 1) * 3 * Math.Max(1, format.MaxValue))
            : (float)((random.Next(-4 * (int)format.MaxRaw - 4, (4 * (int)format.MaxRaw) + 4) + 0.5) * format.Lsb))];
        using Tensor q = FakeQuantisation.Quantise(torch.tensor(values), format);
        float[] got = q.data<float>().ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            double expected = format.ToDouble(format.Quantise(values[i]));
            Assert.True(expected == got[i], $"{format}: {values[i]:R} -> torch {got[i]:R}, emulation {expected:R}");
        }
    }

    [Fact]
    public void Swapped_in_weights_are_the_emulated_ones_and_the_floats_come_back()
    {
        torch.manual_seed(4);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(4, [6], 2, ActivationKind.Relu));
        ApFixedFormat format = ApFixedFormat.Parse("ap_fixed<6,1,AP_RND>");
        AutoencoderWeights before = AutoencoderWeightsExport.TryFrom(model)!;
        using (FakeQuantisation.SwapIn(model.Module, format))
        {
            AutoencoderWeights during = AutoencoderWeightsExport.TryFrom(model)!;
            var emulated = new FixedPointLayer(before.Encoder.Layers[0], LayerPrecision.Uniform(format), format);
            Assert.Equal(emulated.Weights.ToArray().Select(format.ToDouble), during.Encoder.Layers[0].Weights.Select(w => (double)w));
        }

        AutoencoderWeights after = AutoencoderWeightsExport.TryFrom(model)!;
        Assert.Equal(before.Encoder.Layers[0].Weights, after.Encoder.Layers[0].Weights);
        Assert.Equal(before.Decoder.Layers[^1].Bias, after.Decoder.Layers[^1].Bias);
    }

    [Fact]
    public void Training_aware_of_6_bit_weights_beats_quantising_afterwards()
    {
        FeatureTable table = SyntheticJets.Generate(3000, 99);
        FeatureNormaliser normaliser = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        DataSplit split = DataSplit.Create(3000, 0.2, 1);
        float[] train = normaliser.Transform(DataSplit.Rows(table, split.Train)), val = normaliser.Transform(DataSplit.Rows(table, split.Validation));
        ApFixedFormat weights6 = ApFixedFormat.Parse("ap_fixed<6,2,AP_RND,AP_SAT>");

        double FixedPointLoss(TrainerOptions options)
        {
            Trainer.Seed(5);
            using var model = new DenseAutoencoder(new DenseAutoencoderOptions(4, [16, 8], 2, ActivationKind.Relu));
            Trainer.Train(model, train, val, options);
            AutoencoderWeights w = AutoencoderWeightsExport.TryFrom(model)!;
            // 6-bit weights and biases in every layer; inputs, accumulators and results wide.
            var precision = new FixedPointPrecision(ApFixedFormat.Parse("ap_fixed<16,6>"),
                [.. w.Encoder.Layers.Select(_ => Narrow(weights6))], [.. w.Decoder.Layers.Select(_ => Narrow(weights6))], null);
            return FixedPointScorer.ReconstructionScores(new FixedPointAutoencoder(w, precision), val).Average();
        }

        var plain = new TrainerOptions { Epochs = 25, BatchSize = 128, LearningRate = 3e-3, Seed = 5, Device = "cpu", Threads = 1 };
        double afterwards = FixedPointLoss(plain);
        double aware = FixedPointLoss(plain with { QuantisationAware = weights6 });
        output.WriteLine($"validation MSE with 6-bit weights: quantisation-aware {aware:G4}, quantised after float training {afterwards:G4}");
        Assert.True(aware < afterwards, $"6-bit weights: quantisation-aware {aware}, quantised after float training {afterwards}");
    }

    private static LayerPrecision Narrow(ApFixedFormat weights)
    {
        LayerPrecision wide = LayerPrecision.Uniform(ApFixedFormat.Parse("ap_fixed<16,6>"), ApFixedFormat.Parse("ap_fixed<24,8>"));
        return wide with { Weight = weights, Bias = weights };
    }
}
