using Sieve.Core.Events;

namespace Sieve.Core.Metrics;

/// <summary>
/// Per-object-kind fidelity of reconstructed events. Events are compared in order; within an event,
/// the objects of each kind are matched by their rank in pT on each side (leading with leading,
/// as physicists compare pT-ordered objects; a swap of two close objects is possible and counted
/// as two residuals). Objects without a partner (a kind with more objects on one side,
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
                int n = Math.Min(truth.Length, reco.Length);
                unmatched[kind] += Math.Abs(truth.Length - reco.Length);
                for (int i = 0; i < n; i++)
                {
                    Dictionary<string, List<double>> r = residuals[kind];
                    r["E"].Add((reco[i].E - truth[i].E) / truth[i].E);
                    r["pt"].Add((reco[i].Pt - truth[i].Pt) / truth[i].Pt);
                    absolute[kind]["E"].Add(reco[i].E - truth[i].E);
                    absolute[kind]["pt"].Add(reco[i].Pt - truth[i].Pt);
                    r["eta"].Add(reco[i].Eta - truth[i].Eta);
                    r["phi"].Add(Kinematics.WrapPhi(reco[i].Phi - truth[i].Phi));
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

    private static PhysicsObject[] Ordered(Event e, ObjectKind kind) =>
        [.. e.Objects.Where(o => o.Kind == kind).OrderByDescending(o => o.Pt)];
}
