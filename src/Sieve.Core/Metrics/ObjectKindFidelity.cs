using Sieve.Core.Events;

namespace Sieve.Core.Metrics;

/// <summary>
/// Per-object-kind fidelity of reconstructed events. Events are compared in order; within an event,
/// the objects of each kind are paired greedily by distance (the closest pair first, distance
/// (dpT/pT)^2 + deta^2 + dphi^2), not by pT rank: two jets of nearly equal pT whose order flips in
/// the reconstruction would otherwise be compared crosswise and show eta and phi errors of the
/// size of their separation. Objects without a partner (a kind with more objects on one side,
/// e.g. dropped beyond the slots) are counted as unmatched, never silently compared with another.
/// Relative residuals for E and pT, absolute residuals for eta and phi (phi wrapped into (-pi, pi]).
/// </summary>
public static class ObjectKindFidelity
{
    /// <summary>Variables compared for every object.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["E", "pt", "eta", "phi"];

    /// <summary>Compares the events; throws when the event counts differ.</summary>
    public static (IReadOnlyList<KindFidelity> Kinds, IReadOnlyList<KindResiduals> Residuals) Evaluate(IEnumerable<Event> original, IEnumerable<Event> reconstructed)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reconstructed);
        var residuals = ObjectKinds.WithHadron.ToDictionary(k => k, _ => Variables.ToDictionary(v => v, _ => new List<double>()));
        var absolute = ObjectKinds.WithHadron.ToDictionary(k => k, _ => new Dictionary<string, List<double>> { ["E"] = [], ["pt"] = [] });
        var unmatched = ObjectKinds.WithHadron.ToDictionary(k => k, _ => 0);
        using IEnumerator<Event> a = original.GetEnumerator();
        using IEnumerator<Event> b = reconstructed.GetEnumerator();
        int events = 0;
        while (true)
        {
            bool hasA = a.MoveNext(), hasB = b.MoveNext();
            if (hasA != hasB)
            {
                throw new ArgumentException($"the original has {(hasA ? "more" : "fewer")} events than the reconstruction (after {events}); compare a reconstruction with the file it was made from.");
            }

            if (!hasA)
            {
                break;
            }

            events++;
            foreach (ObjectKind kind in ObjectKinds.WithHadron)
            {
                PhysicsObject[] truth = Ordered(a.Current, kind);
                PhysicsObject[] reco = Ordered(b.Current, kind);
                unmatched[kind] += Math.Abs(truth.Length - reco.Length);
                foreach ((PhysicsObject t, PhysicsObject o) in Pairs(truth, reco))
                {
                    Dictionary<string, List<double>> r = residuals[kind];
                    r["E"].Add((o.E - t.E) / t.E);
                    r["pt"].Add((o.Pt - t.Pt) / t.Pt);
                    absolute[kind]["E"].Add(o.E - t.E);
                    absolute[kind]["pt"].Add(o.Pt - t.Pt);
                    r["eta"].Add(o.Eta - t.Eta);
                    r["phi"].Add(Kinematics.WrapPhi(o.Phi - t.Phi));
                }
            }
        }

        var kinds = new List<KindFidelity>();
        var plots = new List<KindResiduals>();
        foreach (ObjectKind kind in ObjectKinds.WithHadron)
        {
            Dictionary<string, List<double>> r = residuals[kind];
            int objects = r["pt"].Count;
            if (objects == 0 && unmatched[kind] == 0)
            {
                continue;
            }

            VariableFidelity[] variables = [.. Variables.Select(v => Statistics(v, r[v], absolute[kind].GetValueOrDefault(v)))];
            kinds.Add(new KindFidelity(kind.Code(), objects, unmatched[kind], variables));
            plots.Add(new KindResiduals(kind.Code(), Variables.ToDictionary(v => v, v => r[v].ToArray()),
                absolute[kind].ToDictionary(x => x.Key, x => x.Value.ToArray())));
        }

        return (kinds, plots);
    }

    /// <summary>Statistics of one variable: relative residuals (and absolute ones, GeV) for E and pt, absolute for eta and phi.</summary>
    public static VariableFidelity Statistics(string variable, IReadOnlyList<double> values, IReadOnlyList<double>? absolute = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        SummaryStatistics stats = SummaryStatistics.FromValues([.. values]);
        return absolute is not null
            ? new VariableFidelity(variable, VariableKind.EnergyLike, SummaryStatistics.FromValues([.. absolute]), stats, $"all matched objects ({values.Count})", 0, values.Count)
            : new VariableFidelity(variable, variable == "phi" ? VariableKind.Angle : VariableKind.Plain, stats);
    }

    /// <summary>
    /// Pairs objects of one kind, closest pair first (ties: lower truth index, then lower
    /// reconstruction index), until one side runs out; returned in truth order.
    /// </summary>
    public static IReadOnlyList<(PhysicsObject Truth, PhysicsObject Reconstructed)> Pairs(IReadOnlyList<PhysicsObject> truth, IReadOnlyList<PhysicsObject> reconstructed)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(reconstructed);
        var candidates = new List<(double Cost, int T, int R)>(truth.Count * reconstructed.Count);
        for (int t = 0; t < truth.Count; t++)
        {
            for (int r = 0; r < reconstructed.Count; r++)
            {
                PhysicsObject a = truth[t], b = reconstructed[r];
                double dpt = a.Pt != 0 ? (b.Pt - a.Pt) / a.Pt : b.Pt - a.Pt;
                double dphi = Kinematics.WrapPhi(b.Phi - a.Phi);
                candidates.Add(((dpt * dpt) + ((b.Eta - a.Eta) * (b.Eta - a.Eta)) + (dphi * dphi), t, r));
            }
        }

        candidates.Sort((x, y) => x.Cost != y.Cost ? x.Cost.CompareTo(y.Cost) : x.T != y.T ? x.T.CompareTo(y.T) : x.R.CompareTo(y.R));
        var partner = new int[truth.Count];
        Array.Fill(partner, -1);
        var taken = new bool[reconstructed.Count];
        int pairs = 0, wanted = Math.Min(truth.Count, reconstructed.Count);
        foreach ((_, int t, int r) in candidates)
        {
            if (pairs == wanted)
            {
                break;
            }

            if (partner[t] < 0 && !taken[r])
            {
                partner[t] = r;
                taken[r] = true;
                pairs++;
            }
        }

        return [.. Enumerable.Range(0, truth.Count).Where(t => partner[t] >= 0).Select(t => (truth[t], reconstructed[partner[t]]))];
    }

    private static PhysicsObject[] Ordered(Event e, ObjectKind kind) =>
        [.. e.Objects.Where(o => o.Kind == kind).OrderByDescending(o => o.Pt)];
}
