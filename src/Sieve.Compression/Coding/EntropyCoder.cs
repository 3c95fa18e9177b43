using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

/// <summary>
/// Lossless entropy coding of int symbol streams (quantised latents or features) into
/// self-contained blocks: model, symbol count and range-coded payload, with a CRC-32.
/// </summary>
/// <remarks>
/// <para>Any int is codable (negative, int.MinValue, int.MaxValue): symbols within the model's
/// window (at most 2^14 consecutive values, chosen to hold the most symbols) are coded with the
/// model, others as an escape plus raw bits. At most <see cref="MaxSymbolCount"/> symbols per block.
/// Streams spread over a wider range can instead be split (mode 5): the high bits of each value's
/// offset from the block minimum are modelled, the low bits written raw.</para>
/// <para>Block layout (varints are unsigned LEB128; zigzag maps 0, -1, 1, -2, ... to 0, 1, 2, 3, ...):</para>
/// <code>
/// u8      magic 0xEC
/// u8      version 1
/// u8      mode: 0 empty, 1 constant (every symbol equal), 2 static, 3 adaptive, 4 smooth, 5 split
/// varint  symbol count (0 exactly when mode is 0)
/// mode 1: zigzag value                                  (no payload)
/// mode 2: FrequencyModel (see its remarks), then payload
/// mode 3: zigzag lowest, varint span, u8 escape (0 or 1), then payload
/// mode 4: SmoothModel (see its remarks), then payload
/// mode 5: zigzag min, u8 k (1..31), SmoothModel of the high parts (window lowest 0, span at most
///         4096, no escape), then payload: per symbol, with u = v - min (0..2^32-1), the high
///         part u >> k with that model, then the k low bits of u raw (RangeEncoder.EncodeBits,
///         most significant first, in chunks of at most 16 bits); min + u must stay an int
/// payload range-coder bytes (RangeEncoder), running to the CRC
/// u32     CRC-32 (IEEE, little-endian) of every byte before it
/// </code>
/// <para>The mode follows from the <see cref="ModelKind"/> (Static 2, Adaptive 3, Smooth 4, Split 5;
/// Best writes whichever of those came out smallest), except that empty and constant streams always
/// use modes 0 and 1, and Split falls back to Smooth when max - min + 1 is at most 4096. The split
/// encoder takes k as the smallest k >= 1 with (max - min) >> k below 4096, and the nested model's
/// bin width 2^p (p = 0..6) that gives the smallest block.</para>
/// <para>The CRC is checked before anything else is read, so damage is reported up front and never
/// drives an allocation; the parser's own range checks remain as a second line.</para>
/// </remarks>
public static partial class EntropyCoder
{
    /// <summary>Most symbols in one block (2^28, i.e. 1 GiB of decoded ints).</summary>
    public const int MaxSymbolCount = 1 << 28;

    internal const byte BlockMagic = 0xEC;
    internal const byte Version = 1;

    private enum BlockMode : byte
    {
        Empty = 0,
        Constant = 1,
        Static = 2,
        Adaptive = 3,
        Smooth = 4,
        Split = 5,
    }

    // Bin widths 2^1..2^6 that ModelKind.Smooth tries: narrower bins cost about as much as a
    // static table, wider ones blur the shape of all but very wide distributions.
    private const int SmoothMinBinWidthLog2 = 1;
    private const int SmoothMaxBinWidthLog2 = 6;

    // The split mode's nested model also tries p = 0: with at most 4096 high parts a per-symbol
    // table can still pay off when the high parts are few and peaked.
    private const int SplitMaxBinWidthLog2 = 6;

    /// <summary>Codes <paramref name="symbols"/> into one self-contained block.</summary>
    /// <remarks>
    /// <see cref="ModelKind.Split"/> on a stream whose range (max - min + 1) is at most 4096 writes a
    /// smooth block instead, exactly as <see cref="ModelKind.Smooth"/> would: splitting off k = 0 low
    /// bits would only add the split header.
    /// </remarks>
    /// <exception cref="ArgumentException">More than <see cref="MaxSymbolCount"/> symbols, or an unknown kind.</exception>
    public static byte[] Encode(ReadOnlySpan<int> symbols, ModelKind kind = ModelKind.Static) => Encode(symbols, kind, out _);

