namespace Sieve.Tests.Shared;

/// <summary>
/// Locates the real data sets in <c>../shared/data</c> beside the repository (never copied into it).
/// Tests that need them call <see cref="Require"/>, which skips the test with a visible reason when
/// the folder is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared data folder, or null when it is not beside the repository.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Full path of a file under shared/data; skips the test when it is missing.</summary>
    public static string Require(string relativePath)
    {
        string? root = Root.Value;
        Skip.If(root is null, "../shared/data is not beside this checkout; real-data test skipped.");
        string path = Path.Combine(root!, relativePath);
        Skip.IfNot(File.Exists(path), $"{path} is missing; real-data test skipped.");
        return path;
    }

    private static string? FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("SIEVE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }

        // Walk up from the test binaries: the checkout is <x>/<repo>, the data <x>/shared/data.
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
