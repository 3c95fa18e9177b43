using System.Runtime.ExceptionServices;

namespace Sieve.Core.Parallelism;

/// <summary>
/// Parallel loops whose failures look like those of the sequential loop: when bodies throw, the
/// exception of the lowest index is rethrown as it is (not wrapped in an AggregateException), so the
/// error a user sees does not depend on the number of threads or on timing.
/// </summary>
public static class OrderedParallel
{
    /// <summary>Runs <paramref name="body"/> for every index in [<paramref name="from"/>, <paramref name="to"/>) on up to <paramref name="threads"/> threads (0 = one per core).</summary>
    public static void For(int from, int to, int threads, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (to <= from)
        {
            return;
        }

        var failures = new Exception?[to - from];
        Parallel.For(from, to, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                failures[i - from] = e;
            }
        });
        if (failures.FirstOrDefault(e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
