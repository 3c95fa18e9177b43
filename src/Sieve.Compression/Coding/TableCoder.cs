using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

/// <summary>
/// Lossless coding of a (rows, dims) table of quantisation indices, column by column in a chosen
/// order, each column optionally predicted from an earlier one (<see cref="LinearPredictor"/>) and
/// split into contexts by an earlier one (<see cref="ContextBuckets"/>), each context with its own
/// model (<see cref="EntropyCoder.Encode"/> blocks). Trellis-quantised tables
/// (<see cref="TrellisQuantizer"/>) drop the index's low bit, which the trellis state implies.
/// </summary>
/// <remarks>
/// <para>The encoder chooses the plan by measuring (<see cref="Encode(ReadOnlySpan{int}, int, bool, ModelKind)"/>);
/// the decoder only follows what the block says, so better planners never change the format.</para>
/// <para>Layout (varints unsigned LEB128, zigzag for signed values):</para>
/// <code>
/// u8      magic 0xEE
/// u8      version 1
/// varint  dims (>= 1), varint rows
/// u8      flags: bit 0 trellis (every column follows the 4-state trellis from state 0)
/// dims x varint   coding order (a permutation of 0 .. dims-1)
/// per column, in coding order:
///   u8      flags: bit 0 predictor, bit 1 contexts, bit 2 contexts by |index|
///   [bit 0] varint source column, zigzag slope (x 2^16), zigzag intercept (x 2^8)
///   [bit 1] varint source column, varint edge count E (1 .. 63), E zigzag edges (strictly ascending)
///   per context (E + 1 of them, or 1): varint length, then an EntropyCoder block of that length
///                                       holding that context's symbols in row order
/// u32     CRC-32 (IEEE, little-endian) of every byte before it
/// </code>
/// <para>Sources must come earlier in the coding order. A column's symbol in row r is
/// index - prediction (0 without a predictor); with the trellis flag, floor of half that, the low
/// bit following from the trellis state and the prediction. Decoded indices must lie within
/// +-2^30.</para>
/// </remarks>
public static class TableCoder
{
    internal const byte Magic = 0xEE;
    internal const byte Version = 1;

    private const byte TrellisFlag = 1;
    private const byte PredictorFlag = 1;
    private const byte ContextFlag = 2;
    private const byte AbsoluteFlag = 4;

    /// <summary>Codes the table with a plan the coder chooses by measuring (greedy order, predictors, contexts).</summary>
    /// <param name="indices">rows * dims indices, row-major.</param>
    /// <param name="dims">Columns per row.</param>
    /// <param name="trellis">Whether every column was quantised with <see cref="TrellisQuantizer"/> (and follows it).</param>
    /// <param name="kind">Model kind for every context's block.</param>
    /// <exception cref="ArgumentException">The shape is wrong, an index is beyond +-2^30, or a trellis column breaks the trellis.</exception>
    public static byte[] Encode(ReadOnlySpan<int> indices, int dims, bool trellis, ModelKind kind = ModelKind.Best)
    {
        int rows = RequireShape(indices.Length, dims);
        int[][] columns = Split(indices, rows, dims);
        IReadOnlyList<ColumnPlan> plan = TablePlanner.Choose(columns, trellis, kind);
        return Write(columns, rows, trellis, plan, kind);
    }

    /// <summary>
    /// The plan <see cref="Encode(ReadOnlySpan{int}, int, bool, ModelKind)"/> would choose for this
    /// table, to code later tables of the same kind with it (chunks of one archive share the plan
    /// of the first, so the measuring runs once).
    /// </summary>
    /// <exception cref="ArgumentException">The shape is wrong.</exception>
    public static IReadOnlyList<ColumnPlan> Plan(ReadOnlySpan<int> indices, int dims, bool trellis, ModelKind kind = ModelKind.Best)
    {
        int rows = RequireShape(indices.Length, dims);
        return TablePlanner.Choose(Split(indices, rows, dims), trellis, kind);
    }

