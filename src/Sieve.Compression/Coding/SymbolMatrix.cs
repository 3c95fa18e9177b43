namespace Sieve.Compression.Coding;

/// <summary>
/// Symbols of a (rows, dims) table, row-major, as returned by <see cref="EntropyCoder.DecodeColumns"/>.
/// </summary>
/// <param name="Symbols">rows * dims symbols, row-major (row 0 dims 0..dims-1, then row 1, ...).</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Dims">Number of columns (dimensions).</param>
public sealed record SymbolMatrix(int[] Symbols, int Rows, int Dims);
