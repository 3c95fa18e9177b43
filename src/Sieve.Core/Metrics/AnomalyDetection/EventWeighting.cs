namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>How event weights enter the efficiencies of a ROC.</summary>
public enum EventWeighting
{
    /// <summary>Weights as given, negative ones included, in signed sums: the standard treatment of NLO samples. Default.</summary>
    Signed,

    /// <summary>Every event counts once (as unweighted tools such as scikit-learn's roc_auc_score do by default).</summary>
    Ignored,

    /// <summary>Negative weights set to 0: those events take no part; the efficiencies stay monotone but are biased.</summary>
    ClipNegative,
}
