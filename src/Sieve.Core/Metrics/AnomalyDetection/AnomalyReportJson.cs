using System.Text.Json;

namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// JSON form of <see cref="AnomalyReport"/> (a <c>report.json</c>) with <see cref="Serialization.SieveJson.Options"/>:
/// snake_case names and enums, indented, nulls omitted, NaN and infinities as strings.
/// </summary>
public static class AnomalyReportJson
{
    /// <summary>The report as indented JSON text.</summary>
    public static string Serialize(AnomalyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Serialization.SieveJson.Options);
    }

    /// <summary>Writes the report as UTF-8 JSON to <paramref name="utf8Json"/> (the caller owns the stream).</summary>
    public static void Serialize(Stream utf8Json, AnomalyReport report)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(utf8Json, report, Serialization.SieveJson.Options);
    }

    /// <summary>Reads a report written by <see cref="Serialize(AnomalyReport)"/>.</summary>
    /// <exception cref="JsonException">The text is not an anomaly report.</exception>
    public static AnomalyReport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<AnomalyReport>(json, Serialization.SieveJson.Options)
            ?? throw new JsonException("The JSON text is 'null', not an anomaly report.");
    }
}
