using Sieve.Core.Events;
using Sieve.Core.Layouts.Internal;
using Sieve.Core.Tables;

namespace Sieve.Core.Layouts;

/// <summary>
/// The Level-1 trigger layout of the ADC2021 challenge (CMS AXOL1TL): 19 slots x (pT, eta, phi) = 57
/// features, slots <c>met, eg0..eg3, mu0..mu3, jet0..jet9</c>. The e/gamma slots take electrons
/// (either charge) and photons together, the muon slots both muon charges, the jet slots j and b
/// together; each group pT-ordered, highest first, zero-padded. MET is (MET, 0, METphi).
/// Features are named <c>{slot}_pt {slot}_eta {slot}_phi</c>.
/// </summary>
/// <remarks>
/// The layout merges kinds and carries no E, so the features alone cannot give the events back.
/// Side channels make the inverse exact where it can be: <c>event_id</c>, <c>process_id</c>,
/// <c>weight</c> (round-trip text) and <c>kinds</c>, the original object code of every filled slot,
/// groups separated by <c>|</c> (e.g. <c>"e-,g|m+|j,b,j"</c>); the codes also give the slot mask.
/// <see cref="ToEvents"/> returns kind, pT, eta and phi exactly (within the slot limits) and the
/// massless E = pT cosh eta, grouped e/gamma, muons, jets, pT-ordered within each group. Objects
/// beyond the slots are counted in <see cref="SlotEncoding.Dropped"/>.
/// </remarks>
public static class Level1Layout
{
    /// <summary>Number of slots (1 MET + 4 e/gamma + 4 muons + 10 jets).</summary>
    public const int SlotCount = 19;

    /// <summary>Features per slot: pT, eta, phi.</summary>
    public const int FeaturesPerSlot = 3;

    /// <summary>Side channel with the object codes of the filled slots.</summary>
    public const string KindsChannel = "kinds";

    private const string Name = "Level-1";

    private static readonly SlotGroup[] Groups =
    [
        new("eg", [ObjectKind.ElectronMinus, ObjectKind.ElectronPlus, ObjectKind.Photon], 4),
        new("mu", [ObjectKind.MuonMinus, ObjectKind.MuonPlus], 4),
        new("jet", [ObjectKind.Jet, ObjectKind.BJet], 10),
    ];

    /// <summary>Slot names in table order.</summary>
    public static IReadOnlyList<string> SlotNames { get; } =
        ["met", .. Groups.SelectMany(g => Enumerable.Range(0, g.Slots).Select(g.SlotName))];

    /// <summary>The 57 feature names in table order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        [.. SlotNames.SelectMany(s => new[] { $"{s}_pt", $"{s}_eta", $"{s}_phi" })];

    private static readonly int[] FeatureSlots = [.. Enumerable.Range(0, SlotCount * FeaturesPerSlot).Select(j => j / FeaturesPerSlot)];

    /// <summary>Lays out events, one row of 57 features each; the sequence is enumerated once.</summary>
    public static SlotEncoding ToTable(IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var values = new List<double>();
        var slotMask = new List<double>();
        var headers = new EventHeaderColumns();
        List<string> kinds = [];
        var dropped = new long[ObjectKinds.WithHadron.Count];
        long truncated = 0, seen = 0;
        var withoutSlots = new bool[ObjectKinds.WithHadron.Count];
        bool[] withSlots = SlotGroup.KindsWithSlots(Groups);
        var kept = new List<PhysicsObject>();
        var row = new double[SlotCount * FeaturesPerSlot];
        var mask = new double[SlotCount];
        var codes = new string[Groups.Length];
        foreach (Event e in events)
        {
            Array.Clear(row);
            Array.Clear(mask);
            (row[0], row[1], row[2], mask[0]) = (e.Met, 0, e.MetPhi, 1);
            seen += e.Objects.Count;
            bool lost = SlotGroup.DropKindsWithoutSlots(e, withSlots, dropped, withoutSlots) > 0;
            int slot = 1;
            for (int g = 0; g < Groups.Length; slot += Groups[g].Slots, g++)
            {
                lost |= Groups[g].Fill(e, kept, dropped) > 0;
                for (int i = 0; i < kept.Count; i++)
                {
                    int at = (slot + i) * FeaturesPerSlot;
                    (row[at], row[at + 1], row[at + 2], mask[slot + i]) = (kept[i].Pt, kept[i].Eta, kept[i].Phi, 1);
                }

                codes[g] = string.Join(',', kept.Select(o => o.Kind.Code()));
            }

            truncated += lost ? 1 : 0;
            values.AddRange(row);
            slotMask.AddRange(mask);
            headers.Add(e);
            kinds.Add(string.Join('|', codes));
        }

        SideChannel[] channels =
        [
            .. headers.Channels(),
            new(KindsChannel, kinds),
        ];
        var table = new FeatureTable(FeatureNames, [.. values], kinds.Count, channels, [.. channels.Select(c => c.Name), .. FeatureNames]);
        return new SlotEncoding(table, SlotNames, FeatureSlots, [.. slotMask], DroppedObjects.From(dropped, truncated, seen, SlotGroup.Flagged(withoutSlots)));
    }

