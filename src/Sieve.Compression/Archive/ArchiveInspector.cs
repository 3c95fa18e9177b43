using Sieve.Compression.Archive.Internal;

namespace Sieve.Compression.Archive;

/// <summary>
/// Accounts for every byte of an archive; payloads are not decoded, except a version 4 latent table,
/// whose per-column bytes need its plan.
/// </summary>
public static class ArchiveInspector
{
    /// <summary>Inspects the archive at <paramref name="path"/> (version 5 chunk by chunk, never the whole file in memory).</summary>
    /// <returns>
    /// The accounting. A file whose checksum does not match but whose structure still parses is
    /// returned with <see cref="ChecksumStatus.Mismatch"/>: its numbers describe a damaged file.
    /// </returns>
    /// <exception cref="ArchiveCorruptException">Truncated, or damaged so badly that its structure cannot be read.</exception>
    /// <exception cref="ArchiveFormatException">Intact but structurally invalid or of an unsupported version.</exception>
    public static ArchiveAccounting Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (ChunkedArchive.IsChunked(path))
        {
            using ChunkedArchive chunked = ChunkedArchive.Open(path);
            return InspectChunked(chunked, path);
        }

        return InspectBytes(File.ReadAllBytes(path), path);
    }

    // Version 5: blocks of the same name summed over the chunks; every chunk's checksum verified
    // (a damaged chunk makes the whole file Mismatch, and its structure is not read).
    private static ArchiveAccounting InspectChunked(ChunkedArchive archive, string displayName)
    {
        var sums = new Dictionary<string, ArchiveBlockAccount>();
        var order = new List<string>();
        var codecBytes = new Dictionary<string, Dictionary<ArchiveCodec, long>>();
        var columnBytes = new Dictionary<int, long>();
        (IReadOnlyList<LatentColumnAccount> Columns, int Overhead)? firstColumns = null;
        var correctionBytes = new Dictionary<int, long>();
        (IReadOnlyList<LatentColumnAccount> Columns, int Overhead)? firstCorrections = null;
        long tableOverhead = 0, rawPerColumn = 0;
        long framing = 0;
        ChecksumStatus checksum = ChecksumStatus.Valid;
        for (int i = 0; i < archive.Chunks.Count; i++)
        {
            byte[] bytes;
            List<BlockLocation> blocks;
            try
            {
                (bytes, blocks) = archive.ChunkLayout(i);
            }
            catch (ArchiveCorruptException)
            {
                checksum = ChecksumStatus.Mismatch;
                continue;
            }

            framing += 4 + (ArchiveFormat.BlockFrameSize * blocks.Count);
            var layout = new ArchiveLayout(ChunkedArchiveWriter.ChunkHeader(archive.Header, archive.Chunks[i].Rows), 0, blocks);
            foreach (BlockLocation b in blocks)
            {
                if (!sums.TryGetValue(b.Name, out ArchiveBlockAccount? sum))
                {
                    order.Add(b.Name);
                    sum = new ArchiveBlockAccount(b.Kind, b.Name, b.Codec, 0, 0);
                    codecBytes[b.Name] = [];
                }

                sums[b.Name] = sum with { StoredBytes = sum.StoredBytes + b.StoredLength, RawBytes = sum.RawBytes + b.RawLength };
                codecBytes[b.Name][b.Codec] = codecBytes[b.Name].GetValueOrDefault(b.Codec) + b.StoredLength;
            }

            if (blocks[0].Codec == ArchiveCodec.Raw)
            {
                // A small chunk whose table would cost more than raw int32: 4 bytes per value of every column.
                rawPerColumn += blocks[0].StoredLength / Math.Max(1, archive.Header.Latent.Dims);
            }
            else if (TableColumns(bytes, layout, blocks[0], ChecksumStatus.Valid, latent: true) is { } columns)
            {
                firstColumns ??= columns;
                Accumulate(columnBytes, columns.Columns);
                tableOverhead += columns.Overhead;
            }

            if (blocks.FirstOrDefault(b => b.Kind == ArchiveBlockKind.Corrections) is { } block
                && TableColumns(bytes, layout, block, ChecksumStatus.Valid, latent: false) is { } corrections)
            {
                firstCorrections ??= corrections;
                Accumulate(correctionBytes, corrections.Columns);
            }
        }

        // Chunks may store a block differently (zstd here, raw there): name the codec that holds most of its bytes.
        var accounts = order.Select(n => sums[n] with { Codec = codecBytes[n].MaxBy(c => c.Value).Key }).ToList();
        if (archive.ModelBlock is { } model)
        {
            accounts.Add(model);
            framing += ArchiveFormat.BlockFrameSize;
        }

        // Footer framing: header length, shared block count, chunk count and index, footer offset.
        framing += 4 + 4 + 4 + ((long)ArchiveFormat.ChunkIndexEntrySize * archive.Chunks.Count) + 8;
        return new ArchiveAccounting(
            FileBytes: archive.FileBytes,
            PreambleBytes: ArchiveFormat.PreambleSize,
            HeaderBytes: archive.HeaderBytes,
            Blocks: accounts,
            FramingBytes: (int)framing,
            TrailerBytes: ArchiveFormat.ChecksumSize + ArchiveFormat.EndMarker.Length,
            Checksum: checksum)
        {
            LatentColumns = checksum == ChecksumStatus.Valid ? Summed(firstColumns?.Columns, columnBytes, rawPerColumn) : null,
            LatentTableOverheadBytes = checksum == ChecksumStatus.Valid ? (int)tableOverhead : 0,
            CorrectionColumns = checksum == ChecksumStatus.Valid ? Summed(firstCorrections?.Columns, correctionBytes, 0) : null,
            HeaderNormaliserBytes = NormaliserBytes(archive.Header),
            Chunks = archive.Chunks.Count,
        };
    }

    private static void Accumulate(Dictionary<int, long> bytes, IReadOnlyList<LatentColumnAccount> columns)
    {
        foreach (LatentColumnAccount c in columns)
        {
            bytes[c.Column] = bytes.GetValueOrDefault(c.Column) + c.Bytes;
        }
    }

    // The first chunk's plan (later chunks reuse it) with each column's bytes summed over the chunks.
    private static IReadOnlyList<LatentColumnAccount>? Summed(IReadOnlyList<LatentColumnAccount>? first, Dictionary<int, long> bytes, long raw) =>
        first?.Select(c => c with { Bytes = bytes[c.Column] + raw }).ToList();

    /// <summary>Inspects an archive in memory; <paramref name="displayName"/> names it in error messages.</summary>
    public static ArchiveAccounting InspectBytes(byte[] bytes, string displayName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(displayName);
        if (ChunkedArchive.IsChunked(bytes))
        {
            using ChunkedArchive chunked = ChunkedArchive.FromBytes(bytes, displayName);
            return InspectChunked(chunked, displayName);
        }

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
