using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>
/// uproot's "sample" tree (30 entries, every numeric width as scalar, [3]-array and [n]-array),
/// written by ROOT 5.23 and 6.20 in four compressions. Reference values are those uproot's test
/// suite asserts: i4 = -15..14; ai4[i] = [-14+i, -13+i, -12+i]; Ai2, Ai4 and Ai8 are
/// [], [-15], [-15, -13], [-15, -13, -11], [-15, -13, -11, -9], [], [-10], ... (groups of five
/// starting 5 higher, step 2).
/// </summary>
public sealed class RootSampleTests
{
    private static readonly string[] Widths = ["1", "2", "4", "8"];

    public static TheoryData<string> Files() => new(RootData.SampleFiles);

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void BranchTypesAreRecognised(string name)
    {
        using RootFile file = RootFile.Open(RootData.Path(name));
        RootTree tree = file.OpenTree("sample");
        Assert.Equal(30, tree.Entries);
        Assert.Equal(RootElementType.Int32, Leaf(tree, "n").ElementType);
        Assert.Equal(RootElementType.Bool, Leaf(tree, "b").ElementType);
        Assert.Equal(RootElementType.Int8, Leaf(tree, "i1").ElementType);
        Assert.Equal(RootElementType.UInt8, Leaf(tree, "u1").ElementType);
        Assert.Equal(RootElementType.Int16, Leaf(tree, "i2").ElementType);
        Assert.Equal(RootElementType.UInt16, Leaf(tree, "u2").ElementType);
        Assert.Equal(RootElementType.UInt32, Leaf(tree, "u4").ElementType);
        Assert.Equal(RootElementType.Int64, Leaf(tree, "i8").ElementType);
        Assert.Equal(RootElementType.UInt64, Leaf(tree, "u8").ElementType);
        Assert.Equal(RootElementType.Float32, Leaf(tree, "f4").ElementType);
        Assert.Equal(RootElementType.Float64, Leaf(tree, "f8").ElementType);
        RootLeaf fixedArray = Leaf(tree, "ai4");
        Assert.Equal((RootLeafShape.FixedArray, 3, "int32[3]"), (fixedArray.Shape, fixedArray.Length, fixedArray.TypeDescription));
        RootLeaf jagged = Leaf(tree, "Af8");
        Assert.Equal((RootLeafShape.Jagged, "n", "double[n]"), (jagged.Shape, jagged.CountLeaf, jagged.TypeDescription));
        Assert.False(tree.Branch("str").IsSupported);
        Assert.Equal(34, tree.Branches.Count(b => b.IsSupported));
        Assert.True(tree.Branch("i4").IsFlatScalar);
        Assert.False(tree.Branch("ai4").IsFlatScalar);
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void ScalarsOfEveryWidth(string name)
    {
        string path = RootData.Path(name);
        double[] expected = Enumerable.Range(-15, 30).Select(i => (double)i).ToArray();
        foreach (string width in Widths)
        {
            Assert.Equal(expected, RootData.Column(path, "sample", "i" + width).Values);
            Assert.Equal(expected.Select(x => x + 15), RootData.Column(path, "sample", "u" + width).Values);
        }

        double[] f4 = RootData.Column(path, "sample", "f4").Values;
        double[] f8 = RootData.Column(path, "sample", "f8").Values;
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal((double)(float)(-14.9 + i), f4[i], 1e-6);
            Assert.Equal(-14.9 + i, f8[i], 1e-12);
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(i => i % 5 * 1.0), RootData.Column(path, "sample", "n").Values);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 1.0 : 0.0), RootData.Column(path, "sample", "b").Values);

        // uproot asserts "hey-0" ... "hey-4" for the first five.
        using RootFile file = RootFile.Open(path);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"hey-{i}"), file.OpenTree().ReadStrings("str"));
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void FixedSizeArrays(string name)
    {
        string path = RootData.Path(name);
        foreach (string width in Widths)
        {
            RootColumn signed = RootData.Column(path, "sample", "ai" + width);
            RootColumn unsigned = RootData.Column(path, "sample", "au" + width);
            Assert.Null(signed.Offsets);
            Assert.Equal(90, signed.Values.Length);
            for (int i = 0; i < 30; i++)
            {
                Assert.Equal([-14.0 + i, -13.0 + i, -12.0 + i], signed.Entry(i).ToArray());
                Assert.Equal([1.0 + i, 2.0 + i, 3.0 + i], unsigned.Entry(i).ToArray());
            }
        }

        RootColumn af8 = RootData.Column(path, "sample", "af8");
        Assert.Equal(-13.9 + 29, af8.Entry(29)[0], 1e-12);
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void JaggedArraysWithACounter(string name)
    {
        string path = RootData.Path(name);
        List<double[]> expected = Enumerable.Range(0, 30)
            .Select(i => Enumerable.Range(0, i % 5).Select(j => -15.0 + (5 * (i / 5)) + (2 * j)).ToArray())
            .ToList();
        foreach (string width in Widths)
        {
            RootColumn signed = RootData.Column(path, "sample", "Ai" + width);
            Assert.NotNull(signed.Offsets);
            Assert.Equal(expected, RootData.Entries(signed));
            Assert.Equal(expected.Select(e => e.Select(x => x + 15).ToArray()), RootData.Entries(RootData.Column(path, "sample", "Au" + width)));
        }

        // The counts are the counter branch n.
        List<double[]> floats = RootData.Entries(RootData.Column(path, "sample", "Af8"));
        Assert.Equal(RootData.Column(path, "sample", "n").Values, floats.Select(e => (double)e.Length));
        Assert.Equal(expected.Select(e => e.Length > 0 ? e[0] : double.NaN), floats.Select(e => e.Length > 0 ? e[0] : double.NaN));
    }

    [SkippableFact]
    public void AllFilesAgreeOnEveryBranch()
    {
        Dictionary<string, RootColumn> reference = ReadAll(RootData.SampleFiles[0]);
        Assert.Equal(34, reference.Count);
        foreach (string name in RootData.SampleFiles.Skip(1))
        {
            Dictionary<string, RootColumn> other = ReadAll(name);
            foreach ((string column, RootColumn values) in reference)
            {
                Assert.True(values.Values.AsSpan().SequenceEqual(other[column].Values), $"{name}: {column} differs");
                Assert.Equal(values.Offsets, other[column].Offsets);
            }
        }
    }

    [SkippableFact]
    public void ChunksCrossBasketBoundariesOfJaggedBranches()
    {
        string path = RootData.Path("uproot-sample-6.20.04-lzma.root");
        List<double[]> whole = RootData.Entries(RootData.Column(path, "sample", "Ai8"));
        using RootFile file = RootFile.Open(path);
        RootTree tree = file.OpenTree();
        Assert.True(tree.Branch("Ai8").BasketCount > 10);
        List<double[]> joined = tree.ReadChunks(["Ai8", "n"], entriesPerChunk: 4).SelectMany(c => RootData.Entries(c.Column("Ai8"))).ToList();
        Assert.Equal(whole, joined);
        List<double[]> middle = tree.ReadChunks(["Ai8"], entriesPerChunk: 3, entryStart: 7, entryStop: 20).SelectMany(c => RootData.Entries(c.Columns[0])).ToList();
        Assert.Equal(whole[7..20], middle);
    }

    private static RootLeaf Leaf(RootTree tree, string branch) => Assert.Single(tree.Branch(branch).Leaves);

    private static Dictionary<string, RootColumn> ReadAll(string name)
    {
        using RootFile file = RootFile.Open(RootData.Path(name));
        return Assert.Single(file.OpenTree("sample").ReadChunks()).Columns.ToDictionary(c => c.Name);
    }
}
