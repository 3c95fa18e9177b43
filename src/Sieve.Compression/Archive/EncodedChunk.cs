namespace Sieve.Compression.Archive;

/// <summary>One chunk of a version 5 archive, coded and ready to append (<see cref="ChunkedArchiveWriter.Encode"/>).</summary>
/// <param name="Bytes">The chunk as it goes into the file: block count and blocks.</param>
/// <param name="Rows">Rows the chunk holds.</param>
/// <param name="LatentPlan">The coding plan of its int32 latent table (to code the next chunks with); null for other latents.</param>
public sealed record EncodedChunk(byte[] Bytes, int Rows, IReadOnlyList<Coding.ColumnPlan>? LatentPlan);
