using System.CommandLine;
using Sieve.Core.Tables;

namespace Sieve.Cli.Commands;

/// <summary>Options shared by the verbs that read inputs.</summary>
internal static class CommonOptions
{
    public static Option<InputFormat?> Format() => new("--format", "-f")
    {
        Description = "Input format: csv (numeric table with a header), darkmachines (one event per line), npy, hdf5, parquet, root (a TTree as a table), " +
                      "rootevents (a TTree's Jet/Muon/Electron/Photon/MET collections as events; also chosen by a slot layout on a ROOT file), lhe, hepmc3, fastjet. " +
                      "Detected from the extension (.npy/.npz, .h5, .parquet, .root, .lhe, .hepmc3, .dat, optionally .gz) or the content when omitted.",
    };

    public static Option<string?> Layout() => new("--layout")
    {
        Description = "How events become rows (event inputs): per-object (default; one row of E, pt, eta, phi per object), " +
                      "fixed-slots (one row per event: MET + 6 jets, 4 b-jets, 4 e, 4 mu, 4 photons, pT-ordered, zero-padded, masked loss) " +
                      "or l1 (the Level-1 trigger layout: 19 slots x (pT, eta, phi), masked loss).",
    };

    public static Sieve.Core.Layouts.LayoutKind ParseLayout(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "per-object" or "perobject" => Sieve.Core.Layouts.LayoutKind.PerObject,
        "fixed-slots" or "fixedslots" or "slots" => Sieve.Core.Layouts.LayoutKind.FixedSlots,
        "l1" or "level1" or "level-1" => Sieve.Core.Layouts.LayoutKind.Level1,
        _ => throw new ArgumentException($"--layout '{text}' is not one of per-object, fixed-slots, l1."),
    };

    public static Option<string?> Kinds() => new("--kinds")
    {
        Description = "Declare what variables are, e.g. phi1=phi,MET=pt,x=plain (kinds: phi, pt, E, m, eta, plain): phi is wrapped, pt/E/m get relative " +
                      "residuals (m above 1 GeV) and take the pt/E/m targets. Without it names are read by pattern: pt1, j0_pt, MET, MuonPt are pT-like, " +
                      "phi1, phiMET, METphi are angles, DER_mass_MMC is a mass. The same rules in compress and evaluate.",
    };

    public static Option<bool> AllowDrop() => new("--allow-drop")
    {
        Description = "Slot layouts (fixed-slots, l1): accept a layout that drops more than 1 % of the objects (beyond a kind's slots, or of a kind " +
                      "it has no slots for, e.g. generator hadrons h). Without it such an input is refused; dropped objects are always counted and reported.",
    };

    public static Option<double?> Missing() => new("--missing")
    {
        Description = "Value that marks a missing cell in a table (HiggsML: -999). Missing cells are masked out of training and statistics, " +
                      "and their positions are kept losslessly so decompression writes the marker back.",
    };

    public static Option<string?> Channel() => new("--channel")
    {
        Description = "Keep only events of a DarkMachines channel: ch1, ch2a, ch2b or ch3 (cuts in docs/formats.md). Event inputs only.",
    };

    public static Sieve.Core.Selection.Channel? ParseChannel(string? text) =>
        text is null ? null : Sieve.Core.Selection.Channels.Parse(text);

    public static Option<string?> Columns() => new("--columns", "-c")
    {
        Description = "Comma-separated feature columns of a CSV table, e.g. m,pt,phi,eta. Other columns are kept losslessly. " +
                      "Default: every numeric column except ids, labels and weights.",
    };

    public static Option<EnergyUnit?> Units() => new("--units")
    {
        Description = "Energy unit of E/pt/m values in a CSV table: GeV (default) or MeV (the ATLAS jet tables). DarkMachines files are always MeV on disk.",
    };

    public static IReadOnlyList<string>? SplitColumns(string? columns) =>
        string.IsNullOrWhiteSpace(columns) ? null : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses "name=value,name=value" into numbers; a malformed item is a usage error.</summary>
    public static IReadOnlyDictionary<string, double>? ParseAssignments(string? text, string option)
    {
        Dictionary<string, string>? items = ParseAssignmentsText(text, option);
        return items?.ToDictionary(
            kv => kv.Key,
            kv => double.TryParse(kv.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                ? value
                : throw new ArgumentException($"{option}: '{kv.Key}={kv.Value}' is not NAME=NUMBER (e.g. pt=4,m=2)."),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Parses "name=text,name=text" keeping the texts (e.g. "0.3%"); null when empty.</summary>
    public static Dictionary<string, string>? ParseAssignmentsText(string? text, string option) => Sieve.Pipeline.ErrorTarget.ParseList(text, option);
}
