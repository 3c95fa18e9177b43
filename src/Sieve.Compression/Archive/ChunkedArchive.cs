using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Sieve.Compression.Archive.Internal;

namespace Sieve.Compression.Archive;

/// <summary>
/// Reads a version 5 (chunked) archive: the trailer and the footer (header, embedded model, chunk
/// index) are verified on opening; each chunk's SHA-256 is verified when the chunk is read, before
/// any of its bytes is interpreted. Chunks are read independently (seek, parallel decoding), and the
/// file is never loaded whole.
/// </summary>
public sealed class ChunkedArchive : IDisposable
{
    private readonly SafeFileHandle? _file;
    private readonly byte[]? _bytes;
    private readonly string _name;

    private ChunkedArchive(SafeFileHandle? file, byte[]? bytes, string name, long length)
    {
        _file = file;
        _bytes = bytes;
        _name = name;
        FileBytes = length;
        try
        {
            (Header, HeaderBytes, EmbeddedModel, ModelBlock, Chunks, FooterOffset) = ReadFooter();
        }
        catch
        {
            _file?.Dispose();
            throw;
        }
    }

    /// <summary>The archive's header; its row counts are the totals over all chunks.</summary>
    public ArchiveHeader Header { get; }

    /// <summary>The chunk index, in file (and row) order.</summary>
    public IReadOnlyList<ArchiveChunkEntry> Chunks { get; }

    /// <summary>The model's files when <see cref="ArchiveHeader.ModelEmbedded"/>; null otherwise.</summary>
    public IReadOnlyList<EmbeddedFile>? EmbeddedModel { get; }

    /// <summary>Size of the file.</summary>
    public long FileBytes { get; }

    /// <summary>Bytes of the header JSON.</summary>
    public int HeaderBytes { get; }

    /// <summary>Where the footer starts (the end of the last chunk).</summary>
    public long FooterOffset { get; }

    /// <summary>The embedded model's block (codec, stored and raw bytes), for accounting; null without.</summary>
    internal ArchiveBlockAccount? ModelBlock { get; }

