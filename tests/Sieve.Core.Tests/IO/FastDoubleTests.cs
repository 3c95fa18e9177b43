using System.Globalization;
using Sieve.IO.Internal;

namespace Sieve.Core.Tests.IO;

/// <summary>The fast number parser must return exactly what double.Parse returns, bit for bit.</summary>
public class FastDoubleTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("1.06946e+06")]
    [InlineData("3831.83936")]
    [InlineData("-2.68055797")]
    [InlineData("1e22")]
    [InlineData("1e23")]
    [InlineData("1e-22")]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456789")]
    [InlineData("0.1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+7")]
    [InlineData("1E5")]
    [InlineData(" 12 ")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("4.9e-324")]
    [InlineData("0.000000000000000000000000001")]
    public void Agrees_with_double_parse(string text) => AssertSame(text);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    public void Rejects_what_double_parse_rejects(string text)
    {
        Assert.False(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        Assert.False(FastDouble.TryParse(text, out _));
        Assert.False(FastDouble.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Agrees_with_double_parse_on_a_million_random_numbers()
    {
        var rng = new Random(20261125);
        string[] formats = ["R", "G6", "G9", "G15", "G17", "E5", "F3", "F8", "0.##########", "e"];
        for (int i = 0; i < 1_000_000; i++)
        {
            double magnitude = Math.Pow(10, rng.Next(-30, 30));
            double x = (rng.NextDouble() - 0.5) * magnitude;
            string format = formats[rng.Next(formats.Length)];
            string text = format == "e" ? x.ToString("0.#####e+00", CultureInfo.InvariantCulture) : x.ToString(format, CultureInfo.InvariantCulture);
            AssertSame(text);
        }
    }

    private static void AssertSame(string text)
    {
        bool expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected);
        bool ok = FastDouble.TryParse(text, out double actual);
        Assert.Equal(expectedOk, ok);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"'{text}': expected {expected:R}, got {actual:R}");
        bool okUtf8 = FastDouble.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out double utf8);
        Assert.Equal(expectedOk, okUtf8);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(utf8), $"'{text}' as UTF-8: expected {expected:R}, got {utf8:R}");
    }
}
