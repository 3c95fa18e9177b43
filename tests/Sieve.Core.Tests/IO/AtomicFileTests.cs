using Sieve.IO;

namespace Sieve.Core.Tests.IO;

/// <summary>Outputs appear whole or not at all: a write that fails half way leaves neither a partial file nor a temporary one, and keeps an older file intact.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_half_way_leaves_no_file_and_no_temporary()
    {
        using var folder = new TempFolder();
        string path = folder.File("out.csv");
        Assert.Throws<IOException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write(new string('x', 1 << 20));
            throw new IOException("No space left on device");
        }));
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void A_failed_rewrite_keeps_the_previous_file_as_it_was()
    {
        using var folder = new TempFolder();
        string path = folder.File("out.bin");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteBinary(path, s =>
        {
            s.Write([9, 9, 9, 9, 9]);
            throw new InvalidOperationException("the data ran out");
        }));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["out.bin"], folder.Files());
    }
}
