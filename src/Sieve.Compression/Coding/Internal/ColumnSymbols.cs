namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Turns a column of quantisation indices into the symbols the range coder sees, and back:
/// index minus prediction, and for trellis-quantised columns half of that, because the trellis
/// state already fixes the index's parity (<see cref="TrellisQuantizer"/>), so the low bit is free.
/// </summary>
internal static class ColumnSymbols
{
    /// <summary>Largest |index| the table coder accepts (2^30): symbols and predictions then never overflow an int.</summary>
    public const int MaxIndex = 1 << 30;

    /// <summary>Symbols of <paramref name="indices"/>; <paramref name="predictions"/> empty means all zero.</summary>
    /// <exception cref="ArgumentException">An index is out of range, or (trellis) breaks the trellis's parity rule.</exception>
    public static int[] FromIndices(ReadOnlySpan<int> indices, ReadOnlySpan<int> predictions, bool trellis, int column)
    {
        var symbols = new int[indices.Length];
        int state = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if (index is > MaxIndex or < -MaxIndex)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Column {column}, row {i}: index {index} is outside +-2^30.");
            }

            long residual = (long)index - (predictions.IsEmpty ? 0 : predictions[i]);
            if (trellis)
            {
                if ((index & 1) != TrellisQuantizer.Parity(state))
                {
                    throw new ArgumentException($"Column {column}, row {i}: index {index} does not follow the trellis (state {state} allows only {(TrellisQuantizer.Parity(state) == 0 ? "even" : "odd")} indices); quantise it with TrellisQuantizer.", nameof(indices));
                }

                symbols[i] = (int)(residual >> 1);
                state = TrellisQuantizer.Next(state, index);
            }
            else
            {
                symbols[i] = (int)residual;
            }
        }

        return symbols;
    }

    /// <summary>Inverse of <see cref="FromIndices"/>; false (with the row) when a decoded index would leave +-2^30.</summary>
    public static bool TryToIndices(ReadOnlySpan<int> symbols, ReadOnlySpan<int> predictions, bool trellis, Span<int> indices, out int badRow)
    {
        int state = 0;
        for (int i = 0; i < symbols.Length; i++)
        {
            long prediction = predictions.IsEmpty ? 0 : predictions[i];
            long index;
            if (trellis)
            {
                // The state's parity fixes the index's low bit, hence the residual's.
                long lowBit = (TrellisQuantizer.Parity(state) - prediction) & 1;
                index = prediction + (2L * symbols[i]) + lowBit;
            }
            else
            {
                index = prediction + symbols[i];
            }

            if (index is > MaxIndex or < -MaxIndex)
            {
                badRow = i;
                return false;
            }

            indices[i] = (int)index;
            if (trellis)
            {
                state = TrellisQuantizer.Next(state, (int)index);
            }
        }

        badRow = -1;
        return true;
    }
}
