using Sieve.Core.Events;
using Sieve.Core.Tables;

namespace Sieve.Core.Layouts.Internal;

/// <summary>Collects the per-event side channels (id, process, weight) that every slot layout writes.</summary>
internal sealed class EventHeaderColumns
{
    private readonly List<string> ids = [];
    private readonly List<string> processes = [];
    private readonly List<string> weights = [];

    /// <summary>Adds one event's id, process and weight (as round-trip text).</summary>
    public void Add(Event e)
    {
        ids.Add(e.Id);
        processes.Add(e.ProcessId);
        weights.Add(EventChannels.FormatWeight(e.Weight));
    }

    /// <summary>The three side channels, in the order the layouts write them.</summary>
    public SideChannel[] Channels() =>
        [new(EventChannels.EventId, ids), new(EventChannels.ProcessId, processes), new(EventChannels.Weight, weights)];
}
