using Sieve.Core.Events;

namespace Sieve.Core.Layouts.Internal;

/// <summary>
/// Column plan of <see cref="FixedSlotLayout"/> for one set of options: slot and feature names,
/// where each slot's features start, and how to write and read one slot.
/// </summary>
internal sealed class FixedSlotSchema
{
    public const int ElectronGroup = 2;
    public const int MuonGroup = 3;

    /// <summary>Group prefixes, which are also the one-hot label names (<c>kind_j</c> ...).</summary>
    private static readonly string[] Prefixes = ["j", "b", "e", "m", "g"];

    private readonly int[] groupStart;   // index of the group's first slot (MET is slot 0)
    private readonly int[] slotOffset;   // first feature column of each slot

    private FixedSlotSchema(FixedSlotOptions options)
    {
        Options = options;
        Groups =
        [
            new SlotGroup("j", [ObjectKind.Jet], options.Jets),
            new SlotGroup("b", [ObjectKind.BJet], options.BJets),
            new SlotGroup("e", [ObjectKind.ElectronMinus, ObjectKind.ElectronPlus], options.Electrons),
            new SlotGroup("m", [ObjectKind.MuonMinus, ObjectKind.MuonPlus], options.Muons),
            new SlotGroup("g", [ObjectKind.Photon], options.Photons),
        ];

        var slots = new List<string> { FixedSlotLayout.MetSlot };
        var features = new List<string>();
        var featureSlots = new List<int>();
        var offsets = new List<int>();
        groupStart = new int[Groups.Count];
        AddSlot(FixedSlotLayout.MetSlot, lepton: false, labels: false);
        for (int g = 0; g < Groups.Count; g++)
        {
            groupStart[g] = slots.Count;
            for (int i = 0; i < Groups[g].Slots; i++)
            {
                slots.Add(Groups[g].SlotName(i));
                AddSlot(Groups[g].SlotName(i), IsLeptonGroup(g) && options.IncludeChargeFeature, options.IncludeKindLabels);
            }
        }

        SlotNames = slots;
        FeatureNames = features;
        FeatureSlots = featureSlots;
        slotOffset = [.. offsets];

        void AddSlot(string slot, bool lepton, bool labels)
        {
            offsets.Add(features.Count);
            List<string> names = ["pt", "eta", "phi"];
            if (options.IncludeEnergy)
            {
                names.Add("E");
            }

            if (lepton)
            {
                names.Add("q");
            }

            if (labels)
            {
                names.AddRange(Prefixes.Select(p => $"kind_{p}"));
            }

            foreach (string name in names)
            {
                features.Add($"{slot}_{name}");
                featureSlots.Add(offsets.Count - 1);
            }
        }
    }

    public FixedSlotOptions Options { get; }

    public IReadOnlyList<SlotGroup> Groups { get; }

    public IReadOnlyList<string> SlotNames { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<int> FeatureSlots { get; }

    public static FixedSlotSchema For(FixedSlotOptions? options)
    {
        options ??= FixedSlotOptions.Default;
        options.Validate();
        return new FixedSlotSchema(options);
    }

    public static bool IsLeptonGroup(int g) => g is ElectronGroup or MuonGroup;

    public static bool IsPositive(ObjectKind kind) => kind is ObjectKind.ElectronPlus or ObjectKind.MuonPlus;

    public int SlotIndex(int group, int i) => groupStart[group] + i;

    public void WriteMet(double[] row, double met, double metPhi)
    {
        // The MET slot is (MET, 0, METphi); as a massless transverse vector its E is MET itself.
        row[0] = met;
        row[1] = 0;
        row[2] = metPhi;
        if (Options.IncludeEnergy)
        {
            row[3] = met;
        }
    }

    public void WriteObject(double[] row, int group, int i, PhysicsObject o)
    {
        int at = slotOffset[SlotIndex(group, i)];
        row[at++] = o.Pt;
        row[at++] = o.Eta;
        row[at++] = o.Phi;
        if (Options.IncludeEnergy)
        {
            row[at++] = o.E;
        }

        if (IsLeptonGroup(group) && Options.IncludeChargeFeature)
        {
            row[at++] = IsPositive(o.Kind) ? 1 : -1;
        }

        if (Options.IncludeKindLabels)
        {
            row[at + group] = 1;
        }
    }

    /// <summary>Reads one object; <paramref name="signs"/> (electron, muon) wins over the <c>q</c> feature.</summary>
    public PhysicsObject ReadObject(double[] row, int group, int i, string[]? signs)
    {
        int at = slotOffset[SlotIndex(group, i)];
        double pt = row[at], eta = row[at + 1], phi = row[at + 2];
        double e = Options.IncludeEnergy ? row[at + 3] : EventChannels.MasslessEnergy(pt, eta);
        ObjectKind kind = group switch
        {
            0 => ObjectKind.Jet,
            1 => ObjectKind.BJet,
            4 => ObjectKind.Photon,
            _ => Charged(group, Positive(row, group, i, at, signs)),
        };
        return new PhysicsObject(kind, e, pt, eta, phi);
    }

    public int[] ParseCounts(string text, int row)
    {
        string[] parts = text.Split(',');
        var n = new int[Groups.Count];
        bool ok = parts.Length == n.Length;
        for (int g = 0; ok && g < n.Length; g++)
        {
            ok = int.TryParse(parts[g], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n[g])
                && n[g] <= Groups[g].Slots;
        }

        return ok
            ? n
            : throw new InvalidDataException(
                $"row {row + 1}, side channel '{FixedSlotLayout.CountsChannel}': '{text}' is not {n.Length} comma-separated counts within the slots ({string.Join(",", Groups.Select(x => x.Slots))}).");
    }

    public string[] ParseCharges(string text, int[] counts, int row)
    {
        string[] parts = text.Split('|');
        bool ok = parts.Length == 2 && parts[0].Length == counts[ElectronGroup] && parts[1].Length == counts[MuonGroup]
            && parts.All(p => p.All(c => c is '+' or '-'));
        return ok
            ? parts
            : throw new InvalidDataException(
                $"row {row + 1}, side channel '{FixedSlotLayout.ChargesChannel}': '{text}' does not give {counts[ElectronGroup]} electron and {counts[MuonGroup]} muon signs as '+-|-'.");
    }

    private bool Positive(double[] row, int group, int i, int at, string[]? signs)
    {
        if (signs is not null)
        {
            return signs[group == ElectronGroup ? 0 : 1][i] == '+';
        }

        // Only from the q feature (a reconstruction): its sign decides, 0 counts as negative.
        return row[at + 3 + (Options.IncludeEnergy ? 1 : 0)] > 0;
    }

    private static ObjectKind Charged(int group, bool positive) => (group, positive) switch
    {
        (ElectronGroup, true) => ObjectKind.ElectronPlus,
        (ElectronGroup, false) => ObjectKind.ElectronMinus,
        (_, true) => ObjectKind.MuonPlus,
        _ => ObjectKind.MuonMinus,
    };
}
