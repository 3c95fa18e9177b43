using Sieve.Pipeline.Cluster;

namespace Sieve.Cli.Tests;

/// <summary>The pieces a cluster run is planned from: inputs from globs and list files, verb options as words, shell quoting, the sbatch script.</summary>
public sealed class ClusterPlanTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-plan-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Touch(string relative)
    {
        string path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "a,b\n1,2\n");
        return path;
    }

    [Fact]
    public void Globs_match_by_path_sorted_and_list_files_resolve_from_their_folder()
    {
        string b = Touch("data/b.csv"), a = Touch("data/a.csv"), deep = Touch("data/more/c.csv");
        Touch("data/notes.txt");
        Assert.Equal([a, b], InputList.Expand("data/*.csv", dir));
        Assert.Equal([a, b, deep], InputList.Expand(Path.Combine(dir, "data", "**", "*.csv"), "/"));
        Assert.Equal([a, b], InputList.Expand("data/?.csv", dir));
        Assert.Contains("names no files", Assert.Throws<ArgumentException>(() => InputList.Expand("data/??.csv", dir)).Message, StringComparison.Ordinal);

        File.WriteAllLines(Path.Combine(dir, "data", "list.txt"), ["# shards", "", "b.csv", "more/c.csv"]);
        Assert.Equal([b, deep], InputList.Expand("data/list.txt", dir));

        File.WriteAllLines(Path.Combine(dir, "data", "bad.txt"), ["b.csv", "gone.csv"]);
        var e = Assert.Throws<FileNotFoundException>(() => InputList.Expand("data/bad.txt", dir));
        Assert.Contains("bad.txt:2", e.Message, StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(dir, "data", "twice.txt"), ["b.csv", "./b.csv"]);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => InputList.Expand("data/twice.txt", dir)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verb_options_are_read_and_removed_in_both_spellings()
    {
        string[] args = ["--method", "quantize", "--target-rms=pt=1%", "--headroom", "2%", "--columns", "m,pt"];
        Assert.Equal("quantize", VerbArguments.Value(args, "--method"));
        Assert.Equal("pt=1%", VerbArguments.Value(args, "--target-rms"));
        Assert.Equal(["--method", "quantize", "--columns", "m,pt"], VerbArguments.Without(args, "--target-rms", "--headroom"));
        Assert.False(VerbArguments.Has(args, "--input", "-i"));
    }

    [Fact]
    public void Shell_words_are_quoted_only_when_needed_and_read_back_by_bash()
    {
        Assert.Equal("--target-rms pt=0.3%,m=0.3%", ShellQuote.Line(["--target-rms", "pt=0.3%,m=0.3%"]));
        string[] words = ["plain", "two words", "it's", "$HOME", "*.csv", ""];
        (int code, string output, _) = ExternalCommand.Run("bash", ["-c", "printf '%s\\n' " + ShellQuote.Line(words)]);
        Assert.Equal(0, code);
        Assert.Equal(words, output.Split('\n')[..^1]);
    }

    [Fact]
    public void The_sbatch_script_asks_for_the_resources_and_runs_its_task_by_array_index()
    {
        var manifest = new ClusterManifest
        {
            Tool = "sieve 0.1.0",
            Executable = ["/opt/sieve/sieve"],
            WorkingDirectory = "/home/me",
            Verb = ClusterVerb.Score,
            VerbArgs = [],
            Inputs = [],
            Tasks = [.. Enumerable.Range(0, 7).Select(i => new ClusterTask(i, []))],
            Resources = new ClusterResources("short", "physics", "01:30:00", 4, "8G"),
            Output = "/scratch/run/merged.csv",
        };
        string script = SbatchScript.Text(manifest, ClusterPaths.Of("/scratch/run"));
        string[] expected =
        [
            "#SBATCH --array=0-6", "#SBATCH --output=/scratch/run/logs/%A_%a.out", "#SBATCH --chdir=/home/me", "#SBATCH --cpus-per-task=4",
            "#SBATCH --partition=short", "#SBATCH --account=physics", "#SBATCH --time=01:30:00", "#SBATCH --mem=8G",
            "exec /opt/sieve/sieve task /scratch/run --index \"$SLURM_ARRAY_TASK_ID\" --job \"$SLURM_ARRAY_JOB_ID\"",
        ];
        string[] lines = script.Split('\n');
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => new ClusterResources(Time: "90 minutes").Validate());
        Assert.Throws<ArgumentException>(() => new ClusterResources(Account: "a b").Validate());
        Assert.Throws<ArgumentException>(() => new ClusterResources(Cpus: 0).Validate());
    }
}
