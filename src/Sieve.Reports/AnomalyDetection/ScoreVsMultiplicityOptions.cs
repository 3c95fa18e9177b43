namespace Sieve.Reports.AnomalyDetection;

/// <summary>How <see cref="ScoreVsMultiplicityPlot"/> draws; every property has a documented default.</summary>
public sealed record ScoreVsMultiplicityOptions
{
    /// <summary>Process name for the title. Default "background".</summary>
    public string Process { get; init; } = "background";

    /// <summary>Label of the score axis. Default "anomaly score".</summary>
    public string ScoreLabel { get; init; } = "anomaly score";

    /// <summary>Label of the multiplicity axis. Default "number of objects".</summary>
    public string MultiplicityLabel { get; init; } = "number of objects";

    /// <summary>Pearson r to print, when the caller has it (e.g. with a bootstrap error); null computes it here from the arrays. Default null.</summary>
    public double? Correlation { get; init; }

    /// <summary>Number of score bins. Default 40.</summary>
    public int ScoreBins { get; init; } = 40;

    /// <summary>Bin and draw log10 of the score; zero and negative scores are then left out and counted. Default false.</summary>
    public bool LogScoreAxis { get; init; }

    /// <summary>Image width in pixels. Default 900.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in pixels. Default 650.</summary>
    public int Height { get; init; } = 650;
}
