namespace Sieve.Compression.Coding;

/// <summary>What a <see cref="TableCoder"/> table holds, for accounting: its plan and where its bytes go.</summary>
/// <param name="Plan">Columns in coding order, with their predictors and contexts.</param>
/// <param name="Trellis">Whether the indices follow the trellis (one bit per value implied).</param>
/// <param name="ColumnBytes">Bytes of each column (plan, models and payload), in plan order.</param>
/// <param name="OverheadBytes">Bytes outside the columns: magic, shape, flags, order and CRC.</param>
public sealed record TableDescription(IReadOnlyList<ColumnPlan> Plan, bool Trellis, IReadOnlyList<int> ColumnBytes, int OverheadBytes);
