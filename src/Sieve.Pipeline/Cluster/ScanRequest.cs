namespace Sieve.Pipeline.Cluster;

/// <summary>What `sieve scan` was asked: one training per value of one integer option of train and per seed.</summary>
/// <param name="Parameter">The train option scanned, without dashes: latent, epochs, batch-size or patience.</param>
/// <param name="Values">Its values.</param>
/// <param name="Seeds">Trainings per value, with seeds 42, 43, ... (train's default seed first).</param>
/// <param name="Input">The training file.</param>
/// <param name="Directory">The run's folder.</param>
/// <param name="TrainArgs">Further train options (after --), without --input, --out, --seed and the scanned option.</param>
/// <param name="Resources">What each task asks for.</param>
/// <param name="MaxRetries">How often collect resubmits a failed training.</param>
/// <param name="Local">Train here instead of through sbatch.</param>
public sealed record ScanRequest(string Parameter, IReadOnlyList<int> Values, int Seeds, string Input, string Directory, IReadOnlyList<string> TrainArgs,
    ClusterResources? Resources = null, int MaxRetries = 1, bool Local = true)
{
    /// <summary>The options a scan may vary.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["latent", "epochs", "batch-size", "patience"];

    /// <summary>The first seed; the others follow it.</summary>
    public const int FirstSeed = 42;

    /// <summary>Reads a grid such as <c>latent=2,3,4</c>.</summary>
    /// <exception cref="ArgumentException">Not name=values, an option a scan cannot vary, or values that are not distinct positive integers.</exception>
    public static (string Parameter, int[] Values) ParseGrid(string grid)
    {
        ArgumentException.ThrowIfNullOrEmpty(grid);
        string[] sides = grid.Split('=', 2);
        string name = sides[0].Trim().TrimStart('-');
        if (sides.Length != 2 || !Parameters.Contains(name))
        {
            throw new ArgumentException($"--grid '{grid}' is not NAME=V1,V2,... with NAME one of {string.Join(", ", Parameters)} (e.g. latent=2,3,4).");
        }

        var values = new List<int>();
        foreach (string text in sides[1].Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) || v < 1)
            {
                throw new ArgumentException($"--grid {name}: '{text}' is not a positive integer.");
            }

            values.Add(v);
        }

        if (values.Distinct().Count() != values.Count || values.Count == 0)
        {
            throw new ArgumentException($"--grid {name}: give each value once.");
        }

        return (name, [.. values.Order()]);
    }
}
