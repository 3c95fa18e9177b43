namespace Sieve.Pipeline.Cluster;

/// <summary>
/// The command that starts this `sieve` on a batch node: the running executable when the process
/// is `sieve` itself; else the `sieve` launcher beside the Sieve.Cli assembly (a test host, a
/// program using the library); else `dotnet sieve.dll`. SIEVE_EXECUTABLE overrides all of them
/// (a wrapper that loads a site's modules, say).
/// </summary>
public static class SieveExecutable
{
    /// <summary>The environment variable that overrides the detection.</summary>
    public const string Variable = "SIEVE_EXECUTABLE";

    /// <summary>The command as words (the first is the program).</summary>
    /// <exception cref="FileNotFoundException">No `sieve` could be found.</exception>
    public static IReadOnlyList<string> Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return [Path.GetFullPath(given)];
        }

        string? process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "sieve")
        {
            return [process];
        }

        string folder = AppContext.BaseDirectory;
        foreach (string name in new[] { "sieve", "sieve.exe" })
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return [candidate];
            }
        }

        string dll = Path.Combine(folder, "sieve.dll");
        if (File.Exists(dll) && process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return [process, dll];
        }

        throw new FileNotFoundException($"cannot find the sieve executable (this process is {process}; no sieve beside {folder}); set {Variable} to its path.");
    }
}
