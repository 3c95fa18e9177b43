using Sieve.Core.Tables;
using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>
/// The CMS Zmumu tree in five compressions. Reference values come from uproot's documentation
/// (the same events printed by uproot 3: first and last values of E1, py1, pz1, px2, py2, pz2 and
/// the dimuon mass computed from the four-vectors), and from physics identities.
/// </summary>
public sealed class RootZmumuTests
{
    private static readonly string[] Numeric =
        ["Run", "Event", "E1", "px1", "py1", "pz1", "pt1", "eta1", "phi1", "Q1", "E2", "px2", "py2", "pz2", "pt2", "eta2", "phi2", "Q2", "M"];

    [SkippableFact]
    public void EveryCompressionReadsTheSameValues()
    {
        Dictionary<string, double[]> reference = ReadAll("uncompressed");
        Assert.Equal(Numeric, reference.Keys);
        Assert.All(reference.Values, v => Assert.Equal(2304, v.Length));
        foreach (string compression in RootData.ZmumuCompressions.Skip(1))
        {
            Dictionary<string, double[]> other = ReadAll(compression);
            foreach (string name in Numeric)
            {
                Assert.True(reference[name].AsSpan().SequenceEqual(other[name]), $"{compression}: {name} differs");
            }
        }
    }

    [SkippableFact]
    public void ValuesMatchUprootsPrintout()
    {
        Dictionary<string, double[]> v = ReadAll("zlib");
        AssertEnds(v["E1"], [82.2018663875, 62.3449289481, 62.3449289481], [81.2701355756, 81.2701355756, 81.5662173543], 1e-10);
        AssertEnds(v["py1"], [17.4332439, -16.57036233, -16.57036233], [1.19940578, 1.19940578, 1.2013503], 1e-7);
        AssertEnds(v["pz1"], [-68.96496181, -48.77524654, -48.77524654], [-74.53243061, -74.53243061, -74.80837247], 1e-7);
        AssertEnds(v["px2"], [34.14443725, -41.19528764, -40.88332344], [-68.04191497, -68.79413604, -68.79413604], 1e-7);
        AssertEnds(v["py2"], [-16.11952457, 17.4332439, 17.29929704], [-26.10584737, -26.39840043, -26.39840043], 1e-7);
        AssertEnds(v["pz2"], [-47.4269843, -68.9649618, -68.4472551], [-152.2350181, -153.8476038, -153.8476038], 1e-6);
        Assert.Equal(148031, v["Run"][0]);
        Assert.Equal(10507008, v["Event"][0]);
    }

    [SkippableFact]
    public void MassFromTheFourVectorsMatchesUprootAndTheStoredMass()
    {
        Dictionary<string, double[]> v = ReadAll("lz4");
        double[] mass = new double[2304];
        for (int i = 0; i < mass.Length; i++)
        {
            double e = v["E1"][i] + v["E2"][i];
            double px = v["px1"][i] + v["px2"][i];
            double py = v["py1"][i] + v["py2"][i];
            double pz = v["pz1"][i] + v["pz2"][i];
            mass[i] = Math.Sqrt((e * e) - (px * px) - (py * py) - (pz * pz));
        }

        AssertEnds(mass, [82.46269155513643, 83.62620400526137, 83.30846466680981, 82.14937288090277], [95.96547966432459, 96.49594381502096, 96.6567276548945], 1e-9);
        int[] light = Enumerable.Range(0, mass.Length).Where(i => mass[i] < 80).ToArray();
        Assert.Equal([16, 17, 18, 19, 47, 48, 49], light[..7]);
        Assert.Equal([2297, 2298, 2299], light[^3..]);
        for (int i = 0; i < mass.Length; i++)
        {
            Assert.Equal(v["M"][i], mass[i], 1e-6 * Math.Max(1, mass[i]));
        }
    }

