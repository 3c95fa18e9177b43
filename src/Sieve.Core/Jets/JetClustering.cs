namespace Sieve.Core.Jets;

/// <summary>
/// Exact generalised-kt sequential recombination (anti-kt, kt, Cambridge/Aachen) with E-scheme
/// recombination, in O(N^2): FastJet's "N2Plain" strategy. Each pseudojet caches its geometric
/// nearest neighbour; the smallest d_ij is then always between some pseudojet and its cached
/// neighbour, so a step is one O(N) scan plus updates for the few pseudojets whose neighbour
/// just disappeared, instead of the O(N^2) scan over all pairs of <see cref="NaiveJetClustering"/>.
/// </summary>
/// <remarks>
/// Distances follow FastJet: dR^2 = (y_i - y_j)^2 + dphi^2 with true rapidity y and the azimuth
/// difference taken the short way round (phi in [0, 2 pi)); d_ij = min(f_i, f_j) dR^2 / R^2 and
/// d_iB = f_i with f = 1/pT^2 (anti-kt; 1e300 for pT = 0), 1 (Cambridge/Aachen) or pT^2 (kt).
/// The cache stores dR^2 capped at R^2, so a pseudojet whose neighbour is farther than R has none
/// and its smallest distance is the beam's. With exactly equal distances the pair met first in
/// the scan wins; FastJet may break such ties differently (they do not occur with real momenta).
/// </remarks>
public static class JetClustering
{
    /// <summary>The inclusive jets of <paramref name="particles"/>: those above the definition's pT minimum, highest pT first.</summary>
    public static IReadOnlyList<Jet> InclusiveJets(IReadOnlyList<FourMomentum> particles, JetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validated();
        var sequence = new ClusterSequence(particles, definition.Algorithm);
        int n = particles.Count;
        double r2 = definition.Radius * definition.Radius;

        // Each slot's geometric nearest neighbour (or -1) and dR^2 to it (at most R^2).
        var nn = new int[sequence.Capacity];
        var nnDist = new double[sequence.Capacity];
        // The live pseudojets, kept compact: removing one moves the last into its place.
        var live = new int[n];
        for (int i = 0; i < n; i++)
        {
            live[i] = i;
            nn[i] = -1;
            nnDist[i] = r2;
        }

        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                double d = sequence.DeltaR2(a, b);
                if (d < nnDist[a])
                {
                    nnDist[a] = d;
                    nn[a] = b;
                }

                if (d < nnDist[b])
                {
                    nnDist[b] = d;
                    nn[b] = a;
                }
            }
        }

        int count = n;
        while (count > 0)
        {
            // The smallest distance: min(f_i, f_nn(i)) dR^2 for a neighbour, else the beam's f_i R^2
            // (everything is in units of R^2 here, which does not change the order).
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int k = 0; k < count; k++)
            {
                int a = live[k];
                double f = sequence.MomentumFactor[a];
                int b = nn[a];
                if (b >= 0 && sequence.MomentumFactor[b] < f)
                {
                    f = sequence.MomentumFactor[b];
                }

                double d = f * nnDist[a];
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = k;
                }
            }

            int i = live[best];
            int j = nn[i];
            Remove(live, ref count, best);
            int merged = -1;
            if (j < 0)
            {
                sequence.ToBeam(i);
            }
            else
            {
                Remove(live, ref count, Array.IndexOf(live, j, 0, count));
                merged = sequence.Merge(i, j);
                nn[merged] = -1;
                nnDist[merged] = r2;
                live[count++] = merged;
            }

            // Repair the cache: those that pointed at a vanished pseudojet search again; all others
            // only need to ask whether the new pseudojet is nearer than their neighbour.
            for (int k = 0; k < count; k++)
            {
                int m = live[k];
                if (m == merged)
                {
                    continue;
                }

                if (nn[m] == i || (j >= 0 && nn[m] == j))
                {
                    FindNeighbour(sequence, live, count, m, r2, nn, nnDist);
                }
                else if (merged >= 0)
                {
                    double d = sequence.DeltaR2(m, merged);
                    if (d < nnDist[m])
                    {
                        nnDist[m] = d;
                        nn[m] = merged;
                    }
                }

                if (merged >= 0)
                {
                    double d = sequence.DeltaR2(m, merged);
                    if (d < nnDist[merged])
                    {
                        nnDist[merged] = d;
                        nn[merged] = m;
                    }
                }
            }
        }

        return sequence.InclusiveJets(definition.PtMin);
    }

    private static void FindNeighbour(ClusterSequence sequence, int[] live, int count, int m, double r2, int[] nn, double[] nnDist)
    {
        int neighbour = -1;
        double nearest = r2;
        for (int k = 0; k < count; k++)
        {
            int o = live[k];
            if (o == m)
            {
                continue;
            }

            double d = sequence.DeltaR2(m, o);
            if (d < nearest)
            {
                nearest = d;
                neighbour = o;
            }
        }

        nn[m] = neighbour;
        nnDist[m] = nearest;
    }

    private static void Remove(int[] live, ref int count, int position)
    {
        live[position] = live[--count];
    }
}
