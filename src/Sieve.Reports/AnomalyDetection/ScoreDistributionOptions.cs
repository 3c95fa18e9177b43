namespace Sieve.Reports.AnomalyDetection;

/// <summary>How <see cref="ScoreDistributionPlot"/> draws; every property has a documented default.</summary>
public sealed record ScoreDistributionOptions
{
    /// <summary>Plot title. Default "Anomaly score per process".</summary>
    public string Title { get; init; } = "Anomaly score per process";

    /// <summary>Label of the score axis. Default "anomaly score".</summary>
    public string ScoreLabel { get; init; } = "anomaly score";

    /// <summary>Number of common bins over the range of all scores. Default 60.</summary>
    public int Bins { get; init; } = 60;

    /// <summary>
    /// Divide each histogram by its number of binned events and the bin width (unit area), so processes
    /// with very different sample sizes can be compared by shape. Default true; false draws raw counts.
    /// </summary>
    public bool Normalise { get; init; } = true;

    /// <summary>
    /// Bin and draw log10 of the score. Reconstruction errors often span several decades; scores that are
    /// zero or negative cannot be shown then and are counted in the legend. Default false.
    /// </summary>
    public bool LogScoreAxis { get; init; }

    /// <summary>Image width in pixels. Default 900.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in pixels. Default 650.</summary>
    public int Height { get; init; } = 650;
}
