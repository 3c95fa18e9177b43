namespace Sieve.Core.Tests.Reports;

/// <summary>
/// A scratch folder for report tests, deleted on dispose. Set SIEVE_TEST_OUTPUT to a folder to keep
/// the files there instead (to look at the plots).
/// </summary>
internal sealed class ReportTestOutput : IDisposable
{
    private readonly bool _keep;

    public ReportTestOutput(string name)
    {
        string? keep = Environment.GetEnvironmentVariable("SIEVE_TEST_OUTPUT");
        _keep = !string.IsNullOrEmpty(keep);
        Directory = _keep
            ? Path.Combine(keep!, name)
            : Path.Combine(Path.GetTempPath(), "sieve-tests", $"{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public void Dispose()
    {
        if (!_keep && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
