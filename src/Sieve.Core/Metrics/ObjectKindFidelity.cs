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

    /// <summary>
    /// Compares the events as they stream by; throws when the event counts differ. Memory is
    /// bounded whatever the number of events: each variable's residuals are a
    /// <see cref="ResidualSample"/> (exact moments, quantiles from at most
    /// <paramref name="capacity"/> kept values over all kinds together, a quarter of it per kind).
    /// </summary>
    public static ObjectKindComparison Evaluate(IEnumerable<Event> original, IEnumerable<Event> reconstructed, int capacity = ResidualSample.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reconstructed);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        int seed = 1;
        Dictionary<string, ResidualSample> NewSamples(IEnumerable<string> names, int kept) => names.ToDictionary(v => v, _ => new ResidualSample(kept, seed++));

        // Each kind keeps a quarter of the capacity (its quantiles' rank error stays below 0.1 %), so
        // that eight kinds and their pooled samples together stay within a few hundred MB.
        var residuals = ObjectKinds.WithHadron.ToDictionary(k => k, _ => NewSamples(Variables, capacity / 4));
        var absolute = ObjectKinds.WithHadron.ToDictionary(k => k, _ => NewSamples(["E", "pt"], capacity / 4));
        Dictionary<string, ResidualSample> pooled = NewSamples(Variables, capacity), pooledAbsolute = NewSamples(["E", "pt"], capacity);
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
                    Add(residuals[kind], pooled, "E", (o.E - t.E) / t.E);
                    Add(residuals[kind], pooled, "pt", (o.Pt - t.Pt) / t.Pt);
                    Add(absolute[kind], pooledAbsolute, "E", o.E - t.E);
                    Add(absolute[kind], pooledAbsolute, "pt", o.Pt - t.Pt);
                    Add(residuals[kind], pooled, "eta", o.Eta - t.Eta);
                    Add(residuals[kind], pooled, "phi", Kinematics.WrapPhi(o.Phi - t.Phi));
                }
            }
        }

        var kinds = new List<KindFidelity>();
        var plots = new List<KindResiduals>();
        var notes = new List<string>();
        foreach (ObjectKind kind in ObjectKinds.WithHadron)
        {
            Dictionary<string, ResidualSample> r = residuals[kind];
            long objects = r["pt"].Count;
            if (objects == 0 && unmatched[kind] == 0)
            {
                continue;
            }

            VariableFidelity[] variables = [.. Variables.Select(v => Statistics(v, r[v], absolute[kind].GetValueOrDefault(v)))];
            kinds.Add(new KindFidelity(kind.Code(), checked((int)objects), unmatched[kind], variables));
            plots.Add(new KindResiduals(kind.Code(), Variables.ToDictionary(v => v, v => r[v].Kept.ToArray()),
                absolute[kind].ToDictionary(x => x.Key, x => x.Value.Kept.ToArray()))
            {
                SampleWeight = r["pt"].IsSampled ? (double)objects / r["pt"].Kept.Count : 1,
            });
            NoteSampling(notes, kind.Code(), r["pt"]);
        }

        NoteSampling(notes, "all kinds", pooled["pt"]);
        VariableFidelity[] overall = [.. Variables.Select(v => Statistics(v, pooled[v], pooledAbsolute.GetValueOrDefault(v)))];
        VariableResiduals[] overallResiduals = [.. Variables.Select((v, i) => new VariableResiduals(v, overall[i].Kind,
            (pooledAbsolute.GetValueOrDefault(v) ?? pooled[v]).Kept.ToArray(), pooledAbsolute.ContainsKey(v) ? pooled[v].Kept.ToArray() : null))];
        return new ObjectKindComparison(kinds, plots, overall, overallResiduals, checked((int)pooled["pt"].Count), notes);
    }

    /// <summary>Statistics of one variable: relative residuals (and absolute ones, GeV) for E and pt, absolute for eta and phi.</summary>
    public static VariableFidelity Statistics(string variable, ResidualSample values, ResidualSample? absolute = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        SummaryStatistics stats = values.Summary();
        return absolute is not null
            ? new VariableFidelity(variable, VariableKind.EnergyLike, absolute.Summary(), stats, $"all matched objects ({values.Count})", 0, checked((int)values.Count))
            : new VariableFidelity(variable, variable == "phi" ? VariableKind.Angle : VariableKind.Plain, stats);
    }

    private static void Add(Dictionary<string, ResidualSample> kind, Dictionary<string, ResidualSample> all, string variable, double value)
    {
        kind[variable].Add(value);
        all[variable].Add(value);
    }

    private static void NoteSampling(List<string> notes, string what, ResidualSample sample)
    {
        if (sample.IsSampled)
        {
            notes.Add($"{what}: median, iqr_width and the histograms come from a uniform sample of {sample.Kept.Count} of the {sample.Count} objects' residuals; count, mean, rms, std, min and max are exact.");
        }
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
