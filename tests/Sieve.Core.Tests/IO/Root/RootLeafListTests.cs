using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>Leaf lists and uproot's small flat tree; reference values from uproot's tests.</summary>
public sealed class RootLeafListTests
{
    [SkippableFact]
    public void LeafListBranchReadsOneColumnPerLeaf()
    {
        using RootFile file = RootFile.Open(RootData.Path("uproot-leaflist.root"));
        RootTree tree = file.OpenTree("tree");
        RootBranch branch = tree.Branch("leaflist");
        Assert.Equal(["leaflist.x", "leaflist.y", "leaflist.z"], branch.Leaves.Select(l => l.Column));
        Assert.Equal([RootElementType.Float64, RootElementType.Int32, RootElementType.Int8], branch.Leaves.Select(l => l.ElementType!.Value));
        RootChunk chunk = Assert.Single(tree.ReadChunks(["leaflist"]));
        // uproot: [(1.1, 1, 97), (2.2, 2, 98), (3.3, 3, 99), (4.0, 4, 100), (5.5, 5, 101)]
        Assert.Equal([1.1, 2.2, 3.3, 4.0, 5.5], chunk.Column("leaflist.x").Values);
        Assert.Equal([1.0, 2, 3, 4, 5], chunk.Column("leaflist.y").Values);
        Assert.Equal([97.0, 98, 99, 100, 101], chunk.Column("leaflist.z").Values);
        Assert.Equal([1.1, 2.2, 3.3, 4.0, 5.5], tree.ReadColumn("leaflist.x").Values);
        Assert.Equal([97.0, 98, 99, 100, 101], tree.ReadColumn("leaflist.z").Values);
    }

    [SkippableFact]
    public void SmallFlatTreeHasScalarsArraysAndSlices()
    {
        using RootFile file = RootFile.Open(RootData.Path("uproot-small-flat-tree.root"));
        RootTree tree = file.OpenTree();
        Assert.Equal(100, tree.Entries);
        RootChunk chunk = Assert.Single(tree.ReadChunks());
        double[] counts = chunk.Column("N").Values;
        foreach (string type in new[] { "Int32", "Int64", "UInt32", "UInt64", "Float32", "Float64" })
        {
            Assert.Equal(Enumerable.Range(0, 100).Select(i => (double)i), chunk.Column(type).Values);
            RootColumn array = chunk.Column("Array" + type);
            Assert.Equal(1000, array.Values.Length);
            RootColumn slice = chunk.Column("Slice" + type);
            Assert.Equal(counts, Enumerable.Range(0, 100).Select(i => (double)slice.Entry(i).Length));
        }
    }

    [SkippableFact]
    public void SplitObjectMembersReadAndWholeObjectsAreNamedAsUnsupported()
    {
        using RootFile file = RootFile.Open(RootData.Path("uproot-mc10events.root"));
        RootTree tree = file.OpenTree("Events");

        // uproot asserts Events/Info/evtNum (a member of a split object) and the TClonesArray
        // counts of Muon; the members of the muons are counted by them.
        Assert.Equal([135353219.0, 135353222, 135353225, 135353230, 135353239, 135353242, 135353244, 135353247, 135353252, 135353256], tree.ReadColumn("evtNum").Values);
        Assert.Equal(RootElementType.UInt32, tree.Branch("evtNum").Leaves[0].ElementType);
        double[] muons = tree.ReadColumn("Muon").Values;
        Assert.Equal([1.0, 0, 3, 3, 0, 1, 5, 0, 1, 0], muons);
        RootColumn pt = tree.ReadColumn("Muon.pt");
        Assert.Equal(muons, Enumerable.Range(0, 10).Select(i => (double)pt.Entry(i).Length));
        Assert.All(pt.Values, v => Assert.True(v > 0));
        Assert.All(tree.ReadColumn("Muon.q").Values, q => Assert.Contains(q, new[] { -1.0, 1.0 }));

        RootBranch info = tree.Branch("Info");
        Assert.Equal("TBranchElement", info.ClassName);
        Assert.False(info.IsSupported);
        var error = Assert.Throws<RootFormatException>(() => tree.ReadChunks(["Info"]).ToList());
        Assert.Contains("branch 'Info'", error.Message, StringComparison.Ordinal);
        Assert.Contains("baconhep::TEventInfo", error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }
}