    /// <summary>
    /// As <see cref="Encode(ReadOnlySpan{int}, ModelKind)"/>, and says which model was used
    /// (<paramref name="chosen"/>; null for empty and constant streams, which need none), so that
    /// streams like this one can be coded with it by <see cref="Encode(ReadOnlySpan{int}, StreamCoding)"/>.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<int> symbols, ModelKind kind, out StreamCoding? chosen)
    {
        chosen = null;
        RequireBlockSize(symbols);

        if (kind is not (ModelKind.Static or ModelKind.Adaptive or ModelKind.Smooth or ModelKind.Split or ModelKind.Best))
        {
            throw new ArgumentException($"Unknown model kind {kind}; use Static, Adaptive, Smooth, Split or Best.", nameof(kind));
        }

        if (Trivial(symbols) is { } trivial)
        {
            return trivial;
        }

        (Histogram histogram, SymbolWindow window, int minimum, int lowBits) = Statistics(symbols);
        (byte[] Bytes, StreamCoding Coding) best;
        switch (kind)
        {
            case ModelKind.Static:
                best = (EncodeStatic(symbols, histogram, window), new StreamCoding(ModelKind.Static));
                break;
            case ModelKind.Adaptive:
                best = (EncodeAdaptive(symbols, window), new StreamCoding(ModelKind.Adaptive));
                break;
            case ModelKind.Smooth:
                best = EncodeSmooth(symbols, histogram, window);
                break;
            case ModelKind.Split:
                best = lowBits == 0 ? EncodeSmooth(symbols, histogram, window) : EncodeSplit(symbols, minimum, lowBits);
                break;
            default:
                best = Smallest(Smallest((EncodeStatic(symbols, histogram, window), new StreamCoding(ModelKind.Static)),
                    (EncodeAdaptive(symbols, window), new StreamCoding(ModelKind.Adaptive))), EncodeSmooth(symbols, histogram, window));
                if (lowBits != 0)
                {
                    best = Smallest(best, EncodeSplit(symbols, minimum, lowBits));
                }

                break;
        }

        chosen = best.Coding;
        return best.Bytes;
    }

    /// <summary>
    /// Codes the stream with the model <paramref name="coding"/> names (chosen by measuring on a stream
    /// like it), fitted to this stream's histogram: one encoding instead of one per candidate. A
    /// Split model for a stream whose range needs no split is coded as Smooth, as Best would.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<int> symbols, StreamCoding coding)
    {
        ArgumentNullException.ThrowIfNull(coding);
        RequireBlockSize(symbols);
        if (Trivial(symbols) is { } trivial)
        {
            return trivial;
        }

        (Histogram histogram, SymbolWindow window, int minimum, int lowBits) = Statistics(symbols);
        return coding.Kind switch
        {
            ModelKind.Static => EncodeStatic(symbols, histogram, window),
            ModelKind.Adaptive => EncodeAdaptive(symbols, window),
            ModelKind.Split when lowBits != 0 => EncodeSplit(symbols, minimum, lowBits, Math.Clamp(coding.BinWidthLog2, 0, SplitMaxBinWidthLog2)).Bytes,
            ModelKind.Smooth or ModelKind.Split => EncodeSmooth(symbols, histogram, window, Math.Clamp(coding.BinWidthLog2, SmoothMinBinWidthLog2, SmoothMaxBinWidthLog2)),
            _ => throw new ArgumentException($"A stream is coded with Static, Adaptive, Smooth or Split, not {coding.Kind}.", nameof(coding)),
        };
    }

    private static void RequireBlockSize(ReadOnlySpan<int> symbols)
    {
        if (symbols.Length > MaxSymbolCount)
        {
            throw new ArgumentException($"Cannot code {symbols.Length} symbols in one block: at most {MaxSymbolCount}; split the stream.", nameof(symbols));
        }
    }

    // What every model is fitted from: the histogram, the symbol window, and the split's minimum and low bits.
    private static (Histogram Histogram, SymbolWindow Window, int Minimum, int LowBits) Statistics(ReadOnlySpan<int> symbols)
    {
        var histogram = Histogram.Build(symbols);
        int minimum = histogram.Values[0];
        return (histogram, SymbolWindow.Choose(histogram, FrequencyModel.MaxSpan), minimum, SplitModel.ChooseLowBits(minimum, histogram.Values[^1]));
    }

