using System.Text.Json;

namespace Sieve.Core.Metrics;

/// <summary>
/// JSON form of <see cref="FidelityReport"/>: snake_case_lower names, indented, enums as snake_case
/// strings, nulls omitted, '>' and non-ASCII left unescaped, and NaN/Infinity written as the strings "NaN", "Infinity", "-Infinity"
/// (read back as numbers).
/// </summary>
public static class ReportJson
{
    /// <summary>The serialiser options used for reports.</summary>
    public static JsonSerializerOptions Options => Serialization.SieveJson.Options;

    /// <summary>The report as indented JSON text.</summary>
    public static string Serialize(FidelityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options);
    }

    /// <summary>Writes the report as UTF-8 JSON to <paramref name="utf8Json"/> (the caller owns the stream).</summary>
    public static void Serialize(Stream utf8Json, FidelityReport report)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(utf8Json, report, Options);
    }

    /// <summary>Reads a report written by <see cref="Serialize(FidelityReport)"/>.</summary>
    /// <exception cref="JsonException">The text is not a fidelity report.</exception>
    public static FidelityReport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<FidelityReport>(json, Options)
            ?? throw new JsonException("The JSON text is 'null', not a fidelity report.");
    }
}
