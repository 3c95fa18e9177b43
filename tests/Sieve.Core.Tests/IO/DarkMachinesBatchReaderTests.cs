using System.Text;
using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO;

/// <summary>The fast batch reader must read exactly what the line reader reads, and fail exactly where it fails.</summary>
public sealed class DarkMachinesBatchReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-dmbatch-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void Real_file_reads_identically_to_the_line_reader()
    {
        string path = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        AssertSame(path, batchSize: 1000);
    }

    [Theory]
    [InlineData("1;p;1;1000;0.5;j,50000,40000,0.1,0.2;\n2;p;1;2000;-0.5;\n")]
    [InlineData("1;p;1;1000;0.5;j,50000,40000,0.1,0.2\r\n2;p;1;2000;-0.5\r\n\r\n\n")]
    [InlineData("\uFEFF7;ttbar;2.5e-05;1.06946e+06;3.1;e-,1,2,3,-3;m+,4,5,-1,1;g,7,6,0,0;b,9,8,2.5,-2.5;h,1,1,0,0;\n")]
    [InlineData("1; p ;1;1000;0.5;\n")]
    [InlineData("1;p;1;1000;0.5;j,50000,40000,0.1,0.2,;\n")]
    [InlineData("1;p;1;1000;0.5;x,50000,40000,0.1,0.2;\n")]
    [InlineData("1;p;1;NaN;0.5;\n")]
    [InlineData("1;p;1;1e400;0.5;\n")]
    [InlineData("1;p;1;1000\n")]
    [InlineData("1;p;1;1000;0.5;\n\n2;p;1;2000;0.5;\n")]
    [InlineData("1;p;1;1000;0.5;j,5e4,4e4,0.1,abc;\n")]
    [InlineData("1;p;1;1000;0.5;j,123456789012345678,4e4,0.1,0.2;\n")]
    [InlineData("")]
    public void Odd_and_malformed_lines_behave_like_the_line_reader(string content)
    {
        string path = Path.Combine(dir, "case.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        AssertSame(path, batchSize: 2);
    }

    [SkippableFact]
    public void Fuzzed_real_lines_behave_like_the_line_reader()
    {
        string real = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        string[] lines = [.. File.ReadLines(real).Take(50)];
        var rng = new Random(99);
        const string alphabet = "0123456789.,;-+eEjbgmh \tx";
        for (int trial = 0; trial < 500; trial++)
        {
            var text = new StringBuilder(string.Join('\n', lines.Skip(rng.Next(40)).Take(5)));
            for (int m = rng.Next(1, 4); m > 0; m--)
            {
                int at = rng.Next(text.Length);
                switch (rng.Next(3))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, alphabet[rng.Next(alphabet.Length)]); break;
                    default: text[at] = alphabet[rng.Next(alphabet.Length)]; break;
                }
            }

            string path = Path.Combine(dir, $"fuzz-{trial}.csv");
            File.WriteAllText(path, text.ToString());
            AssertSame(path, batchSize: 3);
        }
    }

    private static void AssertSame(string path, int batchSize)
    {
        List<Event>? expected = null;
        SieveDataException? expectedError = null;
        try
        {
            expected = [.. DarkMachinesReader.Read(path)];
        }
        catch (SieveDataException e)
        {
            expectedError = e;
        }

        List<Event>? actual = null;
        SieveDataException? actualError = null;
        try
        {
            actual = [.. DarkMachinesBatchReader.Read(path, batchSize).SelectMany(b => b.Events())];
        }
        catch (SieveDataException e)
        {
            actualError = e;
        }

        if (expectedError is not null)
        {
            Assert.NotNull(actualError);
            Assert.Equal(expectedError.Message, actualError!.Message);
            return;
        }

        Assert.Null(actualError);
        Assert.Equal(expected!.Count, actual!.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].ProcessId, actual[i].ProcessId);
            Assert.Equal(expected[i].Weight, actual[i].Weight);
            Assert.Equal(expected[i].Met, actual[i].Met);
            Assert.Equal(expected[i].MetPhi, actual[i].MetPhi);
            Assert.Equal(expected[i].Objects, actual[i].Objects);
        }
    }
}
