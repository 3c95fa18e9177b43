namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Columns of scored events of one class (background, or one signal): scores, weights and, optionally,
/// process ids and multiplicities. Validated once on creation so every metric can trust it.
/// </summary>
/// <remarks>
/// Weights may be negative, as NLO generators (MC@NLO, aMC@NLO, Sherpa) produce them: the metrics use
/// the signed sums (the standard treatment), so an efficiency may then dip as the cut loosens or leave
/// [0, 1] on the way (<see cref="RocCurve.FprMonotonicity"/> says where), and the sum of a sample's
/// weights must be positive. <see cref="WithWeighting"/> gives the alternatives: every event once, or
/// negative weights clipped to 0. Zero weights are allowed; such events take no part in any metric and
/// are not counted in <see cref="EffectiveCount"/>.
/// </remarks>
public sealed class ScoredSample
{
    private readonly double[] _scores;
    private readonly double[] _weights;
    private readonly int[]? _multiplicities;

    private ScoredSample(string name, double[] scores, double[] weights, string[]? processIds, int[]? multiplicities)
    {
        Name = name;
        _scores = scores;
        _weights = weights;
        ProcessIds = processIds;
        _multiplicities = multiplicities;
        double total = 0, negativeWeight = 0;
        int effective = 0, negative = 0;
        foreach (double w in weights)
        {
            total += w;
            effective += w != 0 ? 1 : 0;
            if (w < 0)
            {
                negative++;
                negativeWeight += w;
            }
        }

        TotalWeight = total;
        EffectiveCount = effective;
        NegativeCount = negative;
        NegativeWeight = negativeWeight;
    }

    /// <summary>Label used in reports and error messages (e.g. "background" or the signal's name).</summary>
    public string Name { get; }

    /// <summary>Number of events (including zero-weight ones).</summary>
    public int Count => _scores.Length;

    /// <summary>Number of events with a non-zero weight: the unweighted count the metrics see.</summary>
    public int EffectiveCount { get; }

    /// <summary>Sum of the weights (signed).</summary>
    public double TotalWeight { get; }

    /// <summary>Number of events with a negative weight.</summary>
    public int NegativeCount { get; }

    /// <summary>Sum of the negative weights (0 or below).</summary>
    public double NegativeWeight { get; }

    /// <summary>Scores, one per event.</summary>
    public ReadOnlySpan<double> Scores => _scores;

    /// <summary>Weights, one per event (all 1 when none were given).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Process id per event, or null when not given.</summary>
    public IReadOnlyList<string>? ProcessIds { get; }

    /// <summary>Whether multiplicities were given.</summary>
    public bool HasMultiplicities => _multiplicities is not null;

    /// <summary>Object multiplicity per event; empty when not given.</summary>
    public ReadOnlySpan<int> Multiplicities => _multiplicities;

    /// <summary>
    /// Creates a sample from columns (copied). <paramref name="weights"/> empty means all 1;
    /// otherwise every column given must have one entry per score.
    /// </summary>
    /// <exception cref="ArgumentException">A column has the wrong length, a score is NaN, or a weight is
    /// NaN or infinite; the message names the sample and the event index.</exception>
    public static ScoredSample Create(
        string name,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<double> weights = default,
        IReadOnlyList<string>? processIds = null,
        ReadOnlySpan<int> multiplicities = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        int n = scores.Length;
        CheckLength(name, "weights", weights.Length, n, allowEmpty: true);
        CheckLength(name, "process ids", processIds?.Count ?? 0, n, allowEmpty: processIds is null);
        CheckLength(name, "multiplicities", multiplicities.Length, n, allowEmpty: true);

        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException(
                    $"Sample '{name}': the score of event {i} is NaN. Every event needs a score; fix the scoring (e.g. clamp the VAE log-variance) or drop the event before computing metrics.",
                    nameof(scores));
            }
        }

        double[] w = new double[n];
        if (weights.IsEmpty)
        {
            w.AsSpan().Fill(1.0);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                double v = weights[i];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException(
                        $"Sample '{name}': the weight of event {i} is {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}; weights must be finite numbers.",
                        nameof(weights));
                }

                w[i] = v;
            }
        }

        string[]? ids = null;
        if (processIds is not null)
        {
            ids = new string[n];
            for (int i = 0; i < n; i++)
            {
                ids[i] = processIds[i] ?? throw new ArgumentException($"Sample '{name}': the process id of event {i} is null.", nameof(processIds));
            }
        }

        return new ScoredSample(name, scores.ToArray(), w, ids, multiplicities.IsEmpty ? null : multiplicities.ToArray());
    }

    /// <summary>
    /// Creates a sample from events. Process ids and multiplicities become columns when every event has
    /// one, and are left out when none has; a mixture is an error.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Create"/>, or some events lack a process id or
    /// multiplicity that others have.</exception>
    public static ScoredSample FromEvents(string name, IEnumerable<ScoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ScoredEvent[] all = events.ToArray();
        double[] scores = new double[all.Length];
        double[] weights = new double[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            scores[i] = all[i].Score;
            weights[i] = all[i].Weight;
        }

        int withId = all.Count(e => e.ProcessId is not null);
        int withMultiplicity = all.Count(e => e.Multiplicity is not null);
        if (withId != 0 && withId != all.Length)
        {
            throw new ArgumentException($"Sample '{name}': {withId} of {all.Length} events have a process id; give one to every event or to none.", nameof(events));
        }

        if (withMultiplicity != 0 && withMultiplicity != all.Length)
        {
            throw new ArgumentException($"Sample '{name}': {withMultiplicity} of {all.Length} events have a multiplicity; give one to every event or to none.", nameof(events));
        }

        string[]? ids = withId == 0 ? null : all.Select(e => e.ProcessId!).ToArray();
        int[] multiplicities = withMultiplicity == 0 ? [] : all.Select(e => e.Multiplicity!.Value).ToArray();
        return Create(name, scores, weights, ids, multiplicities);
    }

    /// <summary>
    /// The same events with their weights treated as <paramref name="weighting"/> says: kept signed, all 1,
    /// or negative ones set to 0 (those events then take no part).
    /// </summary>
    public ScoredSample WithWeighting(EventWeighting weighting) => weighting switch
    {
        EventWeighting.Signed => this,
        EventWeighting.Ignored => new ScoredSample(Name, _scores, [.. _weights.Select(_ => 1.0)], ProcessIds?.ToArray(), _multiplicities),
        EventWeighting.ClipNegative => new ScoredSample(Name, _scores, [.. _weights.Select(w => Math.Max(w, 0.0))], ProcessIds?.ToArray(), _multiplicities),
        _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "unknown event weighting."),
    };

    /// <summary>The events as rows.</summary>
    public IEnumerable<ScoredEvent> Events()
    {
        for (int i = 0; i < _scores.Length; i++)
        {
            yield return new ScoredEvent(_scores[i], _weights[i], ProcessIds?[i], _multiplicities?[i]);
        }
    }

    private static void CheckLength(string name, string column, int length, int expected, bool allowEmpty)
    {
        if (length != expected && !(allowEmpty && length == 0))
        {
            throw new ArgumentException($"Sample '{name}': {column} has {length} entries but there are {expected} scores; give one per event.", column);
        }
    }
}
