using System.Globalization;
using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.IO;
using Sieve.Reports.AnomalyDetection;

namespace Sieve.Pipeline;

/// <summary>
/// roc: background and signal scores -> per signal AUC (bootstrap error), TPR at FPR 1e-2..1e-5
/// ("not enough background" below 1/N_bg), SIC and 40 MHz trigger rates, the correlation of the
/// score with multiplicity; written as report.json, darkmachines.csv, plots and index.html.
/// </summary>
public static class RocWorkflow
{
    /// <summary>Runs the evaluation; returns the report and the files written.</summary>
    public static (AnomalyReport Report, IReadOnlyList<string> Files) Run(RocRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Signals.Count == 0)
        {
            throw new ArgumentException("give at least one --signal scores file.");
        }

        EventWeighting weighting = request.Weighting();
        ScoredSample[] raw = [ScoresFile.Read(request.Background, request.Score), .. request.Signals.Select(s => ScoresFile.Read(s, request.Score))];
        ScoredSample background = raw[0].WithWeighting(weighting);
        ScoredSample[] signals = Unique(background.Name, [.. raw.Skip(1).Select(s => s.WithWeighting(weighting))]);
        var options = new AnomalyMetricsOptions { BootstrapReplicates = request.Bootstrap };
        AnomalyReport evaluated = AnomalyEvaluator.Evaluate(background, signals, options);
        AnomalyReport report = evaluated with
        {
            ScoreName = ScoresFile.Column(request.Score),
            Synthetic = request.Synthetic,
            Notes = [.. evaluated.Notes, WeightingNote(weighting, raw)],
        };

        string dir = request.OutputDirectory;
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        string json = Path.Combine(dir, "report.json");
        AtomicFile.WriteAllText(json, AnomalyReportJson.Serialize(report));
        files.Add(json);
        string table = Path.Combine(dir, "darkmachines.csv");
        AtomicFile.WriteAllText(table, DarkMachinesTable.Compute(background, signals).ToCsv());
        files.Add(table);

        var figures = new List<ReportFigure>();
        void Figure(string name, string caption, byte[] png)
        {
            string path = Path.Combine(dir, name);
            AtomicFile.WriteAllBytes(path, png);
            files.Add(path);
            figures.Add(new ReportFigure(caption, png));
        }

        RocSeries[] curves = [.. signals.Select((s, i) =>
        {
            RocCurve roc = RocCurve.Compute(background, s);
            return new RocSeries(s.Name, roc.Fpr.ToArray(), roc.Tpr.ToArray(), roc.Auc, report.Signals[i].AucBootstrap?.Std);
        })];
        if (request.Reference is { } reference)
        {
            // The supervised reference: the classifier's ROC on its own held-out test rows, labelled as such.
            ScoredSample refBackground = ScoresFile.Read(Path.Combine(reference, ClassifyWorkflow.BackgroundScores), ClassifyWorkflow.ScoreName, weighting);
            ScoredSample refSignal = ScoresFile.Read(Path.Combine(reference, ClassifyWorkflow.SignalScores), ClassifyWorkflow.ScoreName, weighting);
            RocCurve roc = RocCurve.Compute(refBackground, refSignal);
            curves = [.. curves, new RocSeries("supervised reference (classifier)", roc.Fpr.ToArray(), roc.Tpr.ToArray(), roc.Auc)];
            report = report with
            {
                Notes = [.. report.Notes, string.Create(CultureInfo.InvariantCulture,
                    $"Supervised reference from {reference}: a classifier trained on labelled background and signal reaches AUC {roc.Auc:F4} on its held-out test split ({refBackground.Count} background, {refSignal.Count} signal events).")],
            };
            AtomicFile.WriteAllText(json, AnomalyReportJson.Serialize(report));
        }

