using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

public static partial class EntropyCoder
{
    internal const byte ColumnsMagic = 0xED;

    /// <summary>
    /// Codes a (rows, dims) row-major table column by column, each column with its own model:
    /// latents and features have a different scale per dimension, so one shared model would waste bits.
    /// </summary>
    /// <remarks>
    /// Layout: <c>u8 0xED</c>, <c>u8 version 1</c>, <c>varint dims</c>, <c>varint rows</c>, then per
    /// column <c>varint length</c> and an <see cref="Encode"/> block of that length, then a CRC-32 of
    /// everything before it.
    /// </remarks>
    /// <exception cref="ArgumentException">dims is below 1 or does not divide the symbol count.</exception>
    public static byte[] EncodeColumns(ReadOnlySpan<int> symbols, int dims, ModelKind kind = ModelKind.Static)
    {
        if (dims < 1 || symbols.Length % dims != 0)
        {
            throw new ArgumentException($"Cannot split {symbols.Length} symbols into rows of {dims} columns: dims must be >= 1 and divide the count.", nameof(dims));
        }

        int rows = symbols.Length / dims;
        var buffer = new ByteBuffer(64 + symbols.Length);
        buffer.Add(ColumnsMagic);
        buffer.Add(Version);
        buffer.AddVarUInt((uint)dims);
        buffer.AddVarUInt((uint)rows);
        var column = new int[rows];
        for (int d = 0; d < dims; d++)
        {
            for (int r = 0; r < rows; r++)
            {
                column[r] = symbols[r * dims + d];
            }

            byte[] block = Encode(column, kind);
            buffer.AddVarUInt((uint)block.Length);
            buffer.AddRange(block);
        }

        buffer.AddUInt32LittleEndian(Crc32.Compute(buffer.Written));
        return buffer.ToArray();
    }

    /// <summary>Decodes a table written by <see cref="EncodeColumns"/>.</summary>
    /// <exception cref="EntropyBlockException">The bytes are damaged, truncated or not a column table.</exception>
    public static SymbolMatrix DecodeColumns(ReadOnlySpan<byte> bytes, int maxSymbols = MaxSymbolCount)
    {
        ReadOnlySpan<byte> body = VerifyChecksum(bytes, "column table");
        var reader = new BlockReader(body);
        ReadHeader(ref reader, ColumnsMagic, "a column table");
        long shapeOffset = reader.Offset;
        uint dims = reader.ReadVarUInt("dims", 1, int.MaxValue);
        uint rows = reader.ReadVarUInt("rows");
        long total = (long)dims * rows;
        if (total > Math.Clamp(maxSymbols, 0, MaxSymbolCount))
        {
            throw new EntropyBlockException(shapeOffset, $"shape ({rows}, {dims}) holds {total} symbols, above the limit of {Math.Clamp(maxSymbols, 0, MaxSymbolCount)}");
        }

        // Each column block is at least 8 bytes, so dims cannot exceed what is left.
        if (dims > reader.Remaining / 8)
        {
            throw new EntropyBlockException(shapeOffset, $"{dims} columns cannot fit in the remaining {reader.Remaining} bytes");
        }

        var symbols = new int[total];
        for (int d = 0; d < dims; d++)
        {
            long blockOffset = reader.Offset;
            int length = (int)reader.ReadVarUInt($"column {d} length", 8, (uint)reader.Remaining);
            ReadOnlySpan<byte> block = reader.ReadBytes(length, $"column {d}");
            int[] column;
            try
            {
                column = Decode(block, (int)rows);
            }
            catch (EntropyBlockException e)
            {
                throw new EntropyBlockException(blockOffset + e.Offset, $"column {d}: {e.Problem}", e);
            }

            if (column.Length != rows)
            {
                throw new EntropyBlockException(blockOffset, $"column {d} holds {column.Length} symbols, expected {rows}");
            }

            for (int r = 0; r < column.Length; r++)
            {
                symbols[(long)r * dims + d] = column[r];
            }
        }

        if (reader.Remaining != 0)
        {
            throw new EntropyBlockException(reader.Offset, $"{reader.Remaining} unexpected bytes after the last column");
        }

        return new SymbolMatrix(symbols, (int)rows, (int)dims);
    }
}
