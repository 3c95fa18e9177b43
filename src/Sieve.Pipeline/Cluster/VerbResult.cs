namespace Sieve.Pipeline.Cluster;

/// <summary>How a verb run ended.</summary>
/// <param name="ExitCode">0 success; 1 bad input; 70 a bug.</param>
/// <param name="Output">What it printed.</param>
public sealed record VerbResult(int ExitCode, string Output)
{
    /// <summary>The error line it printed ("error: ..."), else its last non-empty line: the reason of a failure.</summary>
    public string Reason
    {
        get
        {
            string[] lines = Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? error = lines.LastOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("internal error", StringComparison.Ordinal));
            return error is not null ? (error.StartsWith("error:", StringComparison.Ordinal) ? error["error:".Length..].Trim() : error)
                : lines.LastOrDefault() ?? $"exit code {ExitCode} and no output";
        }
    }
}
