using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Sieve.Core.Parallelism;

/// <summary>
/// Runs a lazy sequence (read, prepare and score chunks) on a thread of its own, up to a few items
/// ahead of the consumer (write them), so the two stages overlap instead of taking turns. Items
/// arrive in order; an exception of the producer is rethrown to the consumer, as it is, where the
/// item it failed to make would have come; a consumer that stops early stops the producer.
/// </summary>
public static class ReadAhead
{
    /// <summary>The items of <paramref name="source"/>, made at most <paramref name="depth"/> ahead.</summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int depth = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return Run(source, depth);
    }

    private static IEnumerable<T> Run<T>(IEnumerable<T> source, int depth)
    {
        using var queue = new BlockingCollection<T>(depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                foreach (T item in source)
                {
                    queue.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early; nothing to report.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "read-ahead" };
        producer.Start();
        try
        {
            foreach (T item in queue.GetConsumingEnumerable())
            {
                yield return item;
            }

            producer.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
    }
}
