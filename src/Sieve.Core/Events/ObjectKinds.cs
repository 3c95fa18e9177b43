namespace Sieve.Core.Events;

/// <summary>Object codes of the DarkMachines format and groupings of kinds.</summary>
public static class ObjectKinds
{
    /// <summary>All kinds, in their stable numeric order.</summary>
    public static IReadOnlyList<ObjectKind> All { get; } =
    [
        ObjectKind.Jet, ObjectKind.BJet, ObjectKind.ElectronMinus, ObjectKind.ElectronPlus,
        ObjectKind.MuonMinus, ObjectKind.MuonPlus, ObjectKind.Photon,
    ];

    /// <summary>The DarkMachines code of a kind (<c>j b e- e+ m- m+ g</c>).</summary>
    public static string Code(this ObjectKind kind) => kind switch
    {
        ObjectKind.Jet => "j",
        ObjectKind.BJet => "b",
        ObjectKind.ElectronMinus => "e-",
        ObjectKind.ElectronPlus => "e+",
        ObjectKind.MuonMinus => "m-",
        ObjectKind.MuonPlus => "m+",
        ObjectKind.Photon => "g",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown object kind"),
    };

    /// <summary>Parses a DarkMachines object code; false for anything else.</summary>
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
            default: kind = default; return false;
        }
    }

    /// <summary>Jets and b-jets: the objects whose pT sums to HT.</summary>
    public static bool IsJet(this ObjectKind kind) => kind is ObjectKind.Jet or ObjectKind.BJet;

    /// <summary>Electrons and muons of either charge.</summary>
    public static bool IsLepton(this ObjectKind kind) =>
        kind is ObjectKind.ElectronMinus or ObjectKind.ElectronPlus or ObjectKind.MuonMinus or ObjectKind.MuonPlus;
}
