using Sieve.Compression.Archive;

namespace Sieve.Core.Tests.Compression;

/// <summary>Equality of archive contents member by member (records with lists compare by reference).</summary>
internal static class ArchiveAssert
{
    public static void Equal(ArchiveContent expected, ArchiveContent actual)
    {
        Assert.Equal(expected.Latents, actual.Latents);
        Assert.Equal(expected.SideChannels.Count, actual.SideChannels.Count);
        for (int c = 0; c < expected.SideChannels.Count; c++)
        {
            Assert.Equal(expected.SideChannels[c].Name, actual.SideChannels[c].Name);
            Assert.Equal(expected.SideChannels[c].Values, actual.SideChannels[c].Values);
        }

        ArchiveHeader e = expected.Header;
        ArchiveHeader a = actual.Header;
        Assert.Equal(e.FormatVersion, a.FormatVersion);
        Assert.Equal(e.Tool, a.Tool);
        Assert.Equal(e.Model, a.Model);
        Assert.Equal(e.Latent, a.Latent);
        Assert.Equal(e.Schema.InputFormat, a.Schema.InputFormat);
        Assert.Equal(e.Schema.ColumnOrder, a.Schema.ColumnOrder);
        Assert.Equal(e.Schema.FeatureNames, a.Schema.FeatureNames);
        Assert.Equal(e.Schema.SideChannelNames, a.Schema.SideChannelNames);
        Assert.Equal(e.Schema.RowCount, a.Schema.RowCount);
        Assert.Equal(e.Schema.EnergyUnit, a.Schema.EnergyUnit);
        Assert.Equal(e.Schema.Synthetic, a.Schema.Synthetic);
        Assert.Equal(e.Schema.FormatOptions.OrderBy(o => o.Key, StringComparer.Ordinal), a.Schema.FormatOptions.OrderBy(o => o.Key, StringComparer.Ordinal));
        Assert.Equal(e.Normaliser?.ToJsonString(), a.Normaliser?.ToJsonString());
    }
}
