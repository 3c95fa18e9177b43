using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Hdf5;
using Sieve.IO.Numpy;
using Sieve.IO.Parquet;

namespace Sieve.Cli.Tests;

/// <summary>train -> compress -> decompress through .npy, HDF5 and Parquet tables.</summary>
public sealed class TableFormatTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-formats-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A binary table renamed .csv is read for what it is; forced to another reader, it is named, not parsed as text.</summary>
    [Theory]
    [InlineData(".npy", "npy")]
    [InlineData(".h5", "hdf5")]
    [InlineData(".parquet", "parquet")]
    public void A_binary_file_with_the_wrong_extension_is_read_by_its_content(string extension, string format)
    {
        FeatureTable generated = SyntheticJets.Generate(50, 3);
        var jets = new FeatureTable(generated.FeatureNames, generated.Values, generated.RowCount, [], generated.FeatureNames);
        string real = Path.Combine(dir, "jets" + extension), renamed = Path.Combine(dir, $"jets-{format}.csv");
        Write(real, jets);
        File.Copy(real, renamed);

        (int code, string text) = CliRunner.Run("info", real, "--json");
        Assert.True(code == 0, text);
        string expected = text;
        (code, text) = CliRunner.Run("info", renamed, "--json");
        Assert.True(code == 0, text);
        Assert.Equal(expected.Replace(real, renamed, StringComparison.Ordinal), text);

        (code, text) = CliRunner.Run("info", renamed, "--format", "csv");
        Assert.True(code == 1, text);
        Assert.Contains($"(by its first bytes), not csv input; leave out --format, or give --format {format}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".npy")]
    [InlineData(".h5")]
    [InlineData(".parquet")]
    public void Round_trip_keeps_unchosen_numeric_columns_exact(string extension)
    {
        // An all-numeric table: an index column and the four jet features.
        FeatureTable jets = SyntheticJets.Generate(600, 4);
        string[] names = ["index", .. jets.FeatureNames];
        var values = new double[jets.RowCount * 5];
        for (int r = 0; r < jets.RowCount; r++)
        {
            values[r * 5] = 1000 + r;
            for (int f = 0; f < 4; f++)
            {
                values[(r * 5) + 1 + f] = jets[r, f];
            }
        }

        var table = new FeatureTable(names, values, jets.RowCount, [], names);
        string input = Path.Combine(dir, "jets" + extension);
        Write(input, table);
        string[] columns = extension == ".npy" ? ["f1", "f2", "f3", "f4"] : ["m", "pt", "phi", "eta"];

        string model = Path.Combine(dir, "model");
        (int code, string text) = CliRunner.Run("train", "--input", input, "--columns", string.Join(',', columns), "--epochs", "2", "--preset", "small", "--out", model);
        Assert.True(code == 0, text);
        string archive = Path.Combine(dir, "jets.sieve");
        (code, text) = CliRunner.Run("compress", "--model", model, "--input", input, "--out", archive);
        Assert.True(code == 0, text);
        string output = Path.Combine(dir, "out" + extension);
        (code, text) = CliRunner.Run("decompress", "--input", archive, "--out", output);
        Assert.True(code == 0, text);

        FeatureTable back = Read(output);
        Assert.Equal(table.RowCount, back.RowCount);
        if (extension == ".parquet")
        {
            // Parquet's reader keeps id-like columns ("index") as text side channels; they come back verbatim as text.
            IReadOnlyList<string> index = back.SideChannels.Single(c => c.Name == "index").Values;
            Assert.Equal(Enumerable.Range(1000, table.RowCount).Select(i => double.Parse(index[i - 1000], System.Globalization.CultureInfo.InvariantCulture)), Enumerable.Range(1000, table.RowCount).Select(i => (double)i));
            return;
        }

        Assert.Equal(5, back.FeatureCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            Assert.Equal(table[r, 0], back[r, 0]); // the index travelled losslessly
        }
    }

    private static void Write(string path, FeatureTable table)
    {
        switch (Path.GetExtension(path))
        {
            case ".npy": NpyWriter.WriteTable(path, table); break;
            case ".h5": Hdf5TableWriter.Write(path, table); break;
            default: ParquetTableWriter.Write(path, table); break;
        }
    }

    private static FeatureTable Read(string path) => Path.GetExtension(path) switch
    {
        ".npy" => NpyReader.ReadTable(path),
        ".h5" => Hdf5TableReader.Read(path),
        _ => ParquetTableReader.Read(path, new ParquetTableOptions { FeatureColumns = null }),
    };
}
