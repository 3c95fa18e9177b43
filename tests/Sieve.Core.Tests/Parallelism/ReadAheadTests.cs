using Sieve.Core.Parallelism;

namespace Sieve.Core.Tests.Parallelism;

public sealed class ReadAheadTests
{
    [Fact]
    public void Items_arrive_in_order_and_are_made_on_another_thread()
    {
        int consumer = Environment.CurrentManagedThreadId;
        var producers = new HashSet<int>();
        IEnumerable<int> source = Enumerable.Range(0, 1000).Select(i =>
        {
            lock (producers)
            {
                producers.Add(Environment.CurrentManagedThreadId);
            }

            return i;
        });
        Assert.Equal(Enumerable.Range(0, 1000), ReadAhead.Of(source, depth: 3).ToList());
        Assert.DoesNotContain(consumer, producers);
    }

    [Fact]
    public void The_producers_exception_comes_through_as_it_is_after_the_items_before_it()
    {
        var seen = new List<int>();
        IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("line 3: not a number");
        }

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (int i in ReadAhead.Of(Failing()))
            {
                seen.Add(i);
            }
        });
        Assert.Equal("line 3: not a number", error.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void Stopping_early_stops_the_producer_within_its_depth()
    {
        int made = 0;
        IEnumerable<int> Endless()
        {
            for (int i = 0; ; i++)
            {
                Interlocked.Increment(ref made);
                yield return i;
            }
        }

        Assert.Equal([0, 1, 2], ReadAhead.Of(Endless(), depth: 2).Take(3).ToList());
        int after = Volatile.Read(ref made);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref made));
        Assert.True(after <= 3 + 2 + 1, $"{after} items made");
    }
}
