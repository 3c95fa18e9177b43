namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Consistency rules of a header, shared by the writer (which throws ArgumentException) and the
/// reader (which throws ArchiveFormatException).
/// </summary>
internal static class HeaderRules
{
    public static HeaderProblem? FirstProblem(ArchiveHeader header)
    {
        int expected = header.Latent is null ? 1 : ArchiveFormat.VersionFor(header.Latent.DType);
        if (header.Latent is not null && header.Latent.Quantisation != LatentQuantisation.Uniform
            && (header.Latent.DType != LatentDType.Int32 || header.FormatVersion < 4))
        {
            return new("header.latent.quantisation", $"is {HeaderNames.Quantisation(header.Latent.Quantisation)}", "\"uniform\" unless the latents are int32 in format version 4");
        }

        if (header.Latent?.Steps is { } steps
            && (header.Latent.DType != LatentDType.Int32 || header.FormatVersion < 4 || steps.Count != header.Latent.Dims || steps.Any(s => !double.IsFinite(s) || s <= 0)))
        {
            return new("header.latent.steps", $"are {steps.Count} values for {header.Latent.DType.ToString().ToLowerInvariant()} latents of {header.Latent.Dims} dims in version {header.FormatVersion}",
                "one finite positive step per dimension, int32 latents, version 4");
        }

        if (header.ModelEmbedded && header.FormatVersion < 4)
        {
            return new("header.model_embedded", $"is true in format version {header.FormatVersion}", "an embedded model only in version 4 or later");
        }

        if (header.Corrections is { } corrections)
        {
            if (header.FormatVersion < 4)
            {
                return new("header.corrections", $"are present in format version {header.FormatVersion}", "corrections only in version 4 or later");
            }

            if (header.Schema is not null && (corrections.Rows != header.Schema.RowCount || corrections.Dims != header.Schema.FeatureNames.Count))
            {
                return new("header.corrections", $"have shape ({corrections.Rows}, {corrections.Dims})",
                    $"({header.Schema.RowCount}, {header.Schema.FeatureNames.Count}): one correction per row and feature");
            }
        }
        else if (!header.ModelEmbedded && (header.Latent is null ? header.FormatVersion != 1 : !ArchiveFormat.Allows(header.FormatVersion, header.Latent.DType)))
        {
            return new("header.format_version", $"is {header.FormatVersion}", $"{expected} for {header.Latent?.DType.ToString().ToLowerInvariant() ?? "float32"} latents");
        }

        if (header.Tool is null)
        {
            return new("header.tool", "is null", "a string such as \"sieve 0.1.0\"");
        }

        return header.Schema is null ? new("header.schema", "is null", "a schema")
            : header.Model is null ? new("header.model", "is null", "a model identity")
            : header.Latent is null ? new("header.latent", "is null", "a latent encoding")
            : SchemaProblem(header.Schema) ?? ModelProblem(header.Model) ?? LatentProblem(header);
    }

    private static HeaderProblem? SchemaProblem(ArchiveSchema schema)
    {
        const string at = "header.schema";
        if (string.IsNullOrEmpty(schema.InputFormat))
        {
            return new($"{at}.input_format", "is empty", "the source format, e.g. \"csv\"");
        }

        if (string.IsNullOrEmpty(schema.EnergyUnit))
        {
            return new($"{at}.energy_unit", "is empty", "a unit such as \"GeV\" or \"MeV\"");
        }

        HeaderProblem? lists = ListProblem(schema.ColumnOrder, $"{at}.column_order")
            ?? ListProblem(schema.FeatureNames, $"{at}.feature_names")
            ?? ListProblem(schema.SideChannelNames, $"{at}.side_channel_names");
        if (lists is not null)
        {
            return lists;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in schema.SideChannelNames)
        {
            if (!seen.Add(name))
            {
                return new($"{at}.side_channel_names", $"names \"{name}\" twice", "unique side channel names");
            }
        }

        if (schema.RowCount < 0)
        {
            return new($"{at}.row_count", $"is {schema.RowCount}", "0 or more");
        }

        if (schema.FormatOptions is null)
        {
            return new($"{at}.format_options", "is null", "a (possibly empty) map of strings");
        }

        foreach (KeyValuePair<string, string> option in schema.FormatOptions)
        {
            if (option.Key is null || option.Value is null)
            {
                return new($"{at}.format_options", "holds a null key or value", "strings only");
            }
        }

        return null;
    }

    private static HeaderProblem? ListProblem(IReadOnlyList<string> list, string at)
    {
        if (list is null)
        {
            return new(at, "is null", "a (possibly empty) list of strings");
        }

        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                return new($"{at}[{i}]", "is null", "a string");
            }
        }

        return null;
    }

    private static HeaderProblem? ModelProblem(ModelIdentity model)
    {
        const string at = "header.model";
        if (string.IsNullOrEmpty(model.Name))
        {
            return new($"{at}.name", "is empty", "the model's catalogue name");
        }

        if (model.Sha256 is null || model.Sha256.Length != 64 || !model.Sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return new($"{at}.sha256", $"is \"{model.Sha256}\"", "64 lowercase hex digits (SHA-256 of the checkpoint)");
        }

        return model.InputSize < 1 ? new($"{at}.input_size", $"is {model.InputSize}", "1 or more")
            : model.LatentSize < 1 ? new($"{at}.latent_size", $"is {model.LatentSize}", "1 or more")
            : null;
    }

    private static HeaderProblem? LatentProblem(ArchiveHeader header)
    {
        const string at = "header.latent";
        LatentEncoding latent = header.Latent;
        if (latent.DType is not (LatentDType.Float32 or LatentDType.Float16 or LatentDType.Int32))
        {
            return new($"{at}.dtype", $"is {latent.DType}", "float32, float16 or int32");
        }

        if (latent.Rows != header.Schema.RowCount)
        {
            return new($"{at}.rows", $"is {latent.Rows} but header.schema.row_count is {header.Schema.RowCount}", "one latent row per table row");
        }

        if (latent.Dims != header.Model.LatentSize)
        {
            return new($"{at}.dims", $"is {latent.Dims} but header.model.latent_size is {header.Model.LatentSize}", "the model's latent width");
        }

        return (long)latent.Rows * latent.Dims > Array.MaxLength
            ? new(at, $"rows x dims = {(long)latent.Rows * latent.Dims} values", $"at most {Array.MaxLength} values per archive")
            : null;
    }
}
