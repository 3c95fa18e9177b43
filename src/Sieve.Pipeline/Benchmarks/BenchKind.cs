namespace Sieve.Pipeline.Benchmarks;

/// <summary>What `sieve bench` measures.</summary>
public enum BenchKind
{
    /// <summary>Scoring throughput in events per second on in-memory rows (no file reading or writing).</summary>
    Score,

    /// <summary>Latency of one forward pass (encoder and decoder) of a batch: median and 99th percentile.</summary>
    Latency,

    /// <summary>
    /// Training throughput in events per second (forward, loss, backward and optimiser step) with
    /// libtorch, over one-epoch trainings of 65,536 rows (each with its start-up loss evaluation).
    /// </summary>
    Train,
}
