using Sieve.Compression.Coding;

namespace Sieve.Core.Tests.Compression.Coding;

public class RangeCoderTests
{
    [Fact]
    public void Mixed_totals_and_raw_bits_round_trip()
    {
        var rng = new Random(1);
        var ops = new List<(uint Cum, uint Freq, uint Total)>();
        for (int i = 0; i < 50_000; i++)
        {
            uint total = (uint)rng.Next(1, (int)RangeEncoder.MaxTotal + 1);
            uint cum = (uint)rng.Next((int)total);
            uint freq = (uint)rng.Next(1, (int)(total - cum) + 1);
            ops.Add((cum, freq, total));
        }

        var encoder = new RangeEncoder();
        foreach (var (cum, freq, total) in ops)
        {
            encoder.Encode(cum, freq, total);
            encoder.EncodeBits(cum & 0x7FF, 11);
        }

        byte[] payload = encoder.Finish();
        var decoder = new RangeDecoder(payload);
        foreach (var (cum, freq, total) in ops)
        {
            uint v = decoder.GetFrequency(total);
            Assert.InRange(v, cum, cum + freq - 1);
            decoder.Decode(cum, freq);
            Assert.Equal(cum & 0x7FF, decoder.DecodeBits(11));
        }

        Assert.True(decoder.IsAtEnd);
    }

    [Fact]
    public void Long_runs_of_carries_survive()
    {
        // A symbol at the very top of every interval drives low towards 0xFF... bytes and carries.
        var encoder = new RangeEncoder();
        for (int i = 0; i < 20_000; i++)
        {
            encoder.Encode(65_535, 1, 65_536);
            encoder.Encode(0, 1, 2);
        }

        byte[] payload = encoder.Finish();
        var decoder = new RangeDecoder(payload);
        for (int i = 0; i < 20_000; i++)
        {
            Assert.Equal(65_535u, decoder.GetFrequency(65_536));
            decoder.Decode(65_535, 1);
            Assert.Equal(0u, decoder.GetFrequency(2));
            decoder.Decode(0, 1);
        }

        Assert.True(decoder.IsAtEnd);
    }

    [Fact]
    public void Invalid_intervals_are_refused()
    {
        var encoder = new RangeEncoder();

        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(5, 6, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(0, 1, RangeEncoder.MaxTotal + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.EncodeBits(0, 17));
    }

    [Fact]
    public void Reading_past_the_payload_throws()
    {
        Assert.Throws<EntropyBlockException>(() => new RangeDecoder([1, 2, 3]));
    }
}
