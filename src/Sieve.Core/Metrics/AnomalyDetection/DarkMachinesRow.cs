namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// One signal's line of the DarkMachines unsupervised challenge table (arXiv:2105.14027): AUC and, at
/// each background efficiency eps_B of <see cref="DarkMachinesTable.BackgroundEfficiencies"/>, the signal
/// efficiency eps_S and the significance improvement SI = eps_S / sqrt(eps_B).
/// </summary>
/// <param name="Signal">Signal name.</param>
/// <param name="Auc">Area under the ROC.</param>
/// <param name="WorkingPoints">One per background efficiency, in the table's order (SI is their
/// <see cref="WorkingPoint.Sic"/>; null values where the background is too small).</param>
public sealed record DarkMachinesRow(string Signal, double Auc, IReadOnlyList<WorkingPoint> WorkingPoints);
