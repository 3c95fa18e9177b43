using System.Diagnostics;
using Sieve.Models.Autoencoders;
using Sieve.Models.Inference;
using Sieve.Models.Scoring;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Pipeline.Benchmarks;

/// <summary>
/// `sieve bench`: throughput and latency of a preset's model on synthetic rows of its shape, the
/// native kernels and libtorch side by side in one run, so anyone can reproduce the numbers on
/// their machine. Rows are standard normal (what normalised inputs look like); the weights are
/// the seeded initialisation (the arithmetic does not depend on their values).
/// </summary>
public static class BenchWorkflow
{
    /// <summary>Runs the measurement; <paramref name="status"/> hears what is being timed.</summary>
    public static BenchResult Run(BenchRequest request, IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        int threads = request.Threads ?? Environment.ProcessorCount;
        torch.set_num_threads(threads);
        Trainer.Seed(request.Seed);
        DenseAutoencoderOptions shape = ModelCatalogue.Create(request.Preset, request.FeatureCount, request.Latent);
        float[] rows = NormalRows(request.BatchRows * request.FeatureCount, request.Seed);
        int batch = request.BatchRows;
        IReadOnlyList<BenchEngineResult> engines;
        AutoencoderWeights weights;
        if (request.EncoderOnly)
        {
            using var vae = new VariationalAutoencoder(shape, new VariationalOptions());
            vae.eval();
            weights = vae.ExportWeights();
            var native = new NativeAutoencoder(weights);
            engines = request.Kind == BenchKind.Score
                ?
                [
                    Time("native", batch, request.Seconds, status, () => NativeAnomalyScorer.LatentScores(native, rows, threads)),
                    Time("torch", batch, request.Seconds, status, () => TorchLatentScore(vae, rows, batch, request.FeatureCount)),
                ]
                :
                [
                    NativeLatency(native, rows, batch, request.Seconds, status, encoderOnly: true),
                    Time("torch", batch, request.Seconds, status, () => TorchLatentScore(vae, rows, batch, request.FeatureCount)),
                ];
        }
        else
        {
            using var model = new DenseAutoencoder(shape);
            model.eval();
            weights = model.ExportWeights();
            var native = new NativeAutoencoder(weights);
            engines = request.Kind switch
            {
                BenchKind.Score =>
                [
                    Time("native", batch, request.Seconds, status, () => NativeAnomalyScorer.Score(native, rows, threads: threads)),
                    Time("torch", batch, request.Seconds, status, () => AnomalyScorer.Score(model, rows)),
                ],
                BenchKind.Latency =>
                [
                    NativeLatency(native, rows, batch, request.Seconds, status, encoderOnly: false),
                    Time("torch", batch, request.Seconds, status, () => TorchForward(model, rows, batch, request.FeatureCount)),
                ],
                _ => [Train(model, request, status)],
            };
        }

        string kind = request.Kind.ToString().ToLowerInvariant() + (request.EncoderOnly ? " (encoder only, R_z)" : string.Empty);
        int usedThreads = request.Kind == BenchKind.Latency ? 1 : threads;
        long parameters = weights.Encoder.ParameterCount + (request.EncoderOnly
            ? weights.LogVarianceHead!.Weights.Length + weights.LogVarianceHead.Bias.Length
            : weights.Decoder.ParameterCount);
        return new BenchResult(kind, shape.Describe(), parameters, batch, usedThreads, MachineDescription.Current(), engines);
    }

    // One call after a warm-up, again and again for the time given (at least 5 calls).
    private static BenchEngineResult Time(string engine, int rowsPerCall, double seconds, IProgress<string>? status, Action call)
    {
        status?.Report($"timing {engine} for {seconds:0.#} s");
        call(); // warm-up: JIT, caches, libtorch's thread pool
        var samples = new List<double>();
        long end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end || samples.Count < 5)
        {
            long start = Stopwatch.GetTimestamp();
            call();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return Summarise(engine, rowsPerCall, samples);
    }

    // The native forward pass on one thread, block by block through one workspace: what a trigger's
    // software emulation or a batch-1 service would call, allocation-free.
    private static BenchEngineResult NativeLatency(NativeAutoencoder native, float[] rows, int batch, double seconds, IProgress<string>? status, bool encoderOnly)
    {
        NativeAutoencoder.Workspace work = native.CreateWorkspace();
        int f = native.InputSize;
        var kl = new double[NativeAutoencoder.BlockRows];
        var rz = new double[NativeAutoencoder.BlockRows];
        return Time("native", batch, seconds, status, () =>
        {
            for (int start = 0; start < batch; start += NativeAutoencoder.BlockRows)
            {
                int n = Math.Min(NativeAutoencoder.BlockRows, batch - start);
                if (encoderOnly)
                {
                    native.Encode(rows.AsSpan(start * f, n * f), n, work);
                    NativeAnomalyScorer.Latent(work, n, kl, rz); // R_z as the trigger would form it after the encoder
                }
                else
                {
                    native.Run(rows.AsSpan(start * f, n * f), n, work);
                }
            }
        });
    }

    // libtorch's R_z of a batch (encoder only), input copied in and scores copied out.
    private static void TorchLatentScore(VariationalAutoencoder vae, float[] rows, int batch, int features)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        Tensor x = torch.tensor(rows, [batch, features]);
        _ = vae.LatentScore(x).data<float>().ToArray();
    }

    // libtorch's forward pass of a batch, input copied in and output copied out as a caller must.
    private static void TorchForward(DenseAutoencoder model, float[] rows, int batch, int features)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        Tensor x = torch.tensor(rows, [batch, features]);
        Tensor y = model.Reconstruct(x);
        _ = y.data<float>().ToArray();
    }

    // One-epoch trainings of 65,536 rows until the time is spent, after one to warm up. Each call is what
    // `sieve train` does per epoch plus its start: the optimiser's set-up and a loss evaluation of the rows.
    private static BenchEngineResult Train(DenseAutoencoder model, BenchRequest request, IProgress<string>? status)
    {
        const int rowsPerEpoch = 65_536;
        float[] data = NormalRows(rowsPerEpoch * request.FeatureCount, request.Seed + 1);
        var options = new TrainerOptions
        {
            Epochs = 1,
            BatchSize = request.BatchRows,
            ValidationFraction = 0,
            Seed = request.Seed,
            Threads = request.Threads ?? 0,
            DivergenceFactor = 0,
        };
        return Time("torch", rowsPerEpoch, request.Seconds, status, () => Trainer.Train(model, data, [], options));
    }

    private static BenchEngineResult Summarise(string engine, int rowsPerCall, List<double> microseconds)
    {
        double[] sorted = [.. microseconds.Order()];
        double median = sorted[sorted.Length / 2];
        double p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)];
        double total = microseconds.Sum();
        return new BenchEngineResult(engine, sorted.Length, rowsPerCall * sorted.Length / (total * 1e-6), median, p99);
    }

    private static float[] NormalRows(int count, int seed)
    {
        var rng = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            // Box-Muller: standard normal values, as normalised inputs are.
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        return values;
    }
}
