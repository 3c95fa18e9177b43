namespace Sieve.Core.Jets;

/// <summary>
/// The textbook O(N^3) generalised-kt clustering: every step computes all d_ij and d_iB and
/// acts on the smallest. Kept as the obviously-correct baseline that <see cref="JetClustering"/>
/// is tested and benchmarked against; use <see cref="JetClustering"/> for real work.
/// </summary>
public static class NaiveJetClustering
{
    /// <summary>The inclusive jets, as <see cref="JetClustering.InclusiveJets"/> returns them.</summary>
    public static IReadOnlyList<Jet> InclusiveJets(IReadOnlyList<FourMomentum> particles, JetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validated();
        var sequence = new ClusterSequence(particles, definition.Algorithm);
        double r2 = definition.Radius * definition.Radius;
        var live = Enumerable.Range(0, particles.Count).ToList();
        while (live.Count > 0)
        {
            int bestI = -1;
            int bestJ = -1;
            double best = double.PositiveInfinity;
            for (int x = 0; x < live.Count; x++)
            {
                int i = live[x];
                double beam = sequence.MomentumFactor[i] * r2;
                if (beam < best)
                {
                    (best, bestI, bestJ) = (beam, i, -1);
                }

                for (int y = x + 1; y < live.Count; y++)
                {
                    int j = live[y];
                    double d = Math.Min(sequence.MomentumFactor[i], sequence.MomentumFactor[j]) * sequence.DeltaR2(i, j);
                    if (d < best)
                    {
                        (best, bestI, bestJ) = (d, i, j);
                    }
                }
            }

            live.Remove(bestI);
            if (bestJ < 0)
            {
                sequence.ToBeam(bestI);
            }
            else
            {
                live.Remove(bestJ);
                live.Add(sequence.Merge(bestI, bestJ));
            }
        }

        return sequence.InclusiveJets(definition.PtMin);
    }
}