    [SkippableFact]
    public void EnergyIsThatOfAMuonWithTheStoredMomentum()
    {
        const double MuonMass = 0.1056584; // GeV
        Dictionary<string, double[]> v = ReadAll("zstd");
        int ptAgrees = 0;
        for (int i = 0; i < 2304; i++)
        {
            foreach (string m in new[] { "1", "2" })
            {
                double px = v["px" + m][i], py = v["py" + m][i], pz = v["pz" + m][i];
                double energy = Math.Sqrt((px * px) + (py * py) + (pz * pz) + (MuonMass * MuonMass));
                Assert.Equal(v["E" + m][i], energy, 1e-6 * energy);
                Assert.Contains(v["Q" + m][i], new[] { -1.0, 1.0 });
                ptAgrees += Math.Abs(Math.Sqrt((px * px) + (py * py)) - v["pt" + m][i]) < 1e-4 * v["pt" + m][i] ? 1 : 0;
            }
        }

        // pt (6 significant digits) is hypot(px, py) in over half the rows; in the source data others
        // take pt from another fit of the same muon, so the identity is not exact everywhere.
        Assert.InRange(ptAgrees, 2304, 2 * 2304);
    }

    [SkippableFact]
    public void StringBranchIsNamedInTheError()
    {
        using RootFile file = RootFile.Open(RootData.Zmumu("zlib"));
        RootTree tree = file.OpenTree("events");
        RootBranch type = tree.Branch("Type");
        Assert.False(type.IsSupported);
        var error = Assert.Throws<RootFormatException>(() => tree.ReadChunks(["Type"]).ToList());
        Assert.Contains("branch 'Type'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TLeafC", error.Message, StringComparison.Ordinal);
        Assert.Contains("strings", error.Message, StringComparison.Ordinal);
        Assert.Contains(file.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("float and double", error.Message, StringComparison.Ordinal);

        // As text it reads: the muon types of the pair (G = global, T = tracker).
        Assert.True(type.IsString);
        string[] types = tree.ReadStrings("Type");
        Assert.Equal(2304, types.Length);
        Assert.Equal(["GG", "GT", "TT"], types.Distinct().Order());
        Assert.Equal("GT", types[0]);
        Assert.Throws<RootFormatException>(() => tree.ReadStrings("px1"));
    }

    [SkippableFact]
    public void TableHasTheNumericBranchesAsFeaturesAndTheStringAsASideChannel()
    {
        FeatureTable table = RootTableReader.Read(RootData.Zmumu("zlib") + "#events");
        Assert.Equal(Numeric, table.FeatureNames);
        Assert.Equal(2304, table.RowCount);
        Assert.Equal(["Type", .. Numeric], table.ColumnOrder);
        SideChannel type = Assert.Single(table.SideChannels);
        Assert.Equal("Type", type.Name);
        Assert.Equal(RootData.Column(RootData.Zmumu("zlib"), "events", "M").Values, table.Column(table.IndexOf("M")));
        using RootFile file = RootFile.Open(RootData.Zmumu("zlib"));
        Assert.Empty(RootTableReader.Skipped(file.OpenTree()));
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void ChunksOfAnySizeJoinToTheWholeColumn(int entriesPerChunk)
    {
        string path = RootData.Zmumu("zlib");
        double[] whole = RootData.Column(path, "events", "px1").Values;
        using RootFile file = RootFile.Open(path);
        List<RootChunk> chunks = file.OpenTree().ReadChunks(["px1", "Q2"], entriesPerChunk).ToList();
        Assert.Equal((2304 + entriesPerChunk - 1) / entriesPerChunk, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(2, c.Columns.Count));
        Assert.Equal(whole, chunks.SelectMany(c => c.Column("px1").Values));
        Assert.Equal(chunks.Select(c => c.EntryStart), chunks.Select((c, i) => (long)i * entriesPerChunk));
    }

    private static Dictionary<string, double[]> ReadAll(string compression)
    {
        using RootFile file = RootFile.Open(RootData.Zmumu(compression));
        RootChunk chunk = Assert.Single(file.OpenTree("events").ReadChunks());
        return chunk.Columns.ToDictionary(c => c.Name, c => c.Values);
    }

    private static void AssertEnds(double[] values, double[] first, double[] last, double tolerance)
    {
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i], values[i], tolerance * Math.Max(1, Math.Abs(first[i])));
        }

        for (int i = 0; i < last.Length; i++)
        {
            Assert.Equal(last[i], values[values.Length - last.Length + i], tolerance * Math.Max(1, Math.Abs(last[i])));
        }
    }
}