    // Empty and one-valued streams need no model: their block, or null for every other stream.
    private static byte[]? Trivial(ReadOnlySpan<int> symbols)
    {
        if (symbols.IsEmpty)
        {
            ByteBuffer empty = StartBlock(BlockMode.Empty, 0, 0);
            return Seal(empty);
        }

        if (!symbols.ContainsAnyExcept(symbols[0]))
        {
            // One distinct value carries no information beyond the count: no model, no payload.
            ByteBuffer constant = StartBlock(BlockMode.Constant, symbols.Length, 0);
            constant.AddZigZag(symbols[0]);
            return Seal(constant);
        }

        return null;
    }

    /// <summary>Decodes a block written by <see cref="Encode"/>.</summary>
    /// <param name="block">The whole block, CRC included.</param>
    /// <param name="maxSymbols">Refuse blocks that claim more symbols than this (bounds the allocation).</param>
    /// <exception cref="EntropyBlockException">The block is damaged, truncated, claims too many symbols or is not a block.</exception>
    public static int[] Decode(ReadOnlySpan<byte> block, int maxSymbols = MaxSymbolCount)
    {
        ReadOnlySpan<byte> body = VerifyChecksum(block, "block");
        var reader = new BlockReader(body);
        ReadHeader(ref reader, BlockMagic, "block");
        var mode = (BlockMode)reader.ReadByte("mode");
        long countOffset = reader.Offset;
        uint count = reader.ReadVarUInt("symbol count");
        if (count > (uint)Math.Clamp(maxSymbols, 0, MaxSymbolCount))
        {
            throw new EntropyBlockException(countOffset, $"symbol count {count} exceeds the limit of {Math.Clamp(maxSymbols, 0, MaxSymbolCount)}");
        }

        switch (mode)
        {
            case BlockMode.Empty:
                RequireCount(count == 0, countOffset, count, "an empty block");
                RequireEnd(ref reader);
                return [];
            case BlockMode.Constant:
                RequireCount(count > 0, countOffset, count, "a constant block");
                int value = reader.ReadZigZag("constant value");
                RequireEnd(ref reader);
                var constant = new int[count];
                Array.Fill(constant, value);
                return constant;
            case BlockMode.Static:
                RequireCount(count > 0, countOffset, count, "a static block");
                return DecodePayload(FrequencyModel.ReadFrom(ref reader), ref reader, body, count, countOffset);
            case BlockMode.Adaptive:
                RequireCount(count > 0, countOffset, count, "an adaptive block");
                long windowOffset = reader.Offset;
                int lowest = reader.ReadZigZag("adaptive lowest symbol");
                int span = (int)reader.ReadVarUInt("adaptive span", 1, FrequencyModel.MaxSpan);
                byte escape = reader.ReadByte("adaptive escape flag");
                if (escape > 1 || (long)lowest + span - 1 > int.MaxValue)
                {
                    throw new EntropyBlockException(windowOffset, $"adaptive window (lowest {lowest}, span {span}, escape flag {escape}) is invalid");
                }

                return DecodePayload(new AdaptiveModel(lowest, span, escape == 1), ref reader, body, count, countOffset);
            case BlockMode.Smooth:
                RequireCount(count > 0, countOffset, count, "a smooth block");
                long modelOffset = reader.Offset;
                var smooth = SmoothModel.ReadFrom(ref reader);
                if (smooth.CodesOneEntry)
                {
                    // Such a model codes every symbol in zero bits, which would let a tiny payload
                    // claim any count; an encoder writes a one-valued stream as a constant block.
                    throw new EntropyBlockException(modelOffset, "smooth model gives one entry the whole total; a stream of one value is written as a constant block");
                }

                return DecodePayload(smooth, ref reader, body, count, countOffset);
            case BlockMode.Split:
                RequireCount(count > 0, countOffset, count, "a split block");
                var split = ReadSplitModel(ref reader);

                // Each symbol's k raw bits take at least k bits of the range (the high part takes
                // more than nothing), so B payload bytes hold at most (8B + 32) / k symbols.
                return DecodePayload(split, ref reader, body, count, countOffset, split.LowBits);
            default:
                throw new EntropyBlockException(2, $"unknown mode {(byte)mode}; expected 0 (empty), 1 (constant), 2 (static), 3 (adaptive), 4 (smooth) or 5 (split)");
        }
    }

    private static byte[] EncodeStatic(ReadOnlySpan<int> symbols, Histogram histogram, SymbolWindow window)
    {
        var model = FrequencyModel.FromHistogram(histogram, window);
        ByteBuffer block = StartBlock(BlockMode.Static, symbols.Length, symbols.Length);
        model.WriteTo(block);
        return CodePayload(block, model, symbols);
    }

