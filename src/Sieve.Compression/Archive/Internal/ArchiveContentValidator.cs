using Sieve.Core.Tables;

namespace Sieve.Compression.Archive.Internal;

/// <summary>Checks content before writing; every problem is an ArgumentException saying what and where.</summary>
internal static class ArchiveContentValidator
{
    public static void Validate(ArchiveContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Header is null || content.Latents is null || content.SideChannels is null)
        {
            throw ArchiveThrow.Content("Header, Latents and SideChannels must all be set.");
        }

        ArchiveHeader header = content.Header;
        if (HeaderRules.FirstProblem(header) is { } problem)
        {
            throw ArchiveThrow.Content($"{problem.Field} {problem.Problem}; expected {problem.Expected}.");
        }

        int rows = header.Latent.Rows;
        int dims = header.Latent.Dims;
        if (content.Latents.LongLength != (long)rows * dims)
        {
            throw ArchiveThrow.Content($"Latents has {content.Latents.Length} values; expected rows {rows} x dims {dims} = {(long)rows * dims}.");
        }

        for (int i = 0; i < content.Latents.Length; i++)
        {
            if (!float.IsFinite(content.Latents[i]))
            {
                throw ArchiveThrow.Content($"latent at row {i / dims}, dim {i % dims} is {content.Latents[i]}; expected a finite number.");
            }

            if (header.Latent.DType == LatentDType.Int32
                && (content.Latents[i] != MathF.Round(content.Latents[i]) || Math.Abs(content.Latents[i]) >= ArchiveFormat.MaxIntegerLatent))
            {
                throw ArchiveThrow.Content($"latent at row {i / dims}, dim {i % dims} is {content.Latents[i]}; int32 latents must be integers below 2^24 in magnitude.");
            }

            if (header.Latent.DType == LatentDType.Float16 && !Half.IsFinite((Half)content.Latents[i]))
            {
                throw ArchiveThrow.Content($"latent at row {i / dims}, dim {i % dims} is {content.Latents[i]}, beyond float16's range (+-65504); store float32 latents.");
            }
        }

        if ((header.Corrections is null) != (content.Corrections is null))
        {
            throw ArchiveThrow.Content(header.Corrections is null ? "Corrections are given but the header declares none." : "The header declares corrections but none are given.");
        }

        if (header.Corrections is { } corrections && content.Corrections!.LongLength != (long)corrections.Rows * corrections.Dims)
        {
            throw ArchiveThrow.Content($"Corrections has {content.Corrections.Length} values; expected rows {corrections.Rows} x dims {corrections.Dims}.");
        }

        if (header.ModelEmbedded != (content.EmbeddedModel is { Count: > 0 }))
        {
            throw ArchiveThrow.Content(header.ModelEmbedded ? "The header says the model is embedded but no model files are given." : "Model files are given but the header does not say the model is embedded.");
        }

        foreach (EmbeddedFile file in content.EmbeddedModel ?? [])
        {
            if (EmbeddedModelCodec.NameProblem(file.Name) is { } nameProblem)
            {
                throw ArchiveThrow.Content($"embedded file name '{file.Name}' {nameProblem}.");
            }
        }

        if (content.EmbeddedModel is { } files && files.Select(f => f.Name).Distinct().Count() != files.Count)
        {
            throw ArchiveThrow.Content("embedded file names must be unique.");
        }

        ValidateSideChannels(content.SideChannels, header.Schema.SideChannelNames, rows);
    }

    private static void ValidateSideChannels(IReadOnlyList<SideChannel> channels, IReadOnlyList<string> names, int rows)
    {
        if (channels.Count != names.Count)
        {
            throw ArchiveThrow.Content($"{channels.Count} side channels given but header.schema.side_channel_names lists {names.Count}.");
        }

        for (int c = 0; c < channels.Count; c++)
        {
            SideChannel channel = channels[c] ?? throw ArchiveThrow.Content($"side channel {c} is null.");
            if (channel.Name != names[c])
            {
                throw ArchiveThrow.Content($"side channel {c} is named '{channel.Name}' but header.schema.side_channel_names[{c}] is '{names[c]}'; the order must match.");
            }

            if (channel.Values is null || channel.Values.Count != rows)
            {
                throw ArchiveThrow.Content($"side channel '{channel.Name}' has {channel.Values?.Count ?? 0} rows; expected {rows} (header.latent.rows).");
            }

            for (int row = 0; row < rows; row++)
            {
                if (channel.Values[row] is null)
                {
                    throw ArchiveThrow.Content($"side channel '{channel.Name}' row {row} is null; expected a string (empty is fine).");
                }
            }
        }
    }
}
