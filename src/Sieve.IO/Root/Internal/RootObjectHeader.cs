namespace Sieve.IO.Root.Internal;

/// <summary>The byte count and version at the start of a streamed object; End is null without a byte count.</summary>
internal readonly record struct RootObjectHeader(string ClassName, short Version, int Start, int? End);
