namespace Sieve.Pipeline.Benchmarks;

/// <summary>One engine's measurement.</summary>
/// <param name="Engine">native or torch.</param>
/// <param name="Calls">Timed calls.</param>
/// <param name="EventsPerSecond">Rows processed per second over the timed calls.</param>
/// <param name="MedianMicroseconds">Median time of one call.</param>
/// <param name="P99Microseconds">99th percentile of the time of one call.</param>
public sealed record BenchEngineResult(string Engine, int Calls, double EventsPerSecond, double MedianMicroseconds, double P99Microseconds);

/// <summary>What `sieve bench` measured, with what it ran on, for the JSON output and the table.</summary>
/// <param name="Kind">score, latency or train.</param>
/// <param name="Model">The model's shape, e.g. "4-64-32-3 (tanh)".</param>
/// <param name="Parameters">Weights and biases of the model.</param>
/// <param name="Batch">Rows per call.</param>
/// <param name="Threads">Threads used.</param>
/// <param name="Machine">Processor, cores and vector width.</param>
/// <param name="Engines">One result per engine, side by side from one run.</param>
public sealed record BenchResult(string Kind, string Model, long Parameters, int Batch, int Threads, string Machine, IReadOnlyList<BenchEngineResult> Engines);
