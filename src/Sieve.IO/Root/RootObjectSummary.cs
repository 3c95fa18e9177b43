namespace Sieve.IO.Root;

/// <summary>An object that is not a readable tree.</summary>
/// <param name="Path">Path in the file.</param>
/// <param name="ClassName">C++ class.</param>
/// <param name="Note">Why Sieve does not read it, when that needs saying (e.g. "RNTuple is not supported yet").</param>
public sealed record RootObjectSummary(string Path, string ClassName, string? Note);
