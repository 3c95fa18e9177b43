namespace Sieve.IO.Root.Internal;

/// <summary>
/// A decoded basket: the entries [EntryStart, EntryStart + EntryCount) of one branch. Offsets,
/// when present, give each entry's first byte in Data (EntryCount + 1 values, the last = Border).
/// </summary>
internal sealed record Basket(long EntryStart, int EntryCount, byte[] Data, int Border, int[]? Offsets);