    private static byte[] EncodeAdaptive(ReadOnlySpan<int> symbols, SymbolWindow window)
    {
        ByteBuffer block = StartBlock(BlockMode.Adaptive, symbols.Length, symbols.Length);
        block.AddZigZag(window.Lowest);
        block.AddVarUInt((uint)window.Span);
        block.Add(window.HasEscape ? (byte)1 : (byte)0);
        return CodePayload(block, new AdaptiveModel(window.Lowest, window.Span, window.HasEscape), symbols);
    }

    // Coding the whole stream once per bin width gives the true block sizes, where an estimate from
    // code lengths would miss the range coder's rounding; each pass is linear in the stream.
    private static (byte[] Bytes, StreamCoding Coding) EncodeSmooth(ReadOnlySpan<int> symbols, Histogram histogram, SymbolWindow window)
    {
        (byte[], StreamCoding) best = (EncodeSmooth(symbols, histogram, window, SmoothMinBinWidthLog2), new StreamCoding(ModelKind.Smooth, SmoothMinBinWidthLog2));
        for (int p = SmoothMinBinWidthLog2 + 1; p <= SmoothMaxBinWidthLog2; p++)
        {
            best = Smallest(best, (EncodeSmooth(symbols, histogram, window, p), new StreamCoding(ModelKind.Smooth, p)));
        }

        return best;
    }

    private static byte[] EncodeSmooth(ReadOnlySpan<int> symbols, Histogram histogram, SymbolWindow window, int binWidthLog2)
    {
        var model = SmoothModel.FromHistogram(histogram, window, binWidthLog2);
        ByteBuffer block = StartBlock(BlockMode.Smooth, symbols.Length, symbols.Length);
        model.WriteTo(block);
        return CodePayload(block, model, symbols);
    }

    // As for Smooth, the true block size decides the bin width; the raw low bits cost the same for
    // every p, but coding them keeps the comparison honest about the range coder's rounding.
    private static (byte[] Bytes, StreamCoding Coding) EncodeSplit(ReadOnlySpan<int> symbols, int minimum, int lowBits, int onlyBinWidthLog2 = -1)
    {
        var high = new int[symbols.Length];
        for (int i = 0; i < symbols.Length; i++)
        {
            high[i] = SplitModel.HighPart(symbols[i], minimum, lowBits);
        }

        var histogram = Histogram.Build(high);

        // Every high part lies in [0, 4096), within one window: no escape, and the window starts at 0
        // because the minimum itself occurs.
        var window = SymbolWindow.Choose(histogram, SplitModel.MaxHighSpan);
        (byte[] Bytes, StreamCoding Coding)? best = null;
        for (int p = 0; p <= SplitMaxBinWidthLog2; p++)
        {
            if (onlyBinWidthLog2 >= 0 && p != onlyBinWidthLog2)
            {
                continue;
            }

            var model = new SplitModel(minimum, lowBits, SmoothModel.FromHistogram(histogram, window, p));
            ByteBuffer block = StartBlock(BlockMode.Split, symbols.Length, symbols.Length);
            block.AddZigZag(minimum);
            block.Add((byte)lowBits);
            model.WriteHighModel(block);
            (byte[], StreamCoding) candidate = (CodePayload(block, model, symbols), new StreamCoding(ModelKind.Split, p));
            best = best is null ? candidate : Smallest(best.Value, candidate);
        }

        return best!.Value;
    }

    private static SplitModel ReadSplitModel(ref BlockReader reader)
    {
        int minimum = reader.ReadZigZag("split minimum");
        long lowBitsOffset = reader.Offset;
        byte lowBits = reader.ReadByte("split low-bit count");
        if (lowBits is < 1 or > SplitModel.MaxLowBits)
        {
            throw new EntropyBlockException(lowBitsOffset, $"split low-bit count {lowBits} is outside [1, {SplitModel.MaxLowBits}]");
        }

        long modelOffset = reader.Offset;
        var high = SmoothModel.ReadFrom(ref reader);

        // An encoder's high parts start at 0 (the minimum occurs), span at most 4096 values and
        // never escape; anything else is damage, and refusing it keeps the decoded high part in
        // [0, 4096) so that h << k cannot overflow.
        if (high.Lowest != 0 || high.Span > SplitModel.MaxHighSpan || high.HasEscape)
        {
            throw new EntropyBlockException(modelOffset,
                $"split high-part model window [{high.Lowest}, {(long)high.Lowest + high.Span - 1}]{(high.HasEscape ? " with an escape" : string.Empty)} is invalid; expected [0, h] with h < {SplitModel.MaxHighSpan} and no escape");
        }

        if (high.CodesOneEntry)
        {
            throw new EntropyBlockException(modelOffset, "split high-part model gives one entry the whole total; an encoder splits only streams whose high parts take two or more values");
        }

        return new SplitModel(minimum, lowBits, high);
    }

