using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;

namespace Sieve.Pipeline.Generation;

/// <summary>
/// Decoded slot-layout rows -> events. A slot model's loss ignores empty slots, so which slots hold an
/// object cannot come from the decoder; it comes from the reference event each latent was drawn around
/// (<see cref="LatentSource.Posterior"/>): its object counts (and lepton charges, kinds) side channels.
/// The decoder's values are then made physical where a network's output need not be: negative pT, E and
/// MET are set to 0 (and counted for slots that hold an object), phi outside (-pi, pi] is wrapped into it.
/// </summary>
internal static class GeneratedEvents
{
    /// <summary>Process id written for every generated event, so that no generated event passes for data.</summary>
    public const string ProcessId = "generated";

    /// <summary>
    /// Events from <paramref name="values"/> ((N, F) in the layout's units) with the layout side channels of
    /// <paramref name="reference"/>'s rows <paramref name="drawnFrom"/>; <paramref name="clipped"/> counts the
    /// values set to 0.
    /// </summary>
    public static List<Event> From(LayoutKind layout, IReadOnlyList<string> names, double[] values, FeatureTable reference, int[] drawnFrom, out long clipped)
    {
        int n = drawnFrom.Length;
        var channels = new List<SideChannel>
        {
            new(HeaderChannels.EventId, [.. Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            new(HeaderChannels.ProcessId, [.. Enumerable.Repeat(ProcessId, n)]),
            new(HeaderChannels.Weight, [.. Enumerable.Repeat("1", n)]),
        };
        foreach (SideChannel c in reference.SideChannels)
        {
            if (c.Name is not (HeaderChannels.EventId or HeaderChannels.ProcessId or HeaderChannels.Weight))
            {
                channels.Add(new SideChannel(c.Name, [.. drawnFrom.Select(r => c.Values[r])]));
            }
        }

        IReadOnlyList<string> order = [.. channels.Select(c => c.Name), .. names];
        var table = new FeatureTable(names, values, n, channels, order);
        double[] present = layout == LayoutKind.FixedSlots ? FixedSlotLayout.FeatureMask(table) : Level1Layout.FeatureMask(table);
        clipped = MakePhysical(names, values, present);
        return [.. EventLayouts.ToEvents(layout, new FeatureTable(names, values, n, channels, order))];
    }

    /// <summary>Whether rows of <paramref name="layout"/> can become events (one row per event, with slot counts).</summary>
    public static bool Supports(LayoutKind layout) => layout is LayoutKind.FixedSlots or LayoutKind.Level1;

    // Only cells of slots that hold an object count: an empty slot is never written.
    private static long MakePhysical(IReadOnlyList<string> names, double[] values, double[] present)
    {
        int f = names.Count;
        long clipped = 0;
        for (int j = 0; j < f; j++)
        {
            bool positive = names[j].EndsWith("_pt", StringComparison.Ordinal) || names[j].EndsWith("_E", StringComparison.Ordinal);
            bool angle = names[j].EndsWith("_phi", StringComparison.Ordinal);
            for (int i = j; i < values.Length; i += f)
            {
                if (positive && values[i] < 0)
                {
                    values[i] = 0;
                    clipped += present[i] > 0 ? 1 : 0;
                }
                else if (angle && !(values[i] > -Math.PI && values[i] <= Math.PI))
                {
                    values[i] = Math.PI - Modulo(Math.PI - values[i], 2 * Math.PI); // into (-pi, pi]; values inside are left as decoded
                }
            }
        }

        return clipped;
    }

    private static double Modulo(double x, double m) => x - (m * Math.Floor(x / m));
}
