using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sieve.Models.FixedPoint;

/// <summary>Writes an <see cref="ApFixedFormat"/> as its C++ text (<c>"ap_fixed&lt;16,6&gt;"</c>), so configuration files read like hls4ml's.</summary>
public sealed class ApFixedFormatJsonConverter : JsonConverter<ApFixedFormat>
{
    /// <inheritdoc/>
    public override ApFixedFormat Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? ApFixedFormat.Parse(reader.GetString()!)
            : throw new JsonException("a fixed-point type is written as text, e.g. \"ap_fixed<16,6>\".");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ApFixedFormat value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
