using System.Text.Json;

namespace Sieve.Cli.Tests;

/// <summary>`sieve bench` reports what it ran and one measurement per engine; timing values are not asserted (the machine is shared).</summary>
public class BenchTests
{
    [Theory]
    [InlineData("score", "4-64-32-3 (tanh)", 65536, 2)]
    [InlineData("latency", "4-64-32-3 (tanh)", 1, 2)]
    [InlineData("train", "4-64-32-3 (tanh)", 256, 1)]
    public void Json_names_the_model_the_batch_and_each_engine(string what, string model, int batch, int engines)
    {
        (int code, string text) = CliRunner.Run("bench", "--what", what, "--seconds", "0.05", "--json");
        Assert.True(code == 0, text);
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement root = json.RootElement;
        Assert.Equal(what, root.GetProperty("kind").GetString());
        Assert.Equal(model, root.GetProperty("model").GetString());
        // 4*64 + 64 + 64*32 + 32 + 32*3 + 3 in the encoder, the mirror image in the decoder.
        Assert.Equal(2 * ((4 * 64) + (64 * 32) + (32 * 3)) + (64 + 32 + 3) + (32 + 64 + 4), root.GetProperty("parameters").GetInt64());
        Assert.Equal(batch, root.GetProperty("batch").GetInt32());
        JsonElement[] results = [.. root.GetProperty("engines").EnumerateArray()];
        Assert.Equal(engines, results.Length);
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("calls").GetInt32() >= 5);
            Assert.True(r.GetProperty("events_per_second").GetDouble() > 0);
            Assert.True(r.GetProperty("p99_microseconds").GetDouble() >= r.GetProperty("median_microseconds").GetDouble());
        });
    }

    [Fact]
    public void A_preset_named_after_its_width_gets_that_many_features()
    {
        (int code, string text) = CliRunner.Run("bench", "--what", "latency", "--preset", "l1-57", "--seconds", "0.02", "--json");
        Assert.True(code == 0, text);
        Assert.StartsWith("57-32-16-3", JsonDocument.Parse(text).RootElement.GetProperty("model").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Encoder_only_times_a_vaes_encoder_and_log_variance_head()
    {
        (int code, string text) = CliRunner.Run("bench", "--what", "latency", "--preset", "l1-57", "--encoder-only", "--seconds", "0.02", "--json");
        Assert.True(code == 0, text);
        JsonElement root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("latency (encoder only, R_z)", root.GetProperty("kind").GetString());
        // Trunk 57*32 + 32 + 32*16 + 16, mean and log-variance heads 2 * (16*3 + 3).
        Assert.Equal((57 * 32) + 32 + (32 * 16) + 16 + (2 * ((16 * 3) + 3)), root.GetProperty("parameters").GetInt64());
        (int trainCode, _) = CliRunner.Run("bench", "--what", "train", "--encoder-only", "--seconds", "0.02");
        Assert.NotEqual(0, trainCode);
    }

    [Fact]
    public void A_batch_of_zero_is_refused_with_what_was_given()
    {
        (int code, string text) = CliRunner.Run("bench", "--batch", "0", "--seconds", "0.02");
        Assert.NotEqual(0, code);
        Assert.Contains("batch 0", text, StringComparison.Ordinal);
    }
}
