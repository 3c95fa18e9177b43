using Sieve.Core.Errors;
using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>
/// Seeded corruption of real ROOT files (bit flips, byte overwrites, truncation): opening and
/// reading every branch either succeeds or throws <see cref="SieveDataException"/>; never an
/// IndexOutOfRange, overflow, out-of-memory or a hang.
/// </summary>
public sealed class RootFuzzTests
{
    [SkippableTheory]
    [InlineData("uproot-Zmumu-uncompressed.root", 1)]
    [InlineData("uproot-Zmumu-lz4.root", 2)]
    [InlineData("uproot-sample-6.20.04-uncompressed.root", 3)]
    [InlineData("uproot-sample-6.20.04-zlib.root", 4)]
    [InlineData("uproot-sample-5.23.02-zlib.root", 5)]
    [InlineData("uproot-leaflist.root", 6)]
    public void CorruptedFilesOnlyEverThrowDataErrors(string name, int seed)
    {
        byte[] original = File.ReadAllBytes(RootData.Path(name));
        using var folder = new TempFolder();
        var random = new Random(seed);
        int succeeded = 0;
        int rejected = 0;
        for (int iteration = 0; iteration < 150; iteration++)
        {
            string path = folder.File($"fuzz-{iteration}.root");
            File.WriteAllBytes(path, Mutate(original, random));
            try
            {
                ReadEverything(path);
                succeeded++;
            }
            catch (SieveDataException e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
                rejected++;
            }
        }

        Assert.True(rejected > 0, $"succeeded {succeeded}, rejected {rejected}");
    }

    [SkippableTheory]
    [InlineData("uproot-Zmumu-zlib.root")]
    [InlineData("uproot-sample-6.20.04-lzma.root")]
    public void TruncationIsReportedAsTruncated(string name)
    {
        byte[] original = File.ReadAllBytes(RootData.Path(name));
        using var folder = new TempFolder();
        foreach (int length in new[] { 3, 50, 200, original.Length / 2, original.Length - 1 })
        {
            string path = folder.File($"cut-{length}.root");
            File.WriteAllBytes(path, original[..length]);
            var error = Assert.ThrowsAny<SieveDataException>(() => ReadEverything(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }

        string cut = folder.File("half.root");
        File.WriteAllBytes(cut, original[..(original.Length / 2)]);
        var truncated = Assert.Throws<RootFormatException>(() => RootFile.Open(cut));
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ACorruptLz4BlockFailsItsChecksum()
    {
        byte[] bytes = File.ReadAllBytes(RootData.Zmumu("lz4"));
        using RootFile original = RootFile.Open(RootData.Zmumu("lz4"));
        RootBranch branch = original.OpenTree().Branch("px1");
        using var folder = new TempFolder();
        string path = folder.File("flipped.root");

        // Flip one bit in the middle of px1's (only) basket, well past its key and block header.
        long seek = branch.Info.BasketSeek[0] + (branch.Info.BasketBytes[0] / 2);
        bytes[seek] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        using RootFile file = RootFile.Open(path);
        var error = Assert.Throws<RootFormatException>(() => file.OpenTree().ReadColumn("px1"));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains("branch 'px1'", error.Message, StringComparison.Ordinal);
    }

    private static void ReadEverything(string path)
    {
        using RootFile file = RootFile.Open(path);
        foreach (RootKey key in file.Trees)
        {
            RootTree tree = file.OpenTree(key.Path);
            foreach (RootChunk chunk in tree.ReadChunks(entriesPerChunk: 1000))
            {
                Assert.All(chunk.Columns, c => Assert.Equal(chunk.EntryCount, c.EntryCount));
            }

            foreach (RootBranch branch in tree.Branches.Where(b => b.IsString))
            {
                Assert.Equal(tree.Entries, tree.ReadStrings(branch.Name).Length);
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0: // flip a few bits anywhere
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1: // overwrite a byte in the header and first keys, where lengths and offsets are
                bytes[random.Next(Math.Min(bytes.Length, 512))] = (byte)random.Next(256);
                return bytes;
            case 2: // truncate
                return bytes[..random.Next(bytes.Length)];
            default: // overwrite a run of bytes (metadata of the tree is near the end of the file)
                int at = random.Next(bytes.Length);
                for (int i = at; i < Math.Min(bytes.Length, at + random.Next(1, 16)); i++)
                {
                    bytes[i] = (byte)random.Next(256);
                }

                return bytes;
        }
    }
}
