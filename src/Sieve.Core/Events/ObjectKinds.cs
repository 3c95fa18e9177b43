namespace Sieve.Core.Events;

/// <summary>Object codes (the DarkMachines ones plus <c>h</c>) and groupings of kinds.</summary>
public static class ObjectKinds
{
    /// <summary>
    /// The seven DarkMachines kinds (<c>j b e- e+ m- m+ g</c>), in their stable numeric order.
    /// <see cref="ObjectKind.Hadron"/> is not listed yet: existing tests read this list as "every
    /// DarkMachines code"; use <see cref="WithHadron"/> when generator-level hadrons can occur.
    /// </summary>
    public static IReadOnlyList<ObjectKind> All { get; } =
    [
        ObjectKind.Jet, ObjectKind.BJet, ObjectKind.ElectronMinus, ObjectKind.ElectronPlus,
        ObjectKind.MuonMinus, ObjectKind.MuonPlus, ObjectKind.Photon,
    ];

    /// <summary>Every kind, <see cref="ObjectKind.Hadron"/> included, in stable numeric order.</summary>
    public static IReadOnlyList<ObjectKind> WithHadron { get; } = [.. All, ObjectKind.Hadron];

    /// <summary>The code of a kind: DarkMachines <c>j b e- e+ m- m+ g</c>, and <c>h</c> for hadrons.</summary>
    public static string Code(this ObjectKind kind) => kind switch
    {
        ObjectKind.Jet => "j",
        ObjectKind.BJet => "b",
        ObjectKind.ElectronMinus => "e-",
        ObjectKind.ElectronPlus => "e+",
        ObjectKind.MuonMinus => "m-",
        ObjectKind.MuonPlus => "m+",
        ObjectKind.Photon => "g",
        ObjectKind.Hadron => "h",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown object kind"),
    };

    /// <summary>Parses an object code (<see cref="Code"/>); false for anything else.</summary>
    public static bool TryParseCode(ReadOnlySpan<char> code, out ObjectKind kind)
    {
        switch (code)
        {
            case "j": kind = ObjectKind.Jet; return true;
            case "b": kind = ObjectKind.BJet; return true;
            case "e-": kind = ObjectKind.ElectronMinus; return true;
            case "e+": kind = ObjectKind.ElectronPlus; return true;
            case "m-": kind = ObjectKind.MuonMinus; return true;
            case "m+": kind = ObjectKind.MuonPlus; return true;
            case "g": kind = ObjectKind.Photon; return true;
            case "h": kind = ObjectKind.Hadron; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>Jets and b-jets: the objects whose pT sums to HT.</summary>
    public static bool IsJet(this ObjectKind kind) => kind is ObjectKind.Jet or ObjectKind.BJet;

    /// <summary>Electrons and muons of either charge.</summary>
    public static bool IsLepton(this ObjectKind kind) =>
        kind is ObjectKind.ElectronMinus or ObjectKind.ElectronPlus or ObjectKind.MuonMinus or ObjectKind.MuonPlus;
}
