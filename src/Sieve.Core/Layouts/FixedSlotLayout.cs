using Sieve.Core.Events;
using Sieve.Core.Layouts.Internal;
using Sieve.Core.Tables;

namespace Sieve.Core.Layouts;

/// <summary>
/// One row per event in fixed slots: the MET slot, then N_j jets, N_b b-jets, N_e electrons (both
/// charges), N_mu muons (both charges) and N_gamma photons (<see cref="FixedSlotOptions"/>), each kind
/// pT-ordered, highest first, and zero-padded. Features are named <c>{slot}_{feature}</c>:
/// <c>met_pt met_eta met_phi</c> (MET, 0, METphi), then <c>j0_pt j0_eta j0_phi ...</c>; slots are
/// <c>met j0.. b0.. e0.. m0.. g0..</c>. Optional features: <c>E</c>, the lepton charge <c>q</c> and
/// one-hot kind labels.
/// </summary>
/// <remarks>
/// Lossless side channels: <c>event_id</c>, <c>process_id</c>, <c>weight</c> (round-trip text),
/// <c>counts</c> (objects placed per kind, <c>"j,b,e,m,g"</c>, e.g. <c>"3,1,0,2,0"</c>) and
/// <c>charges</c> (<c>+</c>/<c>-</c> per electron slot, <c>|</c>, per muon slot, e.g. <c>"+-|-"</c>).
/// The charge is a side channel rather than a feature because a reconstruction must not flip an
/// e- into an e+; <see cref="FixedSlotOptions.IncludeChargeFeature"/> adds it as a feature too.
/// The counts give the slot mask (<see cref="SlotEncoding"/>), so presence is never inferred from a
/// reconstructed pT. Objects beyond the slots (lowest pT first) are counted in
/// <see cref="SlotEncoding.Dropped"/>. <see cref="ToEvents"/> is exact for events within the slot
/// limits (with <see cref="FixedSlotOptions.IncludeEnergy"/>; without it E = pT cosh eta); objects come
/// back grouped j, b, e, m, g and pT-ordered within each group.
/// </remarks>
public static class FixedSlotLayout
{
    /// <summary>Side channel with the number of objects placed per slot group.</summary>
    public const string CountsChannel = "counts";

    /// <summary>Side channel with the lepton charges.</summary>
    public const string ChargesChannel = "charges";

    /// <summary>Name of the MET slot.</summary>
    public const string MetSlot = "met";

    private const string Name = "fixed-slot";

    /// <summary>Slot names in table order for <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> SlotNames(FixedSlotOptions? options = null) => FixedSlotSchema.For(options).SlotNames;

    /// <summary>Feature names in table order for <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> FeatureNames(FixedSlotOptions? options = null) => FixedSlotSchema.For(options).FeatureNames;

    /// <summary>Lays out events, one row each; the sequence is enumerated once.</summary>
    public static SlotEncoding ToTable(IEnumerable<Event> events, FixedSlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        FixedSlotSchema s = FixedSlotSchema.For(options);
        int f = s.FeatureNames.Count, slots = s.SlotNames.Count;
        var values = new List<double>();
        var slotMask = new List<double>();
        var headers = new EventHeaderColumns();
        List<string> counts = [], charges = [];
        var dropped = new long[ObjectKinds.WithHadron.Count];
        long truncated = 0, seen = 0;
        var withoutSlots = new bool[ObjectKinds.WithHadron.Count];
        bool[] withSlots = SlotGroup.KindsWithSlots(s.Groups);
        var kept = new List<PhysicsObject>();
        var row = new double[f];
        var mask = new double[slots];
        var groupCounts = new int[s.Groups.Count];
        var chargeText = new System.Text.StringBuilder();
        foreach (Event e in events)
        {
            Array.Clear(row);
            Array.Clear(mask);
            chargeText.Clear();
            s.WriteMet(row, e.Met, e.MetPhi);
            mask[0] = 1;
            seen += e.Objects.Count;
            bool lost = SlotGroup.DropKindsWithoutSlots(e, withSlots, dropped, withoutSlots) > 0;
            for (int g = 0; g < s.Groups.Count; g++)
            {
                lost |= s.Groups[g].Fill(e, kept, dropped) > 0;
                groupCounts[g] = kept.Count;
                for (int i = 0; i < kept.Count; i++)
                {
                    s.WriteObject(row, g, i, kept[i]);
                    mask[s.SlotIndex(g, i)] = 1;
                }

                if (FixedSlotSchema.IsLeptonGroup(g))
                {
                    chargeText.Append(g == FixedSlotSchema.MuonGroup ? "|" : string.Empty);
                    kept.ForEach(o => chargeText.Append(FixedSlotSchema.IsPositive(o.Kind) ? '+' : '-'));
                }
            }

            truncated += lost ? 1 : 0;
            values.AddRange(row);
            slotMask.AddRange(mask);
            headers.Add(e);
            counts.Add(string.Join(',', groupCounts));
            charges.Add(chargeText.ToString());
        }

        SideChannel[] channels =
        [
            .. headers.Channels(),
            new(CountsChannel, counts), new(ChargesChannel, charges),
        ];
        var table = new FeatureTable(s.FeatureNames, [.. values], counts.Count, channels, [.. channels.Select(c => c.Name), .. s.FeatureNames]);
        return new SlotEncoding(table, s.SlotNames, s.FeatureSlots, [.. slotMask], DroppedObjects.From(dropped, truncated, seen, SlotGroup.Flagged(withoutSlots)));
    }

