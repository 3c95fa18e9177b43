using Sieve.Core.Errors;

namespace Sieve.Compression.Coding;

/// <summary>
/// An entropy-coded block (from <see cref="EntropyCoder"/>) is damaged, truncated or not a block
/// at all. Part of the <see cref="SieveDataException"/> family like the archive's exceptions
/// (<see cref="System.IO.InvalidDataException"/> is sealed, so it cannot be the base);
/// <see cref="Offset"/> says where in the block the problem was found.
/// </summary>
public sealed class EntropyBlockException : SieveDataException
{
    /// <summary>Creates the exception.</summary>
    public EntropyBlockException(long offset, string problem, Exception? inner = null)
        : base("entropy-coded block", null, $"byte {offset}", problem,
               "an intact block written by EntropyCoder; it was damaged or cut short, re-create it from the original symbols", inner)
    {
        Offset = offset;
    }

    /// <summary>Byte offset within the block where the problem was detected.</summary>
    public long Offset { get; }
}
