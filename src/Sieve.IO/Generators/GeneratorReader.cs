using Sieve.Core.Events;

namespace Sieve.IO.Generators;

/// <summary>Reads generator-level events of any <see cref="GeneratorFormat"/>, chosen by name or by the caller.</summary>
public static class GeneratorReader
{
    /// <summary>
    /// Streams the events of <paramref name="path"/>; <paramref name="format"/> overrides the
    /// format detected from the name (<see cref="GeneratorFormats.Detect"/>). Gzip input is
    /// recognised by its content, whatever the name.
    /// </summary>
    public static IEnumerable<GeneratorEvent> Read(string path, GeneratorFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return (format ?? GeneratorFormats.Detect(path)) switch
        {
            GeneratorFormat.Lhe => LheReader.Read(path),
            GeneratorFormat.HepMC3 => HepMC3Reader.Read(path),
            GeneratorFormat.FastJetText => FastJetTextReader.Read(path),
            GeneratorFormat f => throw new ArgumentOutOfRangeException(nameof(format), f, "unknown generator format"),
        };
    }
}
