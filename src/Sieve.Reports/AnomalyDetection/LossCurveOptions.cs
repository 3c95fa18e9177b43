namespace Sieve.Reports.AnomalyDetection;

/// <summary>How <see cref="LossCurvePlot"/> draws; every property has a documented default.</summary>
public sealed record LossCurveOptions
{
    /// <summary>Plot title. Default "Training".</summary>
    public string Title { get; init; } = "Training";

    /// <summary>Label of the loss axis, e.g. "masked MSE". Default "loss".</summary>
    public string LossLabel { get; init; } = "loss";

    /// <summary>Image width in pixels. Default 900.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Image height in pixels. Default 600.</summary>
    public int Height { get; init; } = 600;
}
