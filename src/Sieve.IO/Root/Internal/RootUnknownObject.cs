namespace Sieve.IO.Root.Internal;

/// <summary>An object of a class the reader does not model; skipped by its byte count, its class kept for messages.</summary>
internal sealed record RootUnknownObject(string ClassName);
