using Sieve.Core.Errors;

namespace Sieve.IO.Root;

/// <summary>
/// A malformed, truncated or unsupported ROOT file. <see cref="SieveDataException.Field"/> names
/// the part that is wrong: the file header, a key, a directory, a tree, a branch or a basket.
/// </summary>
public sealed class RootFormatException : SieveDataException
{
    /// <summary>Creates the exception; the message names file, part, problem and expectation.</summary>
    public RootFormatException(string file, string? part, string problem, string? expected = null, Exception? inner = null)
        : base(file, null, part, problem, expected, inner)
    {
    }
}
