using System.Buffers.Binary;
using System.Security.Cryptography;
using Sieve.Compression.Archive.Internal;

namespace Sieve.Compression.Archive;

/// <summary>
/// Writes version 5 (chunked) archives as a stream: chunks are appended as they are coded, and the
/// footer (header with the totals, chunk index) comes last, so neither the row count nor the whole
/// table is needed up front. The bytes go to a temporary file beside the final name, which appears
/// only on <see cref="Complete"/>: an interrupted or failed run leaves nothing under that name.
/// </summary>
/// <remarks>
/// <see cref="Encode"/> is a pure function of its arguments, so chunks can be coded on all cores and
/// appended in order; the file is then the same with any number of threads.
/// </remarks>
public sealed class ChunkedArchiveWriter : IDisposable
{
    /// <summary>zstd level for the side channels of chunks: close to level 19 in size on event text, several times faster.</summary>
    public const int ChunkZstdLevel = 9;

    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private readonly List<ArchiveChunkEntry> _chunks = [];
    private long _rows;
    private bool _completed;

    private ChunkedArchiveWriter(string path)
    {
        _path = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(_path) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        _temporary = Path.Combine(folder, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> preamble = stackalloc byte[ArchiveFormat.PreambleSize];
        ArchiveFormat.Magic.CopyTo(preamble);
        BinaryPrimitives.WriteUInt16LittleEndian(preamble[8..], ArchiveFormat.ChunkedVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(preamble[10..], 0);
        _stream.Write(preamble);
    }

    /// <summary>Starts an archive that will appear at <paramref name="path"/> when completed.</summary>
    public static ChunkedArchiveWriter Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ChunkedArchiveWriter(path);
    }

    /// <summary>Rows appended so far.</summary>
    public long Rows => _rows;

    /// <summary>Chunks appended so far.</summary>
    public int ChunkCount => _chunks.Count;

    /// <summary>
    /// Codes one chunk. <paramref name="chunk"/> carries the archive's header with the chunk's row
    /// counts (<see cref="ChunkHeader"/>) and the chunk's rows; an embedded model is not part of a
    /// chunk (it goes to <see cref="Complete"/>).
    /// </summary>
    /// <param name="latentPlan">Coding plan for an int32 latent table; null = choose by measuring (the first chunk).</param>
    /// <param name="zstdLevel">zstd level of the side channels.</param>
    /// <exception cref="ArgumentException">The content is inconsistent, as for <see cref="ArchiveWriter.ToBytes"/>.</exception>
    public static EncodedChunk Encode(ArchiveContent chunk, IReadOnlyList<Coding.ColumnPlan>? latentPlan = null, int zstdLevel = ChunkZstdLevel)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArchiveContent rows = chunk with { Header = chunk.Header with { FormatVersion = ArchiveFormat.ChunkedVersion, ModelEmbedded = false }, EmbeddedModel = null };
        ArchiveContentValidator.Validate(rows);
        using var stream = new MemoryStream();
        IReadOnlyList<Coding.ColumnPlan>? plan;
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            plan = ArchiveWriter.WriteDataBlocks(writer, rows, withModel: false, latentPlan, zstdLevel);
        }

