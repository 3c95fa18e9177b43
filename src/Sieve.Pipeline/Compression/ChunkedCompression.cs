using Sieve.Compression.Archive;
using Sieve.Compression.Coding;
using Sieve.Core.Layouts;

namespace Sieve.Pipeline;

/// <summary>One chunk of the input ready to code: its rows after --drop-columns and --missing, and the presence mask of its cells (null: all present).</summary>
internal sealed record PreparedChunk(LoadedInput Input, float[]? Present);

/// <summary>A chunk's latents (row-major) and, per feature, the sum of squared errors and the number of values counted.</summary>
internal sealed record ChunkLatents(float[] Latents, double[] SquaredErrors, long[] Counted);

/// <summary>What one pass over the chunks wrote: rows, chunks, the errors per feature summed over the whole input, dropped objects.</summary>
internal sealed record ChunkPass(long Rows, int Chunks, double[] SquaredErrors, long[] Counted, DroppedObjects? Dropped, bool Completed)
{
    /// <summary>The RMS error of a feature over the whole input (0 when nothing was counted).</summary>
    public double Rms(int feature) => Counted[feature] == 0 ? 0 : Math.Sqrt(SquaredErrors[feature] / Counted[feature]);
}

/// <summary>
/// The pass that turns a stream of chunks into a version 5 archive in bounded memory: a batch of
/// chunks is read, coded on all cores (latents by the caller's pure function, then
/// <see cref="ChunkedArchiveWriter.Encode"/> with the first chunk's coding plan), and appended in
/// file order, so the archive does not depend on the number of threads. Errors are summed over
/// the chunks in file order; the caller decides from them whether the archive is completed (the
/// targets are met) or dropped (nothing appears under its name).
/// </summary>
internal static class ChunkedCompression
{
    /// <param name="header">The archive's header; its row counts are replaced per chunk and by the totals at the end.</param>
    /// <param name="code">The latents of one chunk: must depend on the chunk alone (it runs on any thread, in any order).</param>
    /// <param name="accept">Whether to complete the archive after the last chunk; false drops it.</param>
    public static ChunkPass Write(IEnumerable<PreparedChunk> chunks, ArchiveHeader header, Func<PreparedChunk, ChunkLatents> code, string archivePath,
        int threads, Func<ChunkPass, bool> accept)
    {
        int dims = header.Latent.Dims;
        int batchSize = 2 * (threads > 0 ? threads : Environment.ProcessorCount);
        var squaredErrors = new double[dims];
        var counted = new long[dims];
        DroppedObjects? dropped = null;
        IReadOnlyList<ColumnPlan>? plan = null;
        using ChunkedArchiveWriter writer = ChunkedArchiveWriter.Create(archivePath);

        (EncodedChunk Bytes, ChunkLatents Latents) CodeOne(PreparedChunk chunk)
        {
            ChunkLatents latents = code(chunk);
            var content = new ArchiveContent(ChunkedArchiveWriter.ChunkHeader(header, chunk.Input.Table.RowCount), latents.Latents, chunk.Input.Table.SideChannels);
            return (ChunkedArchiveWriter.Encode(content, plan), latents);
        }

        void Flush(List<PreparedChunk> batch)
        {
            var coded = new (EncodedChunk Bytes, ChunkLatents Latents)[batch.Count];
            int start = 0;
            if (writer.ChunkCount == 0 && batch.Count > 0)
            {
                // The first chunk chooses the coding plan by measuring; every later chunk codes with it.
                coded[0] = CodeOne(batch[0]);
                plan = coded[0].Bytes.LatentPlan;
                start = 1;
            }

            Core.Parallelism.OrderedParallel.For(start, batch.Count, threads, i => coded[i] = CodeOne(batch[i]));
            for (int i = 0; i < batch.Count; i++)
            {
                writer.Append(coded[i].Bytes);
                for (int f = 0; f < dims; f++)
                {
                    squaredErrors[f] += coded[i].Latents.SquaredErrors[f];
                    counted[f] += coded[i].Latents.Counted[f];
                }

                if (batch[i].Input.Dropped is { } d)
                {
                    dropped = dropped is null ? d : dropped.Plus(d);
                }
            }

            batch.Clear();
        }

        // Reading (parsing text) is serial: the next batch is read while this one is coded, so
        // the reader and the coders overlap instead of taking turns.
        using IEnumerator<PreparedChunk> source = chunks.GetEnumerator();
        List<PreparedChunk> ReadBatch()
        {
            var batch = new List<PreparedChunk>(batchSize);
            while (batch.Count < batchSize && source.MoveNext())
            {
                batch.Add(source.Current);
            }

            return batch;
        }

        Task<List<PreparedChunk>> next = Task.Run(ReadBatch);
        while (true)
        {
            List<PreparedChunk> batch = next.GetAwaiter().GetResult();
            if (batch.Count == 0)
            {
                break;
            }

            next = Task.Run(ReadBatch);
            try
            {
                Flush(batch);
            }
            catch
            {
                // Let the reader finish its batch before the enumerator is disposed under it.
                next.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
                throw;
            }
        }

        var pass = new ChunkPass(writer.Rows, writer.ChunkCount, squaredErrors, counted, dropped, Completed: false);
        if (!accept(pass))
        {
            return pass; // disposing the writer deletes the unfinished file
        }

        // The writer refuses to append past int.MaxValue rows, so the total fits.
        writer.Complete(ChunkedArchiveWriter.ChunkHeader(header, (int)writer.Rows));
        return pass with { Completed = true };
    }
}
