using System.Text.Json;
using Sieve.Core.Events;
using Sieve.Core.Summaries;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.Summaries;

public class FileSummaryTests
{
    [Fact]
    public void Counts_multiplicities_ranges_and_weights()
    {
        Event[] events =
        [
            new("1", "ttbar", 0.5, 100, 0, [new(ObjectKind.Jet, 1, 300, 0, 0), new(ObjectKind.BJet, 1, 100, 0, 0), new(ObjectKind.MuonPlus, 1, 20, 0, 0)]),
            new("2", "ttbar", 0.25, 40, 0, []),
            new("3", "z_jets", 0.25, 250, 0, [new(ObjectKind.Jet, 1, 50, 0, 0), new(ObjectKind.Jet, 1, 60, 0, 0)]),
        ];
        FileSummary s = FileSummary.From(events);
        Assert.Equal(3, s.EventCount);
        Assert.Equal(5, s.ObjectCount);
        Assert.Equal(3, s.ObjectsPerKind["j"]);
        Assert.Equal(0, s.ObjectsPerKind["e-"]);
        Assert.Equal(ObjectKinds.WithHadron.Count, s.ObjectsPerKind.Count); // every kind listed, hadrons of generator files too
        Assert.Equal([1L, 0, 1, 1], s.Multiplicity);
        Assert.Equal([1L, 1, 1], s.MultiplicityPerKind["j"]);
        Assert.Equal([3L], s.MultiplicityPerKind["g"]);
        Assert.Equal(new ValueRange(40, 250), s.Met);
        Assert.Equal(new ValueRange(0, 400), s.Ht);
        Assert.Equal(1.0, s.SumOfWeights);
        Assert.Equal(2, s.EventsPerProcess["ttbar"]);
    }

    [Fact]
    public void Empty_input_has_no_ranges_and_json_omits_them()
    {
        FileSummary s = FileSummary.From([]) with { Source = "empty.csv" };
        Assert.Equal(0, s.EventCount);
        Assert.Null(s.Met);
        using JsonDocument doc = JsonDocument.Parse(s.ToJson());
        Assert.False(doc.RootElement.TryGetProperty("met", out _));
        Assert.Equal("empty.csv", doc.RootElement.GetProperty("source").GetString());
    }

    [SkippableFact]
    public void Real_file_summary_is_consistent_and_serialises_with_object_codes()
    {
        string path = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        List<Event> events = [.. DarkMachinesReader.Read(path)];
        FileSummary s = FileSummary.From(events);
        Assert.Equal(File.ReadLines(path).Count(l => l.Length > 0), s.EventCount);
        Assert.Equal(s.ObjectCount, s.ObjectsPerKind.Values.Sum());
        Assert.Equal(s.EventCount, s.Multiplicity.Sum());
        Assert.All(s.MultiplicityPerKind.Values, h => Assert.Equal(s.EventCount, h.Sum()));
        Assert.Equal(s.ObjectCount, s.Multiplicity.Select((n, k) => n * k).Sum());
        Assert.Equal(events.Max(e => e.Ht), s.Ht!.Max);
        Assert.Equal(events.Sum(e => e.Weight), s.SumOfWeights, 12);

        using JsonDocument doc = JsonDocument.Parse(s.ToJson());
        Assert.Equal(s.EventCount, doc.RootElement.GetProperty("event_count").GetInt64());
        Assert.True(doc.RootElement.GetProperty("objects_per_kind").TryGetProperty("e-", out _));
        Assert.True(doc.RootElement.GetProperty("multiplicity_per_kind").TryGetProperty("j", out _));
        Assert.True(doc.RootElement.GetProperty("ht").TryGetProperty("max", out _));
    }
}
