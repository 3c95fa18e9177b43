namespace Sieve.Compression.Archive.Internal;

/// <summary>One broken rule of a header: which member, what is wrong, what was expected.</summary>
internal sealed record HeaderProblem(string Field, string Problem, string Expected);
