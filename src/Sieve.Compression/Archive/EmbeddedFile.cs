namespace Sieve.Compression.Archive;

/// <summary>One file of a model embedded in an archive (version 4), e.g. model.json or weights.bin.</summary>
/// <param name="Name">File name, no folders (1..255 UTF-8 bytes, no '/', '\\' or "..").</param>
/// <param name="Bytes">The file's bytes.</param>
public sealed record EmbeddedFile(string Name, byte[] Bytes);
