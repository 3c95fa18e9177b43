using System.Globalization;
using System.Text;
using Sieve.Core.Metrics;
using Sieve.Reports.Internal;

namespace Sieve.Reports;

/// <summary>Writes a fidelity report folder: <c>report.json</c> and one residual histogram per feature.</summary>
public static class FidelityReportWriter
{
    /// <summary>Name of the JSON file in the report folder.</summary>
    public const string ReportFileName = "report.json";

    /// <summary>Writes <paramref name="evaluation"/>'s report and residual plots; see <see cref="Write(string, FidelityReport, IReadOnlyList{VariableResiduals})"/>.</summary>
    public static IReadOnlyList<string> Write(string directory, FidelityEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Write(directory, evaluation.Report, evaluation.Residuals);
    }

    /// <summary>
    /// Creates <paramref name="directory"/> if needed and writes <c>report.json</c> and, per entry of
    /// <paramref name="residuals"/>, <c>residual_{name}.png</c>: the relative residual for energy-like
    /// features (E, pT, m), the absolute residual otherwise. Every file is written to a temporary
    /// file and renamed. Plot titles say "(synthetic data)" when the report is synthetic.
    /// </summary>
    /// <returns>Full paths of the files written, report.json first.</returns>
    public static IReadOnlyList<string> Write(string directory, FidelityReport report, IReadOnlyList<VariableResiduals> residuals)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(residuals);
        string root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);

        var written = new List<string>();
        string jsonPath = Path.Combine(root, ReportFileName);
        AtomicFile.WriteAllBytes(jsonPath, Encoding.UTF8.GetBytes(ReportJson.Serialize(report)));
        written.Add(jsonPath);

        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (VariableResiduals variable in residuals)
        {
            string stem = "residual_" + SafeName(variable.Name);
            string fileName = stem + ".png";
            for (int k = 2; !usedNames.Add(fileName); k++)
            {
                fileName = string.Create(CultureInfo.InvariantCulture, $"{stem}_{k}.png");
            }

            string path = Path.Combine(root, fileName);
            VariableFidelity? fidelity = report.Find(variable.Name);
            string synthetic = report.Synthetic ? " (synthetic data)" : string.Empty;
            if (variable.Kind == VariableKind.EnergyLike && variable.RelativeResidual is not null)
            {
                string selection = fidelity?.RelativeSelection ?? "selected rows";
                ResidualHistogram.SavePng(path, variable.Name, variable.RelativeResidual, "relative residual (reco - true) / true",
                    $"relative residual, {selection}{synthetic}");
            }
            else
            {
                string xLabel = variable.Kind == VariableKind.Angle ? "residual reco - true, wrapped into (-pi, pi] [rad]" : "residual reco - true";
                ResidualHistogram.SavePng(path, variable.Name, variable.Residual, xLabel, $"residual{synthetic}");
            }

            written.Add(path);
        }

        return written;
    }

    /// <summary>Lower-case file-name part: letters, digits, '-' and '_' kept, anything else becomes '_'.</summary>
    private static string SafeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "feature" : builder.ToString();
    }
}
