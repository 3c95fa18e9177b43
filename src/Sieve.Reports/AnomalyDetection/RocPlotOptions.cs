namespace Sieve.Reports.AnomalyDetection;

/// <summary>How <see cref="RocPlot"/> draws; every property has a documented default.</summary>
public sealed record RocPlotOptions
{
    /// <summary>Plot title. Default "ROC".</summary>
    public string Title { get; init; } = "ROC";

    /// <summary>
    /// Number of background events behind the curves. When given, the FPR axis starts at 1/N
    /// (rounded down to a decade) instead of <see cref="MinFpr"/>, since no threshold can reach a
    /// smaller background efficiency. Default null.
    /// </summary>
    public long? BackgroundCount { get; init; }

    /// <summary>Smallest background efficiency on the axis when <see cref="BackgroundCount"/> is unknown. Default 1e-6.</summary>
    public double MinFpr { get; init; } = 1e-6;

    /// <summary>Image width in pixels. Default 900.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in pixels. Default 650.</summary>
    public int Height { get; init; } = 650;
}
