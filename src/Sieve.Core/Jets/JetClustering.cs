namespace Sieve.Core.Jets;

/// <summary>
/// Exact generalised-kt sequential recombination (anti-kt, kt, Cambridge/Aachen) with E-scheme
/// recombination, FastJet's "N2Tiled" strategy. Each pseudojet caches its geometric nearest
/// neighbour within R; the smallest d_ij is then always between some pseudojet and its cached
/// neighbour, so a step is one O(N) scan of the cached distances plus a repair of the cache near
/// the pseudojets that changed. Neighbours are searched only in the adjacent (rapidity, phi)
/// tiles of <see cref="Tiling"/>, so the repair costs what the local density costs, not O(N).
/// <see cref="NaiveJetClustering"/> is the all-pairs O(N^3) baseline it is checked against.
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
        if (n == 0)
        {
            return [];
        }

        double r2 = definition.Radius * definition.Radius;
        double minRap = double.PositiveInfinity;
        double maxRap = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minRap = Math.Min(minRap, sequence.Rapidity(i));
            maxRap = Math.Max(maxRap, sequence.Rapidity(i));
        }

        var tiles = new Tiling(minRap, maxRap, definition.Radius, sequence.Capacity);
        var state = new NeighbourCache(sequence, tiles, r2);
        // The live pseudojets, kept compact: removing one moves the last into its place.
        var live = new int[n];
        var positionInLive = new int[sequence.Capacity];
        for (int i = 0; i < n; i++)
        {
            live[i] = i;
            positionInLive[i] = i;
            tiles.Add(i, sequence.Rapidity(i), sequence.Phi(i));
        }

        for (int i = 0; i < n; i++)
        {
            state.FindNeighbour(i);
        }

        int count = n;
        void RemoveLive(int slot)
        {
            int at = positionInLive[slot];
            int last = live[--count];
            live[at] = last;
            positionInLive[last] = at;
        }

        while (count > 0)
        {
            // The smallest distance: min(f_i, f_nn(i)) dR^2 for a neighbour, else the beam's f_i R^2
            // (everything is in units of R^2 here, which does not change the order).
            int i = -1;
            double bestDistance = double.PositiveInfinity;
            for (int k = 0; k < count; k++)
            {
                int a = live[k];
                double d = state.Dij[a];
                if (d < bestDistance || i < 0)
                {
                    bestDistance = d;
                    i = a;
                }
            }

            int j = state.Neighbour(i);
            RemoveLive(i);
            tiles.Remove(i);
            int merged = -1;
            if (j < 0)
            {
                sequence.ToBeam(i);
            }
            else
            {
                RemoveLive(j);
                tiles.Remove(j);
                merged = sequence.Merge(i, j);
                live[count] = merged;
                positionInLive[merged] = count++;
                tiles.Add(merged, sequence.Rapidity(merged), sequence.Phi(merged));
                state.Reset(merged);
            }

            state.Repair(i, j, merged);
        }

        return sequence.InclusiveJets(definition.PtMin);
    }

    /// <summary>Each slot's nearest neighbour within R (or -1) and dR^2 to it, found and repaired through the tiles.</summary>
    private sealed class NeighbourCache(ClusterSequence sequence, Tiling tiles, double r2)
    {
        private readonly int[] nn = new int[sequence.Capacity];
        private readonly double[] nnDist = new double[sequence.Capacity];

        /// <summary>Each slot's smallest distance (<see cref="Distance"/>), kept in step with its neighbour so the per-step scan only reads.</summary>
        public double[] Dij { get; } = new double[sequence.Capacity];

        public int Neighbour(int slot) => nn[slot];

        /// <summary>min(f_slot, f_nn) dR^2, or f_slot R^2 without a neighbour.</summary>
        private double Distance(int slot)
        {
            double f = sequence.MomentumFactor[slot];
            int b = nn[slot];
            if (b >= 0 && sequence.MomentumFactor[b] < f)
            {
                f = sequence.MomentumFactor[b];
            }

            return f * nnDist[slot];
        }

        public void Reset(int slot)
        {
            nn[slot] = -1;
            nnDist[slot] = r2;
            Dij[slot] = Distance(slot);
        }

        public void FindNeighbour(int m)
        {
            int neighbour = -1;
            double nearest = r2;
            foreach (int t in tiles.Neighbourhood(tiles.TileOf(m)))
            {
                foreach (int o in tiles.Members(t))
                {
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
            }

            nn[m] = neighbour;
            nnDist[m] = nearest;
            Dij[m] = Distance(m);
        }

        /// <summary>
        /// After <paramref name="i"/> (and <paramref name="j"/>, -1 for a beam step) vanished and
        /// <paramref name="merged"/> (-1 for none) appeared: whoever pointed at a vanished one lies
        /// within R of it, so in its tile's neighbourhood, and searches again; whoever may now have
        /// the new pseudojet as neighbour lies in the new one's neighbourhood.
        /// </summary>
        public void Repair(int i, int j, int merged)
        {
            tiles.NewRound();
            RepairAround(tiles.TileOf(i), i, j, merged);
            if (j >= 0)
            {
                RepairAround(tiles.TileOf(j), i, j, merged);
            }

            if (merged >= 0)
            {
                RepairAround(tiles.TileOf(merged), i, j, merged);
            }
        }

        private void RepairAround(int tile, int i, int j, int merged)
        {
            foreach (int t in tiles.Neighbourhood(tile))
            {
                if (!tiles.Visit(t))
                {
                    continue;
                }

                foreach (int m in tiles.Members(t))
                {
                    if (m == merged)
                    {
                        continue;
                    }

                    if (nn[m] == i || (j >= 0 && nn[m] == j))
                    {
                        FindNeighbour(m);
                    }

                    if (merged >= 0)
                    {
                        double d = sequence.DeltaR2(m, merged);
                        if (d < nnDist[m])
                        {
                            nnDist[m] = d;
                            nn[m] = merged;
                            Dij[m] = Distance(m);
                        }

                        if (d < nnDist[merged])
                        {
                            nnDist[merged] = d;
                            nn[merged] = m;
                            Dij[merged] = Distance(merged);
                        }
                    }
                }
            }
        }
    }
}
