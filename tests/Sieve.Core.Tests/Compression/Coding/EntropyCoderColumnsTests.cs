using Sieve.Compression.Coding;

namespace Sieve.Core.Tests.Compression.Coding;

public class EntropyCoderColumnsTests
{
    [Theory]
    [InlineData(0, 3, ModelKind.Static)]
    [InlineData(1, 1, ModelKind.Static)]
    [InlineData(1000, 4, ModelKind.Static)]
    [InlineData(1000, 4, ModelKind.Adaptive)]
    [InlineData(20_000, 8, ModelKind.Static)]
    public void Round_trip_is_exact(int rows, int dims, ModelKind kind)
    {
        var rng = new Random(rows + dims);
        int[] symbols = new int[rows * dims];
        for (int i = 0; i < symbols.Length; i++)
        {
            int d = i % dims;
            symbols[i] = d == 0 ? int.MinValue + rng.Next(3) : SymbolStreams.Gaussian(rng, 1 << (2 * d));
        }

        SymbolMatrix decoded = EntropyCoder.DecodeColumns(EntropyCoder.EncodeColumns(symbols, dims, kind));

        Assert.Equal(rows, decoded.Rows);
        Assert.Equal(dims, decoded.Dims);
        Assert.Equal(symbols, decoded.Symbols);
    }

    [Fact]
    public void Per_column_models_beat_one_shared_model_when_scales_differ()
    {
        var rng = new Random(1);
        const int dims = 4;
        int[] symbols = new int[50_000 * dims];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = SymbolStreams.Gaussian(rng, 1 << (3 * (i % dims)));
        }

        int columns = EntropyCoder.EncodeColumns(symbols, dims).Length;
        int shared = EntropyCoder.Encode(symbols).Length;

        Assert.True(columns < shared, $"per column {columns} B, shared {shared} B");
    }

    [Fact]
    public void Damage_throws_and_names_the_column()
    {
        int[] symbols = SymbolStreams.Make("gaussian", 3000, seed: 2);
        byte[] table = EntropyCoder.EncodeColumns(symbols, 3);
        byte[] damaged = (byte[])table.Clone();
        damaged[table.Length / 2] ^= 0x10;

        Assert.Throws<EntropyBlockException>(() => EntropyCoder.DecodeColumns(damaged));
        var e = Assert.Throws<EntropyBlockException>(() => EntropyCoder.DecodeColumns(SymbolStreams.WithFixedCrc(damaged)));
        Assert.Contains("column", e.Message);
        for (int length = 0; length < table.Length; length += 7)
        {
            Assert.Throws<EntropyBlockException>(() => EntropyCoder.DecodeColumns(table.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Shape_errors_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EntropyCoder.EncodeColumns([1, 2, 3], 2));
        Assert.Throws<ArgumentException>(() => EntropyCoder.EncodeColumns([1, 2, 3], 0));
    }
}
