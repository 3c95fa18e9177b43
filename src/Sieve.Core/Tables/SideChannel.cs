namespace Sieve.Core.Tables;

/// <summary>
/// A column kept losslessly beside the features (ids, labels, weights): the exact text of every
/// row as it stood in the source, so a decompressed file reproduces it byte for byte.
/// </summary>
/// <param name="Name">Column name from the source header.</param>
/// <param name="Values">One verbatim value per row.</param>
public sealed record SideChannel(string Name, IReadOnlyList<string> Values);
