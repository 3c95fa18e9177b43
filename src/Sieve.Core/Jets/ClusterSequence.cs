namespace Sieve.Core.Jets;

/// <summary>
/// The bookkeeping both clustering strategies share: the pseudojets (inputs first, then one per
/// merge), their rapidity, azimuth and momentum factor, which two pseudojets each merge made and
/// which went to the beam, so that the final jets and their constituents can be read back.
/// </summary>
internal sealed class ClusterSequence
{
    private readonly FourMomentum[] momenta;
    private readonly double[] rapidity;
    private readonly double[] phi;
    private readonly int[] parentA;
    private readonly int[] parentB;
    private readonly List<int> beamJets = [];
    private readonly JetAlgorithm algorithm;
    private readonly int inputCount;
    private int used;

    public ClusterSequence(IReadOnlyList<FourMomentum> particles, JetAlgorithm algorithm)
    {
        this.algorithm = algorithm;
        inputCount = particles.Count;
        // n inputs and at most n - 1 merges.
        Capacity = Math.Max(1, (2 * inputCount) - 1);
        momenta = new FourMomentum[Capacity];
        rapidity = new double[Capacity];
        phi = new double[Capacity];
        MomentumFactor = new double[Capacity];
        parentA = new int[Capacity];
        parentB = new int[Capacity];
        for (int i = 0; i < inputCount; i++)
        {
            FourMomentum p = particles[i];
            if (!(double.IsFinite(p.Px) && double.IsFinite(p.Py) && double.IsFinite(p.Pz) && double.IsFinite(p.E)))
            {
                throw new ArgumentException($"particle {i} has a non-finite momentum ({p.Px}, {p.Py}, {p.Pz}, {p.E})", nameof(particles));
            }

            Add(p, -1, -1);
        }
    }

    /// <summary>Number of pseudojet slots: inputs plus merges.</summary>
    public int Capacity { get; }

    /// <summary>f_i of each slot: 1/pT^2 (anti-kt), 1 (C/A) or pT^2 (kt).</summary>
    public double[] MomentumFactor { get; }

    /// <summary>Rapidity of a slot (FastJet's definition).</summary>
    public double Rapidity(int slot) => rapidity[slot];

    /// <summary>Azimuth of a slot in [0, 2 pi).</summary>
    public double Phi(int slot) => phi[slot];

    /// <summary>dR^2 = dy^2 + dphi^2 between two slots, dphi the short way round.</summary>
    public double DeltaR2(int a, int b)
    {
        double dy = rapidity[a] - rapidity[b];
        double dphi = Math.Abs(phi[a] - phi[b]);
        if (dphi > Math.PI)
        {
            dphi = (2 * Math.PI) - dphi;
        }

        return (dy * dy) + (dphi * dphi);
    }

    /// <summary>Merges two slots into a new one (E-scheme) and returns it.</summary>
    public int Merge(int a, int b) => Add(momenta[a] + momenta[b], a, b);

    /// <summary>Records that a slot is a final (inclusive) jet.</summary>
    public void ToBeam(int a) => beamJets.Add(a);

    /// <summary>The beam jets with pT &gt;= <paramref name="ptMin"/>, highest pT first, with their constituents.</summary>
    public IReadOnlyList<Jet> InclusiveJets(double ptMin)
    {
        double pt2Min = ptMin * ptMin;
        var jets = new List<Jet>();
        var stack = new Stack<int>();
        foreach (int slot in beamJets)
        {
            if (momenta[slot].Pt2 < pt2Min)
            {
                continue;
            }

            var constituents = new List<int>();
            stack.Push(slot);
            while (stack.Count > 0)
            {
                int s = stack.Pop();
                if (s < inputCount)
                {
                    constituents.Add(s);
                }
                else
                {
                    stack.Push(parentA[s]);
                    stack.Push(parentB[s]);
                }
            }

            constituents.Sort();
            jets.Add(new Jet(momenta[slot], constituents.ToArray()));
        }

        // Stable, so jets of exactly equal pT keep the order in which they reached the beam.
        return jets.OrderByDescending(j => j.Momentum.Pt2).ToArray();
    }

    private int Add(FourMomentum p, int a, int b)
    {
        int slot = used++;
        momenta[slot] = p;
        rapidity[slot] = p.Rapidity;
        phi[slot] = p.Phi02Pi;
        double pt2 = p.Pt2;
        MomentumFactor[slot] = algorithm switch
        {
            // FastJet's guard: a particle without pT is infinitely far from everything in anti-kt.
            JetAlgorithm.AntiKt => pt2 > 1e-300 ? 1.0 / pt2 : 1e300,
            JetAlgorithm.Kt => pt2,
            _ => 1.0,
        };
        parentA[slot] = a;
        parentB[slot] = b;
        return slot;
    }
}
