using Sieve.IO.Generators;

namespace Sieve.Core.Tests.IO.Generators;

public sealed class GeneratorFormatsTests
{
    [Theory]
    [InlineData("a/b/w.lhe", GeneratorFormat.Lhe)]
    [InlineData("W.LHE.GZ", GeneratorFormat.Lhe)]
    [InlineData("x.hepmc3", GeneratorFormat.HepMC3)]
    [InlineData("x.hepmc.gz", GeneratorFormat.HepMC3)]
    [InlineData("Pythia-PtMin1000-LHC-10ev.dat", GeneratorFormat.FastJetText)]
    [InlineData("events.txt.gz", GeneratorFormat.FastJetText)]
    public void Extension_names_the_format(string path, GeneratorFormat expected) =>
        Assert.Equal(expected, GeneratorFormats.Detect(path));

    [Theory]
    [InlineData("x.csv")]
    [InlineData("x.gz")]
    [InlineData("lhe")]
    public void Unknown_extension_is_an_argument_error(string path)
    {
        Assert.False(GeneratorFormats.TryDetect(path, out _));
        var ex = Assert.Throws<ArgumentException>(() => GeneratorFormats.Detect(path));
        Assert.Contains(".lhe", ex.Message);
    }

    [Fact]
    public void Caller_overrides_the_detected_format()
    {
        using var temp = new TempFolder();
        string path = temp.File("particles.lhe"); // misnamed FastJet text
        File.WriteAllText(path, "1 0 0 1\n#END\n");
        Assert.Single(GeneratorReader.Read(path, GeneratorFormat.FastJetText));
        Assert.Throws<Sieve.Core.Errors.SieveDataException>(() => GeneratorReader.Read(path).ToList());
    }
}
