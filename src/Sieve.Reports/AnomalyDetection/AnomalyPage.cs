namespace Sieve.Reports.AnomalyDetection;

/// <summary>Everything <see cref="AnomalyHtmlReport"/> puts on the page. Built by the caller from its ROC and score results.</summary>
public sealed record AnomalyPage
{
    /// <summary>Page title, e.g. the model and channel.</summary>
    public required string Title { get; init; }

    /// <summary>What the scores were computed from: files, channel, number of events. Shown under the title.</summary>
    public required string DataSource { get; init; }

    /// <summary>True when the events are synthetic: the page then carries a banner saying so, so no one quotes it as physics.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Name of the anomaly score, e.g. "masked MSE" or "R_z". Default "anomaly score".</summary>
    public string ScoreName { get; init; } = "anomaly score";

    /// <summary>Number of background events behind the efficiencies, or null if unknown.</summary>
    public long? BackgroundCount { get; init; }

    /// <summary>Pearson r of the score with the object count on the background, or null.</summary>
    public double? BackgroundMultiplicityCorrelation { get; init; }

    /// <summary>One row per signal; at least one.</summary>
    public required IReadOnlyList<SignalSummary> Signals { get; init; }

    /// <summary>Plots shown below the table, in this order. Default none.</summary>
    public IReadOnlyList<ReportFigure> Figures { get; init; } = [];

    /// <summary>Free-text notes shown at the end (one paragraph each). Default none.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