    /// <summary>(N, 57) mask of a table made by <see cref="ToTable"/> (or its reconstruction), from the <c>kinds</c> side channel.</summary>
    public static double[] FeatureMask(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        IReadOnlyList<string> kinds = EventChannels.Require(table, KindsChannel, Name);
        var slotMask = new double[table.RowCount * SlotCount];
        for (int r = 0; r < table.RowCount; r++)
        {
            ObjectKind[][] groups = ParseKinds(kinds[r], r);
            slotMask[r * SlotCount] = 1;
            for (int g = 0, slot = 1; g < Groups.Length; slot += Groups[g].Slots, g++)
            {
                for (int i = 0; i < groups[g].Length; i++)
                {
                    slotMask[(r * SlotCount) + slot + i] = 1;
                }
            }
        }

        return SlotMasks.Expand(slotMask, table.RowCount, SlotCount, FeatureSlots);
    }

    /// <summary>Rebuilds events from a table made by <see cref="ToTable"/> (or its reconstruction); see the remarks for what is exact.</summary>
    public static IEnumerable<Event> ToEvents(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] idx = EventChannels.FeatureIndices(table, FeatureNames, Name);
        IReadOnlyList<string> ids = EventChannels.Require(table, EventChannels.EventId, Name);
        IReadOnlyList<string> processes = EventChannels.Require(table, EventChannels.ProcessId, Name);
        IReadOnlyList<string> weights = EventChannels.Require(table, EventChannels.Weight, Name);
        IReadOnlyList<string> kinds = EventChannels.Require(table, KindsChannel, Name);
        return Rows(table, idx, ids, processes, weights, kinds);
    }

    /// <summary>
    /// The features as a float32 array of shape (N, 19, 3), row-major (event, slot, [pT, eta, phi]):
    /// the form L1 models and HDF5 files use. Rounds every value to float.
    /// </summary>
    public static float[] ToArray(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int[] idx = EventChannels.FeatureIndices(table, FeatureNames, Name);
        var result = new float[table.RowCount * idx.Length];
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int j = 0; j < idx.Length; j++)
            {
                result[(r * idx.Length) + j] = (float)table[r, idx[j]];
            }
        }

        return result;
    }

    /// <summary>Shape of <see cref="ToArray"/> for <paramref name="events"/> events: (N, 19, 3).</summary>
    public static int[] ArrayShape(int events) => [events, SlotCount, FeaturesPerSlot];

    private static IEnumerable<Event> Rows(FeatureTable table, int[] idx, IReadOnlyList<string> ids,
        IReadOnlyList<string> processes, IReadOnlyList<string> weights, IReadOnlyList<string> kinds)
    {
        for (int r = 0; r < table.RowCount; r++)
        {
            ObjectKind[][] groups = ParseKinds(kinds[r], r);
            var objects = new List<PhysicsObject>();
            for (int g = 0, slot = 1; g < Groups.Length; slot += Groups[g].Slots, g++)
            {
                for (int i = 0; i < groups[g].Length; i++)
                {
                    int at = (slot + i) * FeaturesPerSlot;
                    double pt = table[r, idx[at]], eta = table[r, idx[at + 1]], phi = table[r, idx[at + 2]];
                    objects.Add(new PhysicsObject(groups[g][i], EventChannels.MasslessEnergy(pt, eta), pt, eta, phi));
                }
            }

            yield return EventChannels.Header(ids, processes, weights, r, table[r, idx[0]], table[r, idx[2]], objects, Name);
        }
    }

    private static ObjectKind[][] ParseKinds(string text, int row)
    {
        string[] parts = text.Split('|');
        if (parts.Length != Groups.Length)
        {
            throw Bad(text, row, $"{Groups.Length} groups separated by '|'");
        }

        var result = new ObjectKind[Groups.Length][];
        for (int g = 0; g < Groups.Length; g++)
        {
            string[] codes = parts[g].Length == 0 ? [] : parts[g].Split(',');
            if (codes.Length > Groups[g].Slots)
            {
                throw Bad(text, row, $"at most {Groups[g].Slots} objects in group '{Groups[g].Prefix}'");
            }

            result[g] = new ObjectKind[codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                if (!ObjectKinds.TryParseCode(codes[i], out result[g][i]) || !Groups[g].Takes(result[g][i]))
                {
                    throw Bad(text, row, $"codes of {string.Join(" ", Groups[g].Kinds.Select(k => k.Code()))} in group '{Groups[g].Prefix}'");
                }
            }
        }

        return result;
    }

    private static InvalidDataException Bad(string text, int row, string expected) =>
        new($"row {row + 1}, side channel '{KindsChannel}' of the {Name} layout: '{text}' is malformed; expected {expected} (e.g. 'e-,g|m+|j,b,j').");
}
