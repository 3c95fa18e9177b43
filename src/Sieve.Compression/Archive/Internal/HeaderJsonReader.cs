using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Parses the header JSON into an <see cref="ArchiveHeader"/>, naming the exact member on any
/// problem. Unknown members are ignored (forward compatible); duplicate members are refused.
/// </summary>
internal sealed class HeaderJsonReader(string file)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public ArchiveHeader Read(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            throw ArchiveThrow.Format(file, "header", "is not valid UTF-8", "UTF-8 JSON text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw ArchiveThrow.Format(file, "header", $"is not valid UTF-8 JSON: {e.Message}", inner: e);
        }

        using (document)
        {
            JsonElement root = Object(document.RootElement, "header");
            JsonElement normaliser = Member(root, "normaliser", "header");
            return new ArchiveHeader(
                String(root, "tool", "header"),
                ReadSchema(Object(Member(root, "schema", "header"), "header.schema")),
                ReadModel(Object(Member(root, "model", "header"), "header.model")),
                normaliser.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(normaliser.GetRawText()),
                ReadLatent(Object(Member(root, "latent", "header"), "header.latent")))
            {
                FormatVersion = Int(root, "format_version", "header", 0),
                Corrections = root.TryGetProperty("corrections", out JsonElement corrections) ? ReadCorrections(Object(corrections, "header.corrections")) : null,
                ModelEmbedded = root.TryGetProperty("model_embedded", out JsonElement embedded)
                    && (embedded.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? embedded.GetBoolean()
                        : throw ArchiveThrow.Format(file, "header.model_embedded", $"is {Kind(embedded)}", "true or false")),
            };
        }
    }

    private ArchiveSchema ReadSchema(JsonElement schema)
    {
        const string at = "header.schema";
        JsonElement options = Object(Member(schema, "format_options", at), at + ".format_options");
        var formatOptions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty option in options.EnumerateObject())
        {
            formatOptions[option.Name] = AsString(option.Value, $"{at}.format_options.{option.Name}");
        }

        return new ArchiveSchema(
            String(schema, "input_format", at),
            Strings(schema, "column_order", at),
            Strings(schema, "feature_names", at),
            Strings(schema, "side_channel_names", at),
            Int(schema, "row_count", at, 0),
            String(schema, "energy_unit", at),
            Bool(schema, "synthetic", at),
            formatOptions);
    }

    private ModelIdentity ReadModel(JsonElement model)
    {
        const string at = "header.model";
        return new ModelIdentity(
            String(model, "name", at),
            String(model, "sha256", at),
            Int(model, "input_size", at, 1),
            Int(model, "latent_size", at, 1));
    }

    private LatentEncoding ReadLatent(JsonElement latent)
    {
        const string at = "header.latent";
        string dtype = String(latent, "dtype", at);
        LatentDType type = dtype switch
        {
            HeaderNames.Float32 => LatentDType.Float32,
            HeaderNames.Float16 => LatentDType.Float16,
            HeaderNames.Int32 => LatentDType.Int32,
            _ => throw ArchiveThrow.Format(file, at + ".dtype", $"unknown latent dtype \"{dtype}\"",
                $"\"{HeaderNames.Float32}\", \"{HeaderNames.Float16}\" (version 2) or \"{HeaderNames.Int32}\" (versions 3 and 4)"),
        };
        LatentQuantisation quantisation = latent.TryGetProperty("quantisation", out JsonElement element)
            ? Quantisation(element, at + ".quantisation")
            : LatentQuantisation.Uniform;
        double[]? steps = null;
        if (latent.TryGetProperty("steps", out JsonElement stepArray))
        {
            if (stepArray.ValueKind != JsonValueKind.Array)
            {
                throw ArchiveThrow.Format(file, at + ".steps", $"is {Kind(stepArray)}", "an array of positive numbers");
            }

            steps = [.. stepArray.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) ? v
                : throw ArchiveThrow.Format(file, $"{at}.steps[{i}]", $"is {Kind(e)}", "a number"))];
        }

        return new LatentEncoding(type, Int(latent, "rows", at, 0), Int(latent, "dims", at, 1)) { Quantisation = quantisation, Steps = steps };
    }

    private CorrectionEncoding ReadCorrections(JsonElement corrections)
    {
        const string at = "header.corrections";
        JsonElement quantiser = Member(corrections, "quantiser", at);
        return new CorrectionEncoding(
            JsonNode.Parse(quantiser.GetRawText()) ?? throw ArchiveThrow.Format(file, at + ".quantiser", "is null", "the quantiser of the corrections"),
            Quantisation(Member(corrections, "quantisation", at), at + ".quantisation"),
            Int(corrections, "rows", at, 0),
            Int(corrections, "dims", at, 1),
            String(corrections, "target", at));
    }

    private LatentQuantisation Quantisation(JsonElement element, string at)
    {
        string text = AsString(element, at);
        return text switch
        {
            HeaderNames.Uniform => LatentQuantisation.Uniform,
            HeaderNames.Trellis => LatentQuantisation.Trellis,
            _ => throw ArchiveThrow.Format(file, at, $"is \"{text}\"", $"\"{HeaderNames.Uniform}\" or \"{HeaderNames.Trellis}\""),
        };
    }

    private JsonElement Member(JsonElement parent, string name, string at) =>
        parent.TryGetProperty(name, out JsonElement value)
            ? value
            : throw ArchiveThrow.Format(file, $"{at}.{name}", "is missing");

    private JsonElement Object(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.Object
            ? element
            : throw ArchiveThrow.Format(file, at, $"is a JSON {Kind(element)}", "a JSON object");

    private string String(JsonElement parent, string name, string at) => AsString(Member(parent, name, at), $"{at}.{name}");

    private string AsString(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw ArchiveThrow.Format(file, at, $"is a JSON {Kind(element)}", "a JSON string");

    private bool Bool(JsonElement parent, string name, string at)
    {
        JsonElement value = Member(parent, name, at);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ArchiveThrow.Format(file, $"{at}.{name}", $"is a JSON {Kind(value)}", "true or false"),
        };
    }

    private int Int(JsonElement parent, string name, string at, int minimum)
    {
        JsonElement value = Member(parent, name, at);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= minimum)
        {
            return number;
        }

        throw ArchiveThrow.Format(file, $"{at}.{name}", $"is {value.GetRawText()}", $"a whole number from {minimum} to {int.MaxValue}");
    }

    private string[] Strings(JsonElement parent, string name, string at)
    {
        JsonElement array = Member(parent, name, at);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw ArchiveThrow.Format(file, $"{at}.{name}", $"is a JSON {Kind(array)}", "a JSON array of strings");
        }

        var values = new string[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            values[i] = AsString(item, $"{at}.{name}[{i}]");
            i++;
        }

        return values;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
