using Sieve.Core.Events;

namespace Sieve.Core.Tests.Layouts;

/// <summary>Seeded random events for layout property tests.</summary>
internal static class RandomEvents
{
    /// <summary>An event with, per kind, 0..maxPerKind(kind) objects in shuffled order; some pT ties.</summary>
    public static Event Make(Random rng, int i, Func<ObjectKind, int> maxPerKind)
    {
        var objects = new List<PhysicsObject>();
        foreach (ObjectKind kind in ObjectKinds.All)
        {
            int n = rng.Next(0, maxPerKind(kind) + 1);
            for (int k = 0; k < n; k++)
            {
                // A coarse pT grid now and then, so equal pT within a group happens.
                double pt = rng.Next(4) == 0 ? 20 + (10 * rng.Next(3)) : 15 + (rng.NextDouble() * 800);
                double eta = (rng.NextDouble() * 5.4) - 2.7;
                objects.Add(new PhysicsObject(kind, pt * Math.Cosh(eta) * (1 + (0.1 * rng.NextDouble())), pt, eta, (rng.NextDouble() * 2 * Math.PI) - Math.PI));
            }
        }

        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(objects));
        double weight = rng.NextDouble() * 1e-4;
        return new Event($"{i}", rng.Next(2) == 0 ? "ttbar" : "z_jets", weight, rng.NextDouble() * 900, (rng.NextDouble() * 2 * Math.PI) - Math.PI, objects);
    }

    /// <summary>Objects sorted the way the slot layouts return them: by group order, then pT descending (stable).</summary>
    public static List<PhysicsObject> Sorted(IEnumerable<PhysicsObject> objects, Func<ObjectKind, int> group) =>
        [.. objects.Select((o, i) => (o, i)).OrderBy(x => group(x.o.Kind)).ThenByDescending(x => x.o.Pt).ThenBy(x => x.i).Select(x => x.o)];
}
