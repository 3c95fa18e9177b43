using System.Text;
using Sieve.Compression.Archive.Internal;

namespace Sieve.Compression.Archive;

/// <summary>
/// Joins version 5 archives of shards into one without re-coding anything: the chunks are copied
/// byte for byte (each verified against its checksum on the way) and a new footer indexes them all.
/// Only archives that differ in nothing but their row counts join: the same columns, the same
/// quantiser or model, the same options; the result decompresses to the inputs' rows in order.
/// </summary>
public static class ArchiveConcat
{
    /// <summary>Writes the concatenation of <paramref name="inputs"/> to <paramref name="output"/> (atomically); returns its rows.</summary>
    /// <param name="bytesDone">Receives the bytes of chunks copied so far.</param>
    /// <exception cref="ArgumentException">Fewer than one input, an input that is not version 5, or inputs that differ in more than their rows.</exception>
    /// <exception cref="ArchiveCorruptException">An input's footer or a chunk does not match its checksum (nothing is written).</exception>
    public static long Concat(IReadOnlyList<string> inputs, string output, IProgress<long>? bytesDone = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("concat needs at least one archive.");
        }

        var archives = new List<ChunkedArchive>();
        try
        {
            foreach (string input in inputs)
            {
                if (!File.Exists(input))
                {
                    throw new FileNotFoundException($"archive {input} does not exist.", input);
                }

                if (!ChunkedArchive.IsChunked(input))
                {
                    throw new ArgumentException($"{input} is not a chunked (version 5) archive; only chunked archives concatenate without re-coding. Compress its input again with this sieve.");
                }

                archives.Add(ChunkedArchive.Open(input));
            }

            ArchiveHeader first = archives[0].Header;
            string reference = Comparable(first);
            for (int i = 1; i < archives.Count; i++)
            {
                if (Comparable(archives[i].Header) != reference)
                {
                    throw new ArgumentException($"{inputs[i]} differs from {inputs[0]} in more than its rows ({Difference(first, archives[i].Header)}); " +
                        "only shards written with the same columns, quantiser or model and options concatenate. Compress every shard with the quantiser of the first (--steps-from).");
                }

                if (!SameModel(archives[0].EmbeddedModel, archives[i].EmbeddedModel))
                {
                    throw new ArgumentException($"{inputs[i]} embeds other model files than {inputs[0]}.");
                }
            }

            long rows = archives.Sum(a => (long)a.Header.Latent.Rows);
            if (rows > int.MaxValue)
            {
                throw new ArgumentException($"the inputs hold {rows} rows together, more than an archive holds ({int.MaxValue}).");
            }

            using ChunkedArchiveWriter writer = ChunkedArchiveWriter.Create(output);
            long done = 0;
            foreach (ChunkedArchive archive in archives)
            {
                for (int c = 0; c < archive.Chunks.Count; c++)
                {
                    byte[] bytes = archive.ChunkBytes(c);
                    writer.AppendBytes(bytes, archive.Chunks[c].Rows, archive.Chunks[c].Sha256);
                    done += bytes.Length;
                    bytesDone?.Report(done);
                }
            }

            writer.Complete(ChunkedArchiveWriter.ChunkHeader(first, (int)rows), archives[0].EmbeddedModel);
            return rows;
        }
        finally
        {
            foreach (ChunkedArchive archive in archives)
            {
                archive.Dispose();
            }
        }
    }

    // The header's bytes with every row count set to 0: equal for shards of one compression.
    private static string Comparable(ArchiveHeader header) =>
        Encoding.UTF8.GetString(HeaderJsonWriter.Write(ChunkedArchiveWriter.ChunkHeader(header, 0)));

    private static string Difference(ArchiveHeader a, ArchiveHeader b) =>
        a.Tool != b.Tool ? $"written by {a.Tool} and {b.Tool}"
        : !a.Schema.FeatureNames.SequenceEqual(b.Schema.FeatureNames) ? "other features"
        : !a.Schema.SideChannelNames.SequenceEqual(b.Schema.SideChannelNames) ? "other side channels"
        : a.Model.Sha256 != b.Model.Sha256 ? "another quantiser or model"
        : "other options or encoding";

    private static bool SameModel(IReadOnlyList<EmbeddedFile>? a, IReadOnlyList<EmbeddedFile>? b) =>
        a is null ? b is null : b is not null && a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes));
}
