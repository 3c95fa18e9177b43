using Sieve.Core.Synthetic;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>One small model trained through the CLI, shared by the round-trip tests.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Root = Directory.CreateTempSubdirectory("sieve-cli-").FullName;
        TrainCsv = Path("train.csv");
        TestCsv = Path("test.csv");
        ModelDir = Path("model");
        CsvTableWriter.Write(TrainCsv, SyntheticJets.Generate(3000, 1));
        CsvTableWriter.Write(TestCsv, SyntheticJets.Generate(500, 2, 3000));
        (int code, string output) = CliRunner.Run("train", "--input", TrainCsv, "--columns", "m,pt,phi,eta", "--preset", "small", "--epochs", "3", "--out", ModelDir);
        if (code != 0)
        {
            throw new InvalidOperationException("training for the fixture failed:\n" + output);
        }
    }

    public string Root { get; }

    public string TrainCsv { get; }

    public string TestCsv { get; }

    public string ModelDir { get; }

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
