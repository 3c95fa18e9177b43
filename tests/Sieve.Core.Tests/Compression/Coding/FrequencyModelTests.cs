using Sieve.Compression.Coding;

namespace Sieve.Core.Tests.Compression.Coding;

public class FrequencyModelTests
{
    [Theory]
    [InlineData("gaussian")]
    [InlineData("geometric")]
    [InlineData("wide-uniform")]
    [InlineData("outliers")]
    [InlineData("extreme")]
    public void Frequencies_sum_to_the_total_and_every_used_symbol_is_codable(string kind)
    {
        int[] symbols = SymbolStreams.Make(kind, 20_000, seed: 3);

        var model = FrequencyModel.FromSymbols(symbols);

        long sum = model.EscapeFrequency;
        for (long s = model.Lowest; s < (long)model.Lowest + model.Span; s++)
        {
            sum += model.Frequency((int)s);
        }

        Assert.Equal(FrequencyModel.Total, sum);
        Assert.All(symbols, s => Assert.True(double.IsFinite(model.CodeLengthBits(s))));
        Assert.InRange(model.Span, 1, FrequencyModel.MaxSpan);
    }

    [Fact]
    public void Serialised_model_reads_back_identically()
    {
        int[] symbols = SymbolStreams.Make("outliers", 5000, seed: 4);
        var model = FrequencyModel.FromSymbols(symbols);
        byte[] bytes = model.Serialise();

        var read = FrequencyModel.Deserialise([.. bytes, 0xAA], out int bytesRead);

        Assert.Equal(bytes.Length, bytesRead);
        Assert.Equal(bytes, read.Serialise());
        Assert.Equal(model.Lowest, read.Lowest);
        Assert.Equal(model.Span, read.Span);
    }

    [Fact]
    public void Sparse_windows_are_stored_compactly()
    {
        int[] symbols = [.. Enumerable.Repeat(0, 500), .. Enumerable.Repeat(10_000, 500)];

        byte[] bytes = FrequencyModel.FromSymbols(symbols).Serialise();

        // lowest 1 B, span 2 B, two frequencies of 2^15 at 3 B each, one zero run 3 B, escape 1 B.
        Assert.True(bytes.Length <= 13, $"two-symbol model is {bytes.Length} bytes");
    }

    [Fact]
    public void Rare_symbols_keep_a_nonzero_frequency()
    {
        int[] symbols = [.. Enumerable.Repeat(7, 1_000_000), 8, 9, -3];

        var model = FrequencyModel.FromSymbols(symbols);

        Assert.Equal(1, model.Frequency(8));
        Assert.Equal(1, model.Frequency(9));
        Assert.Equal(1, model.Frequency(-3));
        Assert.Equal(FrequencyModel.Total - 3, model.Frequency(7)); // the unused slots between -3 and 7 take nothing
    }

    [Fact]
    public void A_model_whose_frequencies_do_not_sum_to_the_total_is_refused()
    {
        byte[] bytes = FrequencyModel.FromSymbols([1, 2, 2]).Serialise();
        bytes[2] ^= 0x01;

        Assert.Throws<EntropyBlockException>(() => FrequencyModel.Deserialise(bytes, out _));
    }
}