    /// <summary>
    /// (N, F) mask of a table made by <see cref="ToTable"/> (or its reconstruction), from the
    /// <c>counts</c> side channel: 1 for features of the MET slot and of slots holding an object.
    /// </summary>
    public static double[] FeatureMask(FeatureTable table, FixedSlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        FixedSlotSchema s = FixedSlotSchema.For(options);
        IReadOnlyList<string> counts = EventChannels.Require(table, CountsChannel, Name);
        int slots = s.SlotNames.Count;
        var slotMask = new double[table.RowCount * slots];
        for (int r = 0; r < table.RowCount; r++)
        {
            int[] n = s.ParseCounts(counts[r], r);
            slotMask[r * slots] = 1;
            for (int g = 0; g < n.Length; g++)
            {
                for (int i = 0; i < n[g]; i++)
                {
                    slotMask[(r * slots) + s.SlotIndex(g, i)] = 1;
                }
            }
        }

        return SlotMasks.Expand(slotMask, table.RowCount, slots, s.FeatureSlots);
    }

    /// <summary>Rebuilds events from a table made by <see cref="ToTable"/> with the same options (or its reconstruction).</summary>
    public static IEnumerable<Event> ToEvents(FeatureTable table, FixedSlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        FixedSlotSchema s = FixedSlotSchema.For(options);
        int[] idx = EventChannels.FeatureIndices(table, s.FeatureNames, Name);
        IReadOnlyList<string> ids = EventChannels.Require(table, EventChannels.EventId, Name);
        IReadOnlyList<string> processes = EventChannels.Require(table, EventChannels.ProcessId, Name);
        IReadOnlyList<string> weights = EventChannels.Require(table, EventChannels.Weight, Name);
        IReadOnlyList<string> counts = EventChannels.Require(table, CountsChannel, Name);
        IReadOnlyList<string>? charges = EventChannels.Find(table, ChargesChannel);
        if (charges is null && !s.Options.IncludeChargeFeature)
        {
            throw new ArgumentException($"table has neither the '{ChargesChannel}' side channel nor a charge feature: lepton charges cannot be restored.", nameof(table));
        }

        return Rows(table, s, idx, ids, processes, weights, counts, charges);
    }

    private static IEnumerable<Event> Rows(FeatureTable table, FixedSlotSchema s, int[] idx, IReadOnlyList<string> ids,
        IReadOnlyList<string> processes, IReadOnlyList<string> weights, IReadOnlyList<string> counts, IReadOnlyList<string>? charges)
    {
        var row = new double[s.FeatureNames.Count];
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int j = 0; j < idx.Length; j++)
            {
                row[j] = table[r, idx[j]];
            }

            int[] n = s.ParseCounts(counts[r], r);
            string[]? signs = charges is null ? null : s.ParseCharges(charges[r], n, r);
            var objects = new List<PhysicsObject>();
            for (int g = 0; g < n.Length; g++)
            {
                for (int i = 0; i < n[g]; i++)
                {
                    objects.Add(s.ReadObject(row, g, i, signs));
                }
            }

            yield return EventChannels.Header(ids, processes, weights, r, row[0], row[2], objects, Name);
        }
    }
}
