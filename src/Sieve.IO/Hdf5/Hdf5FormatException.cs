using Sieve.Core.Errors;

namespace Sieve.IO.Hdf5;

/// <summary>
/// A missing, malformed or unsupported HDF5 dataset or attribute.
/// <see cref="SieveDataException.Field"/> holds the dataset or attribute path.
/// </summary>
public sealed class Hdf5FormatException : SieveDataException
{
    /// <summary>Creates the exception; the message names file, object path, problem and expectation.</summary>
    public Hdf5FormatException(string file, string? objectPath, string problem, string? expected = null, Exception? inner = null)
        : base(file, null, objectPath, problem, expected, inner)
    {
    }
}
