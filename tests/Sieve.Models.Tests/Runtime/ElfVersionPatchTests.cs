using Sieve.Build;

namespace Sieve.Models.Tests.Runtime;

/// <summary>
/// The build-time fix that lets TorchSharp load on systems with an older libstdc++
/// (build/ElfVersionPatch.cs), exercised on a pristine copy of the shipped library.
/// </summary>
public sealed class ElfVersionPatchTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-elf-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void Patch_weakens_only_that_requirement_and_is_idempotent()
    {
        string lib = CopyPristine("libLibTorchSharp.so");
        byte[] before = File.ReadAllBytes(lib);
        Assert.True(ElfVersionPatch.HasRequirement(lib, ElfVersionPatch.Glibcxx3432));
        Assert.False(ElfVersionPatch.IsRequirementWeak(lib, ElfVersionPatch.Glibcxx3432));

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatch.MakeRequirementWeak(lib, ElfVersionPatch.Glibcxx3432));
        byte[] after = File.ReadAllBytes(lib);
        Assert.True(ElfVersionPatch.IsRequirementWeak(lib, ElfVersionPatch.Glibcxx3432));

        // Exactly one byte changed, by setting bit 0x2 (VER_FLG_WEAK) and nothing else.
        Assert.Equal(before.Length, after.Length);
        int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Single(changed);
        Assert.Equal(before[changed[0]] | 0x2, after[changed[0]]);

        // Other requirements stay strong.
        Assert.False(ElfVersionPatch.IsRequirementWeak(lib, "GLIBCXX_3.4.19"));

        // Second run: nothing to do, nothing written.
        DateTime stamp = File.GetLastWriteTimeUtc(lib);
        Assert.Equal(ElfPatchOutcome.AlreadyWeak, ElfVersionPatch.MakeRequirementWeak(lib, ElfVersionPatch.Glibcxx3432));
        Assert.Equal(after, File.ReadAllBytes(lib));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(lib));
    }

    [SkippableFact]
    public void Library_without_the_requirement_is_left_untouched()
    {
        string lib = CopyPristine("libLibTorchSharp.so");
        byte[] before = File.ReadAllBytes(lib);
        Assert.Equal(ElfPatchOutcome.NoSuchRequirement, ElfVersionPatch.MakeRequirementWeak(lib, "GLIBCXX_9.9.99"));
        Assert.Equal(before, File.ReadAllBytes(lib));
    }

    [Fact]
    public void Non_elf_file_is_refused()
    {
        string path = Path.Combine(dir, "not-elf.so");
        File.WriteAllText(path, "this is text, not a shared library, and it is long enough to have a header............");
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MakeRequirementWeak(path, ElfVersionPatch.Glibcxx3432));
        Assert.Contains("not an ELF file", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Build_output_is_patched_exactly_when_the_system_needs_it()
    {
        string? libstdcxx = ElfVersionPatch.FindSystemLibStdCxx();
        Skip.If(libstdcxx is null, "no libstdc++.so.6 on this machine");
        string output = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Skip.IfNot(File.Exists(output), "TorchSharp native library not in the test output");

        bool systemHasVersion = ElfVersionPatch.LibraryMentionsVersion(libstdcxx!, ElfVersionPatch.Glibcxx3432);
        Assert.Equal(!systemHasVersion, ElfVersionPatch.IsRequirementWeak(output, ElfVersionPatch.Glibcxx3432));
    }

    private string CopyPristine(string name)
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string source = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", name);
        Skip.IfNot(File.Exists(source), $"pristine {name} not found in the NuGet cache ({source})");
        string copy = Path.Combine(dir, name);
        File.Copy(source, copy);
        return copy;
    }
}
