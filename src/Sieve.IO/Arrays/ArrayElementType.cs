namespace Sieve.IO.Arrays;

/// <summary>
/// Element types that the array formats (.npy, .npz, HDF5) read and write. Every type is widened
/// to double in memory; int64 beyond 2^53 loses precision, which is documented in docs/formats.md.
/// </summary>
public enum ArrayElementType
{
    /// <summary>IEEE 754 binary32 (numpy float32, HDF5 native float).</summary>
    Float32,

    /// <summary>IEEE 754 binary64 (numpy float64, HDF5 native double).</summary>
    Float64,

    /// <summary>Signed 32-bit integer (read only).</summary>
    Int32,

    /// <summary>Signed 64-bit integer (read only).</summary>
    Int64,
}