        return new EncodedChunk(stream.ToArray(), rows.Header.Latent.Rows, plan);
    }

    /// <summary>The archive's header with the row counts of one chunk (schema, latents, corrections) and version 5.</summary>
    public static ArchiveHeader ChunkHeader(ArchiveHeader header, int rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header with
        {
            FormatVersion = ArchiveFormat.ChunkedVersion,
            Schema = header.Schema with { RowCount = rows },
            Latent = header.Latent with { Rows = rows },
            Corrections = header.Corrections is { } c ? c with { Rows = rows } : null,
        };
    }

    /// <summary>Appends a coded chunk after the ones before it.</summary>
    public void Append(EncodedChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ObjectDisposedException.ThrowIf(_completed, this);
        AppendBytes(chunk.Bytes, chunk.Rows, SHA256.HashData(chunk.Bytes));
    }

    /// <summary>Appends a chunk's bytes as they are (concatenation: no re-coding); its digest was checked by the caller's reader.</summary>
    internal void AppendBytes(ReadOnlySpan<byte> bytes, int rows, byte[] sha256)
    {
        if (_rows + rows > int.MaxValue)
        {
            throw new ArgumentException($"the archive would hold more than {int.MaxValue} rows; split the input.");
        }

        _chunks.Add(new ArchiveChunkEntry(_stream.Position, bytes.Length, rows, sha256) { FirstRow = _rows });
        _stream.Write(bytes);
        _rows += rows;
    }

    /// <summary>
    /// Writes the footer (header with the totals, the embedded model if any, the chunk index) and
    /// the trailer, flushes to disk and renames the file to its final name.
    /// </summary>
    /// <exception cref="ArgumentException">The header's row counts are not the sum of the chunks', or it breaks a header rule.</exception>
    public void Complete(ArchiveHeader header, IReadOnlyList<EmbeddedFile>? embeddedModel = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ObjectDisposedException.ThrowIf(_completed, this);
        header = header with { FormatVersion = ArchiveFormat.ChunkedVersion };
        if (HeaderRules.FirstProblem(header) is { } problem)
        {
            throw ArchiveThrow.Content($"{problem.Field} {problem.Problem}; expected {problem.Expected}.");
        }

        if (header.Schema.RowCount != _rows || header.Latent.Rows != _rows)
        {
            throw ArchiveThrow.Content($"the header declares {header.Schema.RowCount} rows but the chunks hold {_rows}.");
        }

        if (header.ModelEmbedded != (embeddedModel is { Count: > 0 }))
        {
            throw ArchiveThrow.Content(header.ModelEmbedded ? "the header says the model is embedded but no model files are given." : "model files are given but the header does not say the model is embedded.");
        }

        long footerOffset = _stream.Position;
        using var footer = new MemoryStream();
        using (var writer = new BinaryWriter(footer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            byte[] headerJson = HeaderJsonWriter.Write(header);
            writer.Write((uint)headerJson.Length);
            writer.Write(headerJson);
            writer.Write((uint)(header.ModelEmbedded ? 1 : 0));
            if (header.ModelEmbedded)
            {
                ArchiveWriter.WriteModelBlock(writer, embeddedModel!);
            }

            writer.Write((uint)_chunks.Count);
            foreach (ArchiveChunkEntry chunk in _chunks)
            {
                writer.Write((ulong)chunk.Offset);
                writer.Write((ulong)chunk.Length);
                writer.Write((ulong)chunk.Rows);
                writer.Write(chunk.Sha256);
            }

            writer.Write((ulong)footerOffset);
        }

        byte[] covered = footer.ToArray();
        _stream.Write(covered);
        _stream.Write(SHA256.HashData(covered));
        _stream.Write(ArchiveFormat.EndMarker);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the file; an archive that was not completed is deleted, never left under its name.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _stream.Dispose();
            File.Delete(_temporary);
            _completed = true;
        }
    }

    /// <summary>
    /// Writes a whole table's content as a version 5 archive of chunks of <paramref name="rowsPerChunk"/>
    /// rows (the last may be shorter), coded on <paramref name="threads"/> cores with the first chunk's
    /// plan; the bytes do not depend on the number of threads.
    /// </summary>
    public static void WriteChunked(string path, ArchiveContent content, int rowsPerChunk, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        ArchiveHeader header = content.Header;
        int rows = header.Latent.Rows, dims = header.Latent.Dims, count = Math.Max(1, (rows + rowsPerChunk - 1) / rowsPerChunk);
        ArchiveContent Slice(int c)
        {
            int from = c * rowsPerChunk, n = Math.Min(rowsPerChunk, rows - from);
            return new ArchiveContent(ChunkHeader(header, n), content.Latents[(from * dims)..((from + n) * dims)],
                [.. content.SideChannels.Select(s => new Core.Tables.SideChannel(s.Name, [.. s.Values.Skip(from).Take(n)]))])
            {
                Corrections = content.Corrections is { } k ? k[(from * header.Corrections!.Dims)..((from + n) * header.Corrections.Dims)] : null,
            };
        }

        using ChunkedArchiveWriter writer = Create(path);
        EncodedChunk first = Encode(Slice(0));
        writer.Append(first);
        var coded = new EncodedChunk[count];
        Core.Parallelism.OrderedParallel.For(1, count, threads, c => coded[c] = Encode(Slice(c), first.LatentPlan));
        for (int c = 1; c < count; c++)
        {
            writer.Append(coded[c]);
        }

        writer.Complete(header, content.EmbeddedModel);
    }
}
