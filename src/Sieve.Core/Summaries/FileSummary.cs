using System.Text.Json;
using Sieve.Core.Events;
using Sieve.Core.Serialization;

namespace Sieve.Core.Summaries;

/// <summary>
/// What a file of events holds, for <c>sieve info FILE</c>: counts, multiplicities, MET and HT ranges
/// and the sum of weights. Built in one streaming pass by <see cref="From"/>; energies in GeV.
/// Dictionaries are keyed by the DarkMachines object code (<c>j b e- e+ m- m+ g</c>) and list every
/// kind, zero counts included, so two summaries always have the same keys.
/// </summary>
/// <param name="EventCount">Number of events.</param>
/// <param name="ObjectCount">Number of objects over all events.</param>
/// <param name="ObjectsPerKind">Objects of each kind over all events.</param>
/// <param name="Multiplicity">Index n: number of events with n objects (all kinds together).</param>
/// <param name="MultiplicityPerKind">Per kind code, index n: number of events with n objects of that kind.</param>
/// <param name="EventsPerProcess">Events of each process id, in order of first appearance.</param>
/// <param name="Met">MET range (GeV); null when there are no events.</param>
/// <param name="Ht">HT range (GeV, scalar pT sum of j and b); null when there are no events.</param>
/// <param name="SumOfWeights">Sum of the event weights.</param>
public sealed record FileSummary(
    long EventCount,
    long ObjectCount,
    IReadOnlyDictionary<string, long> ObjectsPerKind,
    IReadOnlyList<long> Multiplicity,
    IReadOnlyDictionary<string, IReadOnlyList<long>> MultiplicityPerKind,
    IReadOnlyDictionary<string, long> EventsPerProcess,
    ValueRange? Met,
    ValueRange? Ht,
    double SumOfWeights)
{
    /// <summary>Where the events came from (e.g. the file path), set by the caller; omitted from JSON when null.</summary>
    public string? Source { get; init; }

    /// <summary>Summarises <paramref name="events"/> in one pass (the sequence is enumerated once).</summary>
    public static FileSummary From(IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int kinds = ObjectKinds.WithHadron.Count;
        var perKind = new long[kinds];
        var multiplicity = new List<long>();
        var perKindMultiplicity = new List<long>[kinds];
        for (int k = 0; k < kinds; k++)
        {
            perKindMultiplicity[k] = [];
        }

        var processes = new Dictionary<string, long>(StringComparer.Ordinal);
        var counts = new int[kinds];
        long eventCount = 0, objectCount = 0;
        double metMin = double.PositiveInfinity, metMax = double.NegativeInfinity;
        double htMin = double.PositiveInfinity, htMax = double.NegativeInfinity;
        double sumW = 0, sumWCompensation = 0;
        foreach (Event e in events)
        {
            eventCount++;
            objectCount += e.Objects.Count;
            Array.Clear(counts);
            foreach (PhysicsObject o in e.Objects)
            {
                counts[(int)o.Kind]++;
            }

            for (int k = 0; k < kinds; k++)
            {
                perKind[k] += counts[k];
                Increment(perKindMultiplicity[k], counts[k]);
            }

            Increment(multiplicity, e.Objects.Count);
            processes[e.ProcessId] = processes.GetValueOrDefault(e.ProcessId) + 1;
            double ht = e.Ht;
            (metMin, metMax) = (Math.Min(metMin, e.Met), Math.Max(metMax, e.Met));
            (htMin, htMax) = (Math.Min(htMin, ht), Math.Max(htMax, ht));

            // Kahan summation: files hold millions of tiny weights (1e-5 and below).
            double y = e.Weight - sumWCompensation;
            double t = sumW + y;
            sumWCompensation = (t - sumW) - y;
            sumW = t;
        }

        var objectsPerKind = new Dictionary<string, long>();
        var multiplicityPerKind = new Dictionary<string, IReadOnlyList<long>>();
        foreach (ObjectKind kind in ObjectKinds.WithHadron)
        {
            objectsPerKind[kind.Code()] = perKind[(int)kind];
            multiplicityPerKind[kind.Code()] = perKindMultiplicity[(int)kind];
        }

        bool any = eventCount > 0;
        return new FileSummary(eventCount, objectCount, objectsPerKind, multiplicity, multiplicityPerKind, processes,
            any ? new ValueRange(metMin, metMax) : null, any ? new ValueRange(htMin, htMax) : null, sumW);
    }

    /// <summary>The summary as indented JSON with the project's settings (<see cref="SieveJson.Options"/>).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SieveJson.Options);

    private static void Increment(List<long> histogram, int bin)
    {
        while (histogram.Count <= bin)
        {
            histogram.Add(0);
        }

        histogram[bin]++;
    }
}