    // Ties keep the first argument, so earlier candidates win.
    private static (byte[] Bytes, StreamCoding Coding) Smallest((byte[] Bytes, StreamCoding Coding) first, (byte[] Bytes, StreamCoding Coding) second) =>
        second.Bytes.Length < first.Bytes.Length ? second : first;

    private static ByteBuffer StartBlock(BlockMode mode, int count, int capacityHint)
    {
        var block = new ByteBuffer(64 + capacityHint);
        block.Add(BlockMagic);
        block.Add(Version);
        block.Add((byte)mode);
        block.AddVarUInt((uint)count);
        return block;
    }

    private static byte[] CodePayload(ByteBuffer block, ISymbolModel model, ReadOnlySpan<int> symbols)
    {
        var encoder = new RangeEncoder(symbols.Length);
        foreach (int symbol in symbols)
        {
            model.Encode(encoder, symbol);
        }

        block.AddRange(encoder.Finish());
        return Seal(block);
    }

    private static byte[] Seal(ByteBuffer block)
    {
        block.AddUInt32LittleEndian(Crc32.Compute(block.Written));
        return block.ToArray();
    }

    // minBitsPerSymbol: a lower bound on each symbol's cost in whole bits, 0 when only the model's
    // fractional cost is known.
    private static int[] DecodePayload(ISymbolModel model, ref BlockReader reader, ReadOnlySpan<byte> body, uint count, long countOffset, int minBitsPerSymbol = 0)
    {
        int payloadStart = reader.Position;
        ReadOnlySpan<byte> payload = body[payloadStart..];

        // Every symbol of a model with two or more symbols costs more than 2^-16 bits, so a payload
        // of B bytes cannot hold more than (8B + 32) * 2^16 symbols; where each symbol is known to
        // cost at least m whole bits, no more than (8B + 32) / m. A count beyond that is damage.
        long capacityBits = payload.Length * 8L + 32;
        long capacity = minBitsPerSymbol > 0 ? capacityBits / minBitsPerSymbol : capacityBits << 16;
        if (count > capacity)
        {
            throw new EntropyBlockException(countOffset, $"symbol count {count} cannot fit in a payload of {payload.Length} bytes");
        }

        var decoder = new RangeDecoder(payload, payloadStart);
        var symbols = new int[count];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = model.Decode(ref decoder);
        }

        if (!decoder.IsAtEnd)
        {
            throw new EntropyBlockException(decoder.Offset, $"{payload.Length - decoder.Position} bytes of payload are left after the last symbol");
        }

        return symbols;
    }

    internal static ReadOnlySpan<byte> VerifyChecksum(ReadOnlySpan<byte> block, string what)
    {
        if (block.Length < 8)
        {
            throw new EntropyBlockException(block.Length, $"{what} is {block.Length} bytes, shorter than the smallest possible (8)");
        }

        ReadOnlySpan<byte> body = block[..^4];
        uint stored = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(block[^4..]);
        uint actual = Crc32.Compute(body);
        if (stored != actual)
        {
            throw new EntropyBlockException(block.Length - 4, $"{what} CRC-32 is 0x{actual:X8} but 0x{stored:X8} is stored");
        }

        return body;
    }

    internal static void ReadHeader(ref BlockReader reader, byte magic, string what)
    {
        byte found = reader.ReadByte("magic");
        if (found != magic)
        {
            throw new EntropyBlockException(0, $"magic byte is 0x{found:X2}, expected 0x{magic:X2} for {what}");
        }

        byte version = reader.ReadByte("version");
        if (version != Version)
        {
            throw new EntropyBlockException(1, $"version is {version}, this reader knows version {Version}");
        }
    }

    private static void RequireCount(bool ok, long offset, uint count, string what)
    {
        if (!ok)
        {
            throw new EntropyBlockException(offset, $"symbol count {count} is impossible for {what}");
        }
    }

    private static void RequireEnd(ref BlockReader reader)
    {
        if (reader.Remaining != 0)
        {
            throw new EntropyBlockException(reader.Offset, $"{reader.Remaining} unexpected bytes after the block header");
        }
    }
}