    /// <summary>Codes the table with the given plan (coding order = list order; every column exactly once).</summary>
    /// <exception cref="ArgumentException">The shape or the plan is invalid, or an index cannot be coded.</exception>
    public static byte[] Encode(ReadOnlySpan<int> indices, int dims, bool trellis, IReadOnlyList<ColumnPlan> plan, ModelKind kind = ModelKind.Best)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int rows = RequireShape(indices.Length, dims);
        RequireValidPlan(plan, dims);
        return Write(Split(indices, rows, dims), rows, trellis, plan, kind);
    }

    /// <summary>
    /// Codes the table with <paramref name="plan"/> and returns, beside the bytes, the plan with the
    /// model every stream was coded with (<see cref="ColumnPlan.Streams"/>): given back for the next
    /// table of the same kind (the next chunk of an archive), it codes each stream once with that
    /// model instead of measuring every candidate. Streams the plan names no model for are measured.
    /// </summary>
    public static (byte[] Bytes, IReadOnlyList<ColumnPlan> Plan) EncodeRecording(ReadOnlySpan<int> indices, int dims, bool trellis, IReadOnlyList<ColumnPlan> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int rows = RequireShape(indices.Length, dims);
        RequireValidPlan(plan, dims);
        var used = new List<ColumnPlan>(plan.Count);
        byte[] bytes = Write(Split(indices, rows, dims), rows, trellis, plan, ModelKind.Best, used);
        return (bytes, used);
    }

    /// <summary>The coded size of one column under <paramref name="plan"/>, in bytes (what the planner measures).</summary>
    internal static long ColumnBytes(int[][] columns, bool trellis, ColumnPlan plan, ModelKind kind)
    {
        var buffer = new ByteBuffer(1024);
        WriteColumn(buffer, columns, trellis, plan, kind);
        return buffer.Length;
    }

    /// <summary>Decodes a table written by <see cref="Encode(ReadOnlySpan{int}, int, bool, ModelKind)"/>.</summary>
    /// <exception cref="EntropyBlockException">The bytes are damaged, truncated, not such a table, or claim more than <paramref name="maxSymbols"/> values.</exception>
    public static SymbolMatrix Decode(ReadOnlySpan<byte> bytes, int maxSymbols = EntropyCoder.MaxSymbolCount) =>
        Read(bytes, maxSymbols).Matrix;

    /// <summary>The plan stored in a table (coding order, predictors, contexts), its trellis flag and the bytes of each column, for inspection.</summary>
    /// <exception cref="EntropyBlockException">As for <see cref="Decode"/>.</exception>
    /// <remarks>
    /// The table's structure and CRC are checked, but its streams are skipped by their lengths, not
    /// decoded: describing costs a pass over the header, not a decode (accounting of large archives).
    /// </remarks>
    public static TableDescription Describe(ReadOnlySpan<byte> bytes, int maxSymbols = EntropyCoder.MaxSymbolCount) =>
        Read(bytes, maxSymbols, decode: false).Description;

    /// <summary>Whether <paramref name="bytes"/> start like a table from this coder (magic byte).</summary>
    public static bool IsTable(ReadOnlySpan<byte> bytes) => !bytes.IsEmpty && bytes[0] == Magic;

    private static byte[] Write(int[][] columns, int rows, bool trellis, IReadOnlyList<ColumnPlan> plan, ModelKind kind, List<ColumnPlan>? used = null)
    {
        var buffer = new ByteBuffer(64 + (rows * columns.Length));
        buffer.Add(Magic);
        buffer.Add(Version);
        buffer.AddVarUInt((uint)columns.Length);
        buffer.AddVarUInt((uint)rows);
        buffer.Add(trellis ? TrellisFlag : (byte)0);
        foreach (ColumnPlan p in plan)
        {
            buffer.AddVarUInt((uint)p.Column);
        }

        foreach (ColumnPlan p in plan)
        {
            IReadOnlyList<StreamCoding?> streams = WriteColumn(buffer, columns, trellis, p, kind);
            used?.Add(p with { Streams = streams });
        }

        buffer.AddUInt32LittleEndian(Crc32.Compute(buffer.Written));
        return buffer.ToArray();
    }

    // Returns the model each stream was coded with (null for empty and constant streams).
    private static List<StreamCoding?> WriteColumn(ByteBuffer buffer, int[][] columns, bool trellis, ColumnPlan plan, ModelKind kind)
    {
        var coded = new List<StreamCoding?>();
        int[] column = columns[plan.Column];
        byte flags = (byte)((plan.Predictor is null ? 0 : PredictorFlag) | (plan.Context is null ? 0 : ContextFlag) | (plan.Context?.Absolute == true ? AbsoluteFlag : 0));
        buffer.Add(flags);
        int[] predictions = [];
        if (plan.Predictor is { } predictor)
        {
            buffer.AddVarUInt((uint)predictor.Source);
            buffer.AddZigZag(predictor.Slope);
            buffer.AddZigZag(predictor.Intercept);
            predictions = Predictions(predictor, columns[predictor.Source]);
        }

        int[] symbols = ColumnSymbols.FromIndices(column, predictions, trellis, plan.Column);
        if (plan.Context is not { } context)
        {
            coded.Add(AddStream(buffer, symbols, kind, plan.Streams is { Count: 1 } only ? only[0] : null));
            return coded;
        }

        buffer.AddVarUInt((uint)context.Source);
        buffer.AddVarUInt((uint)context.Edges.Count);
        foreach (int edge in context.Edges)
        {
            buffer.AddZigZag(edge);
        }

        int[] source = columns[context.Source];
        var streams = new List<int>[context.Count];
        for (int c = 0; c < streams.Length; c++)
        {
            streams[c] = [];
        }

        for (int r = 0; r < symbols.Length; r++)
        {
            streams[context.Of(source[r])].Add(symbols[r]);
        }

        for (int c = 0; c < streams.Length; c++)
        {
            StreamCoding? known = plan.Streams is { } given && given.Count == streams.Length ? given[c] : null;
            coded.Add(AddStream(buffer, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(streams[c]), kind, known));
        }

        return coded;
    }

    // A stream with a known model (kind Best only: other kinds are what the caller asked for) is coded once with it; others are measured.
    private static StreamCoding? AddStream(ByteBuffer buffer, ReadOnlySpan<int> symbols, ModelKind kind, StreamCoding? known)
    {
        StreamCoding? chosen = known;
        byte[] block = known is not null && kind == ModelKind.Best ? EntropyCoder.Encode(symbols, known) : EntropyCoder.Encode(symbols, kind, out chosen);
        buffer.AddVarUInt((uint)block.Length);
        buffer.AddRange(block);
        return chosen ?? known;
    }

    internal static int[] Predictions(LinearPredictor predictor, ReadOnlySpan<int> source)
    {
        var predictions = new int[source.Length];
        for (int r = 0; r < source.Length; r++)
        {
            predictions[r] = predictor.Predict(source[r]);
        }

        return predictions;
    }

    private static (SymbolMatrix Matrix, TableDescription Description) Read(ReadOnlySpan<byte> bytes, int maxSymbols, bool decode = true)
    {
        ReadOnlySpan<byte> body = EntropyCoder.VerifyChecksum(bytes, "coded table");
        var reader = new BlockReader(body);
        byte magic = reader.ReadByte("magic");
        if (magic != Magic)
        {
            throw new EntropyBlockException(0, $"magic byte is 0x{magic:X2}, expected 0x{Magic:X2} for a coded table");
        }

        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new EntropyBlockException(1, $"version is {version}, this reader knows coded-table version {Version}");
        }

        long shapeOffset = reader.Offset;
        int dims = (int)reader.ReadVarUInt("dims", 1, int.MaxValue);
        int rows = (int)reader.ReadVarUInt("rows", 0, int.MaxValue);
        long total = (long)dims * rows;
        int limit = Math.Clamp(maxSymbols, 0, EntropyCoder.MaxSymbolCount);
        if (total > limit)
        {
            throw new EntropyBlockException(shapeOffset, $"shape ({rows}, {dims}) holds {total} values, above the limit of {limit}");
        }

        // Every column needs at least a flags byte and one block of 8 bytes.
        if (dims > reader.Remaining / 9)
        {
            throw new EntropyBlockException(shapeOffset, $"{dims} columns cannot fit in the remaining {reader.Remaining} bytes");
        }

        long flagsOffset = reader.Offset;
        byte tableFlags = reader.ReadByte("table flags");
        if ((tableFlags & ~TrellisFlag) != 0)
        {
            throw new EntropyBlockException(flagsOffset, $"table flags 0x{tableFlags:X2} set unknown bits");
        }

        bool trellis = tableFlags == TrellisFlag;
        int[] order = new int[dims];
        bool[] seen = new bool[dims];
        for (int d = 0; d < dims; d++)
        {
            long at = reader.Offset;
            int column = (int)reader.ReadVarUInt("coding order", 0, (uint)(dims - 1));
            if (seen[column])
            {
                throw new EntropyBlockException(at, $"column {column} appears twice in the coding order");
            }

            seen[column] = true;
            order[d] = column;
        }

        var columns = new int[dims][];
        var plan = new List<ColumnPlan>(dims);
        var columnBytes = new List<int>(dims);
        int tableHeader = reader.Position;
        foreach (int column in order)
        {
            int start = reader.Position;
            plan.Add(ReadColumn(ref reader, column, columns, rows, trellis, decode));
            columnBytes.Add(reader.Position - start);
        }

        if (reader.Remaining != 0)
        {
            throw new EntropyBlockException(reader.Offset, $"{reader.Remaining} unexpected bytes after the last column");
        }

        if (!decode)
        {
            return (new SymbolMatrix([], 0, dims), new TableDescription(plan, trellis, columnBytes, tableHeader + 4));
        }

        var values = new int[total];
        for (int d = 0; d < dims; d++)
        {
            int[] column = columns[d];
            for (int r = 0; r < rows; r++)
            {
                values[((long)r * dims) + d] = column[r];
            }
        }

        // The table's own header and CRC are counted apart from the columns.
        return (new SymbolMatrix(values, rows, dims), new TableDescription(plan, trellis, columnBytes, tableHeader + 4));
    }

    // decode = false: parse the column's plan and skip its streams by their lengths (columns[column] becomes an empty marker).
    private static ColumnPlan ReadColumn(ref BlockReader reader, int column, int[]?[] columns, int rows, bool trellis, bool decode = true)
    {
        long flagsOffset = reader.Offset;
        byte flags = reader.ReadByte($"column {column} flags");
        if ((flags & ~(PredictorFlag | ContextFlag | AbsoluteFlag)) != 0 || ((flags & AbsoluteFlag) != 0 && (flags & ContextFlag) == 0))
        {
            throw new EntropyBlockException(flagsOffset, $"column {column} flags 0x{flags:X2} are invalid");
        }

        LinearPredictor? predictor = null;
        int[] predictions = [];
        if ((flags & PredictorFlag) != 0)
        {
            int source = ReadSource(ref reader, column, columns, "predictor");
            predictor = new LinearPredictor(source, reader.ReadZigZag($"column {column} predictor slope"), reader.ReadZigZag($"column {column} predictor intercept"));
            predictions = decode ? Predictions(predictor, columns[source]!) : [];
        }

        ContextBuckets? context = null;
        if ((flags & ContextFlag) != 0)
        {
            int source = ReadSource(ref reader, column, columns, "context");
            long countOffset = reader.Offset;
            int count = (int)reader.ReadVarUInt($"column {column} context edge count", 1, ContextBuckets.MaxEdges);
            var edges = new int[count];
            for (int e = 0; e < count; e++)
            {
                edges[e] = reader.ReadZigZag($"column {column} context edge");
                if (e > 0 && edges[e] <= edges[e - 1])
                {
                    throw new EntropyBlockException(countOffset, $"column {column} context edges are not strictly ascending");
                }
            }

            context = new ContextBuckets(source, (flags & AbsoluteFlag) != 0, edges);
        }

        if (!decode)
        {
            for (int c = 0; c < (context?.Count ?? 1); c++)
            {
                int length = (int)reader.ReadVarUInt($"column {column} context {c} length", 8, (uint)reader.Remaining);
                reader.ReadBytes(length, $"column {column} context {c}");
            }

            columns[column] = [];
            return new ColumnPlan(column, predictor, context);
        }

        int[] symbols = new int[rows];
        if (context is null)
        {
            int[] stream = ReadStream(ref reader, column, 0, rows);
            stream.CopyTo(symbols, 0);
        }
        else
        {
            int[] source = columns[context.Source]!;
            int[] contextOf = new int[rows];
            int[] counts = new int[context.Count];
            for (int r = 0; r < rows; r++)
            {
                contextOf[r] = context.Of(source[r]);
                counts[contextOf[r]]++;
            }

            var streams = new int[context.Count][];
            for (int c = 0; c < streams.Length; c++)
            {
                streams[c] = ReadStream(ref reader, column, c, counts[c]);
            }

            int[] next = new int[context.Count];
            for (int r = 0; r < rows; r++)
            {
                int c = contextOf[r];
                symbols[r] = streams[c][next[c]++];
            }
        }

        int[] indices = new int[rows];
        if (!ColumnSymbols.TryToIndices(symbols, predictions, trellis, indices, out int badRow))
        {
            throw new EntropyBlockException(reader.Offset, $"column {column}, row {badRow}: decoded index lies outside +-2^30");
        }

        columns[column] = indices;
        return new ColumnPlan(column, predictor, context);
    }

    private static int ReadSource(ref BlockReader reader, int column, int[]?[] columns, string what)
    {
        long at = reader.Offset;
        uint source = reader.ReadVarUInt($"column {column} {what} source");
        if (source >= columns.Length || columns[source] is null)
        {
            throw new EntropyBlockException(at, $"column {column} takes its {what} from column {source}, which is not decoded before it");
        }

        return (int)source;
    }

    private static int[] ReadStream(ref BlockReader reader, int column, int context, int expected)
    {
        long at = reader.Offset;
        int length = (int)reader.ReadVarUInt($"column {column} context {context} length", 8, (uint)reader.Remaining);
        ReadOnlySpan<byte> block = reader.ReadBytes(length, $"column {column} context {context}");
        int[] symbols;
        try
        {
            symbols = EntropyCoder.Decode(block, expected);
        }
        catch (EntropyBlockException e)
        {
            throw new EntropyBlockException(at + e.Offset, $"column {column} context {context}: {e.Problem}", e);
        }

        if (symbols.Length != expected)
        {
            throw new EntropyBlockException(at, $"column {column} context {context} holds {symbols.Length} symbols, expected {expected}");
        }

        return symbols;
    }

    private static int RequireShape(int length, int dims)
    {
        if (dims < 1 || length % dims != 0)
        {
            throw new ArgumentException($"Cannot split {length} indices into rows of {dims} columns: dims must be >= 1 and divide the count.", nameof(dims));
        }

        return length / dims;
    }

    private static int[][] Split(ReadOnlySpan<int> indices, int rows, int dims)
    {
        var columns = new int[dims][];
        for (int d = 0; d < dims; d++)
        {
            var column = new int[rows];
            for (int r = 0; r < rows; r++)
            {
                column[r] = indices[(r * dims) + d];
            }

            columns[d] = column;
        }

        return columns;
    }

    private static void RequireValidPlan(IReadOnlyList<ColumnPlan> plan, int dims)
    {
        if (plan.Count != dims)
        {
            throw new ArgumentException($"The plan has {plan.Count} columns; the table has {dims}.", nameof(plan));
        }

        var coded = new bool[dims];
        foreach (ColumnPlan p in plan)
        {
            if (p.Column < 0 || p.Column >= dims || coded[p.Column])
            {
                throw new ArgumentException($"The plan codes column {p.Column} twice or it does not exist (dims {dims}).", nameof(plan));
            }

            foreach ((int source, string what) in new[] { (p.Predictor?.Source ?? -1, "predictor"), (p.Context?.Source ?? -1, "context") })
            {
                if (source != -1 && (source < 0 || source >= dims || !coded[source]))
                {
                    throw new ArgumentException($"Column {p.Column} takes its {what} from column {source}, which is not coded before it.", nameof(plan));
                }
            }

            if (p.Context is { } context && (context.Edges.Count is < 1 or > ContextBuckets.MaxEdges || context.Edges.Zip(context.Edges.Skip(1)).Any(e => e.Second <= e.First)))
            {
                throw new ArgumentException($"Column {p.Column}: context edges must be 1..{ContextBuckets.MaxEdges} strictly ascending values.", nameof(plan));
            }

            coded[p.Column] = true;
        }
    }
}
