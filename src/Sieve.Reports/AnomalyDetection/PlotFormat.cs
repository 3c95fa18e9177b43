namespace Sieve.Reports.AnomalyDetection;

/// <summary>Image format of a rendered anomaly-detection plot.</summary>
public enum PlotFormat
{
    /// <summary>Raster image; what the HTML report embeds.</summary>
    Png,

    /// <summary>Vector image, for papers and zooming into the low-FPR end of a ROC curve.</summary>
    Svg,
}