    /// <summary>Whether the bytes start like a version 5 archive (magic and version field); says nothing about their integrity.</summary>
    public static bool IsChunked(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= ArchiveFormat.PreambleSize && bytes.StartsWith(ArchiveFormat.Magic)
        && BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]) == ArchiveFormat.ChunkedVersion;

    /// <summary>Whether the file at <paramref name="path"/> starts like a version 5 archive.</summary>
    public static bool IsChunked(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return false; // the caller's own read names the missing file
        }

        Span<byte> head = stackalloc byte[ArchiveFormat.PreambleSize];
        using FileStream stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && IsChunked(head);
    }

    /// <summary>Opens the archive at <paramref name="path"/> and verifies its footer.</summary>
    /// <exception cref="ArchiveCorruptException">Truncated, or the footer's checksum does not match.</exception>
    /// <exception cref="ArchiveFormatException">Intact but not readable: not version 5, malformed footer or index.</exception>
    public static ChunkedArchive Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            return new ChunkedArchive(file, null, path, RandomAccess.GetLength(file));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens an archive held in memory; <paramref name="displayName"/> names it in error messages.</summary>
    public static ChunkedArchive FromBytes(byte[] bytes, string displayName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(displayName);
        return new ChunkedArchive(null, bytes, displayName, bytes.LongLength);
    }

    /// <summary>The bytes of chunk <paramref name="index"/>, verified against its SHA-256.</summary>
    /// <exception cref="ArchiveCorruptException">The chunk's bytes do not match its checksum.</exception>
    public byte[] ChunkBytes(int index)
    {
        ArchiveChunkEntry entry = Chunks[index];
        byte[] bytes = ReadAt(entry.Offset, (int)entry.Length);
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), entry.Sha256))
        {
            throw ArchiveThrow.Corrupt(_name, $"checksum mismatch in chunk {index} (bytes {entry.Offset}..{entry.Offset + entry.Length - 1}, rows {entry.FirstRow + 1}..{entry.FirstRow + entry.Rows}): its SHA-256 is not the one the chunk index records");
        }

        return bytes;
    }

    /// <summary>Reads and decodes chunk <paramref name="index"/>: its header carries the chunk's row counts. Safe to call from several threads.</summary>
    /// <exception cref="ArchiveCorruptException">The chunk's bytes do not match its checksum.</exception>
    /// <exception cref="ArchiveFormatException">The chunk's blocks are malformed.</exception>
    public ArchiveContent ReadChunk(int index)
    {
        byte[] bytes = ChunkBytes(index);
        ArchiveHeader header = ChunkedArchiveWriter.ChunkHeader(Header, Chunks[index].Rows);
        var cursor = new ByteCursor(bytes, 0, bytes.Length, _name);
        List<BlockLocation> blocks = ArchiveLayoutParser.ReadBlocks(cursor, header, _name, withModel: false, $"chunk {index}, block", $"the end of chunk {index}");
        return ArchiveReader.Decode(bytes, new ArchiveLayout(header, 0, blocks), _name);
    }

    /// <summary>Block locations of chunk <paramref name="index"/>, for accounting (the chunk is verified, not decoded).</summary>
    internal (byte[] Bytes, List<BlockLocation> Blocks) ChunkLayout(int index)
    {
        byte[] bytes = ChunkBytes(index);
        ArchiveHeader header = ChunkedArchiveWriter.ChunkHeader(Header, Chunks[index].Rows);
        return (bytes, ArchiveLayoutParser.ReadBlocks(new ByteCursor(bytes, 0, bytes.Length, _name), header, _name, withModel: false, $"chunk {index}, block", $"the end of chunk {index}"));
    }

    /// <summary>Every chunk decoded and joined: the whole archive's content, as <see cref="ArchiveReader"/> gives it for older versions.</summary>
    public ArchiveContent ReadAll()
    {
        var parts = new ArchiveContent[Chunks.Count];
        Core.Parallelism.OrderedParallel.For(0, Chunks.Count, 0, i => parts[i] = ReadChunk(i));
        int rows = Header.Latent.Rows;
        var latents = new float[(long)rows * Header.Latent.Dims];
        int[]? corrections = Header.Corrections is { } c ? new int[(long)rows * c.Dims] : null;
        var channels = Header.Schema.SideChannelNames.Select(_ => new List<string>(rows)).ToArray();
        long at = 0, atCorrection = 0;
        foreach (ArchiveContent part in parts)
        {
            part.Latents.CopyTo(latents, at);
            at += part.Latents.Length;
            if (corrections is not null)
            {
                part.Corrections!.CopyTo(corrections, atCorrection);
                atCorrection += part.Corrections.Length;
            }

            for (int s = 0; s < channels.Length; s++)
            {
                channels[s].AddRange(part.SideChannels[s].Values);
            }
        }

        return new ArchiveContent(Header, latents, [.. Header.Schema.SideChannelNames.Select((n, s) => new Core.Tables.SideChannel(n, channels[s]))])
        {
            Corrections = corrections,
            EmbeddedModel = EmbeddedModel,
        };
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file?.Dispose();

    private byte[] ReadAt(long offset, int count)
    {
        var buffer = new byte[count];
        if (_bytes is not null)
        {
            Array.Copy(_bytes, offset, buffer, 0, count);
            return buffer;
        }

        int done = 0;
        while (done < count)
        {
            int read = RandomAccess.Read(_file!, buffer.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw ArchiveThrow.Corrupt(_name, $"truncated: the file ended while reading bytes {offset}..{offset + count - 1}");
            }

            done += read;
        }

        return buffer;
    }

    private (ArchiveHeader, int, IReadOnlyList<EmbeddedFile>?, ArchiveBlockAccount?, IReadOnlyList<ArchiveChunkEntry>, long) ReadFooter()
    {
        long length = FileBytes;
        if (length < ArchiveFormat.ChunkedMinimumSize)
        {
            throw ArchiveThrow.Corrupt(_name, $"truncated: the file is {length} bytes, shorter than the smallest possible version 5 archive ({ArchiveFormat.ChunkedMinimumSize} bytes)");
        }

        byte[] preamble = ReadAt(0, ArchiveFormat.PreambleSize);
        if (!IsChunked(preamble))
        {
            throw ArchiveThrow.Format(_name, "magic and version at bytes 0..9", "are not those of a version 5 archive", "the .sieve magic and version 5");
        }

        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(10));
        if (flags != 0)
        {
            throw ArchiveThrow.Format(_name, "flags at byte 10", $"are 0x{flags:X4}", "0x0000 in format version 5");
        }

        byte[] trailer = ReadAt(length - ArchiveFormat.ChunkedTrailerSize, ArchiveFormat.ChunkedTrailerSize);
        if (!trailer.AsSpan(trailer.Length - ArchiveFormat.EndMarker.Length).SequenceEqual(ArchiveFormat.EndMarker))
        {
            throw ArchiveThrow.Corrupt(_name, $"truncated or damaged at the end: the file ({length} bytes) does not end with the end marker \"SIEVEEND\", so its footer cannot be verified");
        }

        // The footer offset is the last thing the footer's digest covers: read it, then check the digest over [offset, L - 40).
        long coveredEnd = length - ArchiveFormat.ChecksumSize - ArchiveFormat.EndMarker.Length;
        ulong footerOffset = BinaryPrimitives.ReadUInt64LittleEndian(trailer);
        if (footerOffset < ArchiveFormat.PreambleSize || footerOffset > (ulong)(coveredEnd - 8 - 12))
        {
            throw ArchiveThrow.Corrupt(_name, $"the footer offset {footerOffset} lies outside the file ({length} bytes): damaged trailer");
        }

        long offset = (long)footerOffset;
        if (coveredEnd - offset > Array.MaxLength)
        {
            throw ArchiveThrow.Format(_name, "footer", $"is {coveredEnd - offset} bytes", $"at most {Array.MaxLength}");
        }

        byte[] footer = ReadAt(offset, (int)(coveredEnd - offset));
        byte[] stored = trailer.AsSpan(8, ArchiveFormat.ChecksumSize).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(footer), stored))
        {
            throw ArchiveThrow.Corrupt(_name, $"checksum mismatch: the SHA-256 of the footer (bytes {offset}..{coveredEnd - 1}) is {Convert.ToHexStringLower(SHA256.HashData(footer))} but the trailer records {Convert.ToHexStringLower(stored)}");
        }

        var cursor = new ByteCursor(footer, 0, footer.Length - 8, _name);
        uint headerLength = cursor.ReadUInt32("footer: header length");
        int headerAt = cursor.Position;
        cursor.Take(headerLength, "footer: header");
        ArchiveHeader header = new HeaderJsonReader(_name).Read(footer.AsMemory(headerAt, (int)headerLength));
        if (header.FormatVersion != ArchiveFormat.ChunkedVersion)
        {
            throw ArchiveThrow.Format(_name, "header.format_version", $"is {header.FormatVersion} but the file's version field is 5", "equal versions");
        }

        if (HeaderRules.FirstProblem(header) is { } problem)
        {
            throw ArchiveThrow.Format(_name, problem.Field, problem.Problem, problem.Expected);
        }

        uint shared = cursor.ReadUInt32("footer: shared block count");
        if (shared != (header.ModelEmbedded ? 1u : 0u))
        {
            throw ArchiveThrow.Format(_name, "footer: shared block count", $"is {shared}", header.ModelEmbedded ? "1 (the embedded model)" : "0 (no embedded model)");
        }

        IReadOnlyList<EmbeddedFile>? model = null;
        ArchiveBlockAccount? modelBlock = null;
        if (header.ModelEmbedded)
        {
            byte kind = cursor.ReadByte("footer: model block kind");
            byte codec = cursor.ReadByte("footer: model block codec");
            if (kind != (byte)ArchiveBlockKind.Model || codec is not ((byte)ArchiveCodec.Raw or (byte)ArchiveCodec.Zstd))
            {
                throw ArchiveThrow.Format(_name, "footer: model block", $"has kind {kind}, codec {codec}", "kind 4 (model), codec 0 (raw) or 1 (zstd)");
            }

            ulong storedLength = cursor.ReadUInt64("footer: model block stored length");
            ulong rawLength = cursor.ReadUInt64("footer: model block raw length");
            if (rawLength > long.MaxValue)
            {
                throw ArchiveThrow.Format(_name, "footer: model block", $"declares raw length {rawLength}", $"at most {long.MaxValue}");
            }

            int at = cursor.Position;
            cursor.Take(storedLength, "footer: model block payload");
            byte[] raw = BlockCodec.Decode(footer.AsSpan(at, (int)storedLength), (ArchiveCodec)codec, (long)rawLength, _name, "footer: model block");
            model = EmbeddedModelCodec.Decode(raw, _name, "footer: model block");
            modelBlock = new ArchiveBlockAccount(ArchiveBlockKind.Model, "model", (ArchiveCodec)codec, (long)storedLength, (long)rawLength);
        }

        uint count = cursor.ReadUInt32("footer: chunk count");
        if ((ulong)count * ArchiveFormat.ChunkIndexEntrySize != (ulong)cursor.Remaining)
        {
            throw ArchiveThrow.Format(_name, "footer: chunk count", $"is {count}, but {cursor.Remaining} bytes of index follow",
                $"{ArchiveFormat.ChunkIndexEntrySize} bytes per chunk, up to the footer offset");
        }

        var chunks = new List<ArchiveChunkEntry>((int)count);
        long expectedOffset = ArchiveFormat.PreambleSize, rows = 0;
        for (int i = 0; i < count; i++)
        {
            string field = $"footer: chunk index entry {i}";
            ulong chunkOffset = cursor.ReadUInt64(field + " offset");
            ulong chunkLength = cursor.ReadUInt64(field + " length");
            ulong chunkRows = cursor.ReadUInt64(field + " rows");
            byte[] sha = cursor.Take(ArchiveFormat.ChecksumSize, field + " SHA-256").ToArray();
            if (chunkOffset != (ulong)expectedOffset || chunkLength < 4 || chunkLength > (ulong)(offset - expectedOffset) || chunkLength > (ulong)Array.MaxLength)
            {
                throw ArchiveThrow.Format(_name, field, $"says bytes {chunkOffset}..+{chunkLength}",
                    $"a chunk starting at byte {expectedOffset}, right after the one before it, and ending by the footer at byte {offset}");
            }

            if (chunkRows > int.MaxValue || rows + (long)chunkRows > int.MaxValue)
            {
                throw ArchiveThrow.Format(_name, field, $"declares {chunkRows} rows", $"at most {int.MaxValue} rows in all");
            }

            chunks.Add(new ArchiveChunkEntry((long)chunkOffset, (long)chunkLength, (int)chunkRows, sha) { FirstRow = rows });
            expectedOffset += (long)chunkLength;
            rows += (long)chunkRows;
        }

        if (expectedOffset != offset)
        {
            throw ArchiveThrow.Format(_name, "footer: chunk index", $"covers bytes {ArchiveFormat.PreambleSize}..{expectedOffset - 1}", $"every byte from {ArchiveFormat.PreambleSize} to the footer at {offset}");
        }

        if (rows != header.Latent.Rows || rows != header.Schema.RowCount)
        {
            throw ArchiveThrow.Format(_name, "header.schema.row_count", $"is {header.Schema.RowCount} but the chunks hold {rows} rows", "the sum of the chunks' rows");
        }

        return (header, (int)headerLength, model, modelBlock, chunks, offset);
    }
}
