using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sieve.Core.Serialization;

/// <summary>
/// JSON settings for every file Sieve writes: snake_case names, enums as snake_case strings, indented,
/// nulls omitted, NaN and infinities as the strings "NaN", "Infinity" (read back as numbers).
/// </summary>
public static class SieveJson
{
    /// <summary>Shared serializer options (read-only once first used).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Files are read by people and tools, never embedded in HTML: keep "m > 1 GeV" readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
