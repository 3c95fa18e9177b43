using Sieve.Compression.Archive.Internal;

namespace Sieve.Compression.Archive;

/// <summary>
/// Accounts for every byte of an archive; payloads are not decoded, except a version 4 latent table,
/// whose per-column bytes need its plan.
/// </summary>
public static class ArchiveInspector
{
    /// <summary>Inspects the archive at <paramref name="path"/>.</summary>
    /// <returns>
    /// The accounting. A file whose checksum does not match but whose structure still parses is
    /// returned with <see cref="ChecksumStatus.Mismatch"/>: its numbers describe a damaged file.
    /// </returns>
    /// <exception cref="ArchiveCorruptException">Truncated, or damaged so badly that its structure cannot be read.</exception>
    /// <exception cref="ArchiveFormatException">Intact but structurally invalid or of an unsupported version.</exception>
    public static ArchiveAccounting Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return InspectBytes(File.ReadAllBytes(path), path);
    }

    /// <summary>Inspects an archive in memory; <paramref name="displayName"/> names it in error messages.</summary>
    public static ArchiveAccounting InspectBytes(byte[] bytes, string displayName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(displayName);
        ChecksumStatus checksum = ArchiveIntegrity.Check(bytes, displayName);
        ArchiveLayout layout;
        try
        {
            layout = ArchiveLayoutParser.Parse(bytes, displayName);
        }
        catch (ArchiveFormatException e) when (checksum == ChecksumStatus.Mismatch)
        {
            throw ArchiveThrow.Corrupt(displayName, $"checksum mismatch, and the damaged structure cannot be read: {e.Problem}", e);
        }

        var columns = TableColumns(bytes, layout, layout.Blocks[0], checksum, latent: true);
        var corrections = layout.Blocks.FirstOrDefault(b => b.Kind == ArchiveBlockKind.Corrections) is { } block
            ? TableColumns(bytes, layout, block, checksum, latent: false) : null;
        var blocks = layout.Blocks
            .Select(b => new ArchiveBlockAccount(b.Kind, b.Name, b.Codec, b.StoredLength, b.RawLength))
            .ToList();
        return new ArchiveAccounting(
            FileBytes: bytes.LongLength,
            PreambleBytes: ArchiveFormat.PreambleSize,
            HeaderBytes: layout.HeaderLength,
            Blocks: blocks,
            FramingBytes: 4 + 4 + (ArchiveFormat.BlockFrameSize * blocks.Count),
            TrailerBytes: ArchiveFormat.TrailerSize,
            Checksum: checksum)
        {
            LatentColumns = columns?.Columns,
            LatentTableOverheadBytes = columns?.Overhead ?? 0,
            CorrectionColumns = corrections?.Columns,
            HeaderNormaliserBytes = NormaliserBytes(layout.Header),
        };
    }

    // The normaliser and the corrections' quantiser as the header writer writes them (compact JSON).
    private static int NormaliserBytes(ArchiveHeader header)
    {
        static int Size(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is null)
            {
                return 0;
            }

            using var stream = new MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
            {
                node.WriteTo(writer);
            }

            return (int)stream.Length;
        }

        return Size(header.Normaliser) + Size(header.Corrections?.Quantiser);
    }

    // Reads the plan of a version 4 latent table (which means decoding it); null for other blocks
    // or a damaged file, whose accounting stops at the block level.
    private static (IReadOnlyList<LatentColumnAccount> Columns, int Overhead)? TableColumns(byte[] bytes, ArchiveLayout layout, BlockLocation latents, ChecksumStatus checksum, bool latent)
    {
        ReadOnlySpan<byte> payload = bytes.AsSpan(latents.Offset, latents.StoredLength);
        if (checksum != ChecksumStatus.Valid || latents.Codec != ArchiveCodec.Entropy || !Coding.TableCoder.IsTable(payload))
        {
            return null;
        }

        Coding.TableDescription table;
        try
        {
            table = Coding.TableCoder.Describe(payload, (int)Math.Min(latents.RawLength / 4, int.MaxValue));
        }
        catch (Coding.EntropyBlockException)
        {
            return null;
        }

        ArchiveHeader header = layout.Header;
        bool features = !latent || (header.Latent.Dims == header.Schema.FeatureNames.Count && header.Model.InputSize == header.Model.LatentSize);
        string Name(int column) => features ? header.Schema.FeatureNames[column] : $"z{column}";
        var columns = table.Plan.Select((p, i) => new LatentColumnAccount(p.Column, Name(p.Column), table.ColumnBytes[i],
            p.Predictor is { } predictor ? Name(predictor.Source) : null, p.Context is { } context ? Name(context.Source) : null, p.Context?.Count ?? 1)).ToList();
        return (columns, table.OverheadBytes);
    }
}
