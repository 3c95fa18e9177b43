using System.Text.Json;

namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Writes the header as compact UTF-8 JSON in a fixed member order, format options sorted by key
/// (ordinal), so equal headers give equal bytes.
/// </summary>
internal static class HeaderJsonWriter
{
    public static byte[] Write(ArchiveHeader header)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", header.FormatVersion);
            json.WriteString("tool", header.Tool);
            WriteSchema(json, header.Schema);
            WriteModel(json, header.Model);
            json.WritePropertyName("normaliser");
            if (header.Normaliser is null)
            {
                json.WriteNullValue();
            }
            else
            {
                header.Normaliser.WriteTo(json);
            }

            json.WriteStartObject("latent");
            json.WriteString("dtype", HeaderNames.DType(header.Latent.DType));
            json.WriteNumber("rows", header.Latent.Rows);
            json.WriteNumber("dims", header.Latent.Dims);
            if (header.FormatVersion >= 4)
            {
                // Absent before version 4, so older archives keep their bytes.
                json.WriteString("quantisation", HeaderNames.Quantisation(header.Latent.Quantisation));
            }

            if (header.Latent.Steps is { } steps)
            {
                json.WriteStartArray("steps");
                foreach (double step in steps)
                {
                    json.WriteNumberValue(step);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            if (header.ModelEmbedded)
            {
                json.WriteBoolean("model_embedded", true);
            }

            if (header.Corrections is { } corrections)
            {
                json.WriteStartObject("corrections");
                json.WriteString("quantisation", HeaderNames.Quantisation(corrections.Quantisation));
                json.WriteNumber("rows", corrections.Rows);
                json.WriteNumber("dims", corrections.Dims);
                json.WriteString("target", corrections.Target);
                json.WritePropertyName("quantiser");
                corrections.Quantiser.WriteTo(json);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteSchema(Utf8JsonWriter json, ArchiveSchema schema)
    {
        json.WriteStartObject("schema");
        json.WriteString("input_format", schema.InputFormat);
        WriteStrings(json, "column_order", schema.ColumnOrder);
        WriteStrings(json, "feature_names", schema.FeatureNames);
        WriteStrings(json, "side_channel_names", schema.SideChannelNames);
        json.WriteNumber("row_count", schema.RowCount);
        json.WriteString("energy_unit", schema.EnergyUnit);
        json.WriteBoolean("synthetic", schema.Synthetic);
        json.WriteStartObject("format_options");
        foreach (KeyValuePair<string, string> option in schema.FormatOptions.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            json.WriteString(option.Key, option.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelIdentity model)
    {
        json.WriteStartObject("model");
        json.WriteString("name", model.Name);
        json.WriteString("sha256", model.Sha256);
        json.WriteNumber("input_size", model.InputSize);
        json.WriteNumber("latent_size", model.LatentSize);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
