namespace Sieve.Core.Tests.IO;

/// <summary>Paths of the reference files written by IO/Fixtures/make_fixtures.py (numpy, h5py).</summary>
internal static class FixtureFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "IO", "Fixtures", name);
}
