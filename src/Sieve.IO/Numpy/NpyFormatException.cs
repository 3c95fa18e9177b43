using Sieve.Core.Errors;

namespace Sieve.IO.Numpy;

/// <summary>
/// A malformed or unsupported .npy/.npz file. <see cref="SieveDataException.Field"/> names the
/// part that is wrong (magic, version, header, descr, shape, data, or an .npz member).
/// </summary>
public sealed class NpyFormatException : SieveDataException
{
    /// <summary>Creates the exception; the message names file, part, problem and expectation.</summary>
    public NpyFormatException(string file, string? part, string problem, string? expected = null, Exception? inner = null)
        : base(file, null, part, problem, expected, inner)
    {
    }
}
