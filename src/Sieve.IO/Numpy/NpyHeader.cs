using Sieve.IO.Arrays;

namespace Sieve.IO.Numpy;

/// <summary>
/// The parsed header of a .npy file: format version, element type and byte order, memory order
/// and shape. <see cref="DataOffset"/> is where the raw data starts.
/// </summary>
/// <param name="MajorVersion">Format major version: 1, 2 or 3.</param>
/// <param name="MinorVersion">Format minor version (0 in every numpy release so far).</param>
/// <param name="Descr">The dtype string as written, e.g. "&lt;f4".</param>
/// <param name="ElementType">The element type the descr maps to.</param>
/// <param name="BigEndian">True for '&gt;' descrs, whose bytes are swapped on reading.</param>
/// <param name="FortranOrder">True when the first index varies fastest in the file.</param>
/// <param name="Shape">Length of each dimension.</param>
/// <param name="DataOffset">Byte offset of the data from the start of the file.</param>
public sealed record NpyHeader(int MajorVersion, int MinorVersion, string Descr, ArrayElementType ElementType, bool BigEndian,
    bool FortranOrder, IReadOnlyList<int> Shape, long DataOffset)
{
    /// <summary>Bytes per element.</summary>
    public int ItemSize => ElementType is ArrayElementType.Float32 or ArrayElementType.Int32 ? 4 : 8;

    /// <summary>Number of elements: the product of the shape (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => product * dim);

    /// <summary>Number of data bytes after the header.</summary>
    public long DataLength => ElementCount * ItemSize;
}
