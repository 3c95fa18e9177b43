using Sieve.Core.Errors;
using Sieve.IO.Numpy;

namespace Sieve.Core.Tests.IO;

/// <summary>
/// Seeded mutation fuzzing of valid .npy files: whatever the bytes, the reader either succeeds or
/// throws <see cref="SieveDataException"/>; never an IndexOutOfRange, overflow or out-of-memory.
/// </summary>
public sealed class NpyFuzzTests
{
    [Theory]
    [InlineData("f8_c.npy", 1)]
    [InlineData("f4_fortran_3d.npy", 2)]
    [InlineData("v3.npy", 3)]
    [InlineData("i4.npy", 4)]
    public void MutatedFilesOnlyEverThrowSieveDataException(string fixture, int seed)
    {
        byte[] original = File.ReadAllBytes(FixtureFiles.Path(fixture));
        var random = new Random(seed);
        int succeeded = 0;
        int rejected = 0;
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            byte[] bytes = Mutate(original, random);
            using var stream = new MemoryStream(bytes);
            try
            {
                NpyReader.Read(stream, $"fuzz-{seed}-{iteration}");
                succeeded++;
            }
            catch (SieveDataException)
            {
                rejected++;
            }
        }

        // Both outcomes occur, so the mutations reach past the magic and into the data.
        Assert.True(succeeded > 0 && rejected > 0, $"succeeded {succeeded}, rejected {rejected}");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0: // flip a few bytes anywhere
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1: // replace a header character with one that matters to the parser
                const string Interesting = "{}()[]':,0123456789-LTFN \n\"\\";
                bytes[random.Next(8, Math.Min(bytes.Length, 128))] = (byte)Interesting[random.Next(Interesting.Length)];
                return bytes;
            case 2: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 3: // corrupt the header length
                bytes[8 + random.Next(2)] = (byte)random.Next(256);
                return bytes;
            default: // a huge or odd shape digit
                int at = Array.IndexOf(bytes, (byte)'(');
                if (at > 0)
                {
                    bytes[at + 1] = (byte)"9-0 ,)x"[random.Next(7)];
                }

                return bytes;
        }
    }
}