        string synthetic = request.Synthetic ? " (synthetic data)" : string.Empty;
        Figure("roc.png", "ROC: signal efficiency against background efficiency (log scale), with the 40 MHz trigger rates",
            RocPlot.Render(curves, new RocPlotOptions { Title = $"ROC, {report.ScoreName}{synthetic}", BackgroundCount = background.Count }));
        ScoreSample[] samples = [new(background.Name, background.Scores.ToArray(), IsBackground: true), .. signals.Select(s => new ScoreSample(s.Name, s.Scores.ToArray()))];
        Figure("scores.png", "Score distributions per process (unit area, log y)",
            ScoreDistributionPlot.Render(samples, new ScoreDistributionOptions { Title = $"{report.ScoreName} per process{synthetic}", ScoreLabel = report.ScoreName }));
        foreach ((ScoredSample sample, ScoreCorrelation? correlation) in signals.Select((s, i) => (s, report.Signals[i].Correlation)).Prepend((background, report.Background.Correlation)))
        {
            if (!sample.HasMultiplicities || sample.Count == 0)
            {
                continue;
            }

            Figure($"score_vs_multiplicity_{Safe(sample.Name)}.png", $"Score against multiplicity, {sample.Name}",
                ScoreVsMultiplicityPlot.Render(sample.Multiplicities.ToArray(), sample.Scores.ToArray(),
                    new ScoreVsMultiplicityOptions { Process = sample.Name + synthetic, ScoreLabel = report.ScoreName, Correlation = correlation?.Overall.Pearson }));
        }

        if (request.LossHistory is { } history && File.Exists(history))
        {
            (double[] train, double[] validation) = ReadHistory(history);
            Figure("loss.png", "Training and validation loss per epoch", LossCurvePlot.Render(train, validation, new LossCurveOptions { Title = "Training" + synthetic }));
        }

        var page = new AnomalyPage
        {
            Title = $"Sieve anomaly detection: {report.ScoreName}",
            DataSource = $"background {request.Background}; signals {string.Join(", ", request.Signals)}",
            Synthetic = request.Synthetic,
            ScoreName = report.ScoreName,
            BackgroundCount = background.Count,
            BackgroundMultiplicityCorrelation = report.Background.Correlation?.Overall.Pearson,
            Signals = [.. report.Signals.Select(s => new SignalSummary(s.Name, s.Auc, s.AucBootstrap?.Std,
                [.. s.WorkingPoints.Select(w => new EfficiencyAtFpr(w.TargetFpr, w.Tpr, w.TprBootstrap?.Std))], s.Correlation?.Overall.Pearson))],
            Figures = figures,
            Notes = report.Notes,
        };
        files.Add(AnomalyHtmlReport.Write(dir, page));
        return (report, files);
    }

    /// <summary>How the weights were used, with the negative-weight counts as read (what clipping removed, or what the signed sums hold).</summary>
    private static string WeightingNote(EventWeighting weighting, IReadOnlyList<ScoredSample> asRead)
    {
        string negatives = string.Join("; ", asRead.Where(s => s.NegativeCount > 0).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Name}: {s.NegativeCount} of {s.Count} events negative, their weights summing to {s.NegativeWeight:G4} of a total of {s.TotalWeight:G4}")));
        string counts = negatives.Length > 0 ? $" Negative weights as read: {negatives}." : " No event has a negative weight.";
        return weighting switch
        {
            EventWeighting.Ignored => "Event weights ignored (--ignore-weights): every event counts once." + counts,
            EventWeighting.ClipNegative => "Negative event weights clipped to 0 (--clip-negative-weights): those events take no part." + counts,
            _ => "Event weights honoured, negative ones with their sign in the sums (the standard treatment of NLO samples)." + counts,
        };
    }

    private static ScoredSample[] Unique(string background, ScoredSample[] signals)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { background };
        return [.. signals.Select((s, i) => seen.Add(s.Name) ? s : ScoredSample.Create($"{s.Name} ({i + 1})", s.Scores, s.Weights, s.ProcessIds, s.Multiplicities))];
    }

    private static (double[] Train, double[] Validation) ReadHistory(string path)
    {
        var train = new List<double>();
        var validation = new List<double>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] parts = line.Split(',');
            train.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
            validation.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return ([.. train], [.. validation]);
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_'));
}
