namespace Sieve.Cli.Terminal;

/// <summary>
/// IProgress that calls back on the reporting thread, in order (System.Progress posts to the
/// thread pool in a console app, which reorders reports).
/// </summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
