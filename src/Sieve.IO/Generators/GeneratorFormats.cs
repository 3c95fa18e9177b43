namespace Sieve.IO.Generators;

/// <summary>Chooses a <see cref="GeneratorFormat"/> from a file name.</summary>
public static class GeneratorFormats
{
    /// <summary>
    /// The format named by the extension, ignoring case and a final <c>.gz</c>:
    /// <c>.lhe</c> is <see cref="GeneratorFormat.Lhe"/>, <c>.hepmc3</c> and <c>.hepmc</c> are
    /// <see cref="GeneratorFormat.HepMC3"/>, <c>.dat</c> and <c>.txt</c> are
    /// <see cref="GeneratorFormat.FastJetText"/>. False for anything else.
    /// </summary>
    public static bool TryDetect(string path, out GeneratorFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        string extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".lhe": format = GeneratorFormat.Lhe; return true;
            case ".hepmc3":
            case ".hepmc": format = GeneratorFormat.HepMC3; return true;
            case ".dat":
            case ".txt": format = GeneratorFormat.FastJetText; return true;
            default: format = default; return false;
        }
    }

    /// <summary>
    /// As <see cref="TryDetect"/>, but throws <see cref="ArgumentException"/> for an unknown
    /// extension, naming the ones known; pass the format explicitly to read such a file.
    /// </summary>
    public static GeneratorFormat Detect(string path)
    {
        if (!TryDetect(path, out GeneratorFormat format))
        {
            throw new ArgumentException(
                $"Cannot tell the generator format of '{path}' from its name; expected .lhe, .hepmc3, .hepmc or .dat/.txt (FastJet text), optionally with .gz, or pass the format explicitly.",
                nameof(path));
        }

        return format;
    }
}
