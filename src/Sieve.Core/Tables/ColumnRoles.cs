using System.Text.RegularExpressions;

namespace Sieve.Core.Tables;

/// <summary>
/// Which numeric columns are not measurements but identifiers or counters (run, lumi and event
/// numbers, multiplicities, charges). A network would reconstruct them approximately (a run number
/// 166128.261, a charge 0.93), so when every value is an integer they are kept losslessly as side
/// channels by default; choosing the features (--columns) overrides it.
/// </summary>
public static partial class ColumnRoles
{
    /// <summary>
    /// Whether <paramref name="name"/> looks like an identifier or a counter (case-insensitive):
    /// run, lumi, lumisection, luminosityblock, ls, event, evt, entry, bx, orbit, with or without
    /// "number"/"_number"; counters n + capital or '_' (nJet, n_muons), njets/nmuons..., names with
    /// num, mult or count (PRI_jet_num, multiplicity); charges q, Q1, charge, Muon_charge.
    /// </summary>
    public static bool IsIdentifierOrCounterName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        return Identifier().IsMatch(trimmed) || CounterCase().IsMatch(trimmed) || Counter().IsMatch(trimmed) || Charge().IsMatch(trimmed);
    }

    /// <summary>Whether every value is a whole number (as doubles read from a file).</summary>
    public static bool AllIntegers(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || v != Math.Round(v) || Math.Abs(v) > 9007199254740992.0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a numeric column should be kept losslessly rather than be a feature: an identifier or counter name and integer values.</summary>
    public static bool KeepLosslessly(string name, IEnumerable<double> values) => IsIdentifierOrCounterName(name) && AllIntegers(values);

    [GeneratedRegex(@"^(run|lumi|lumisection|luminosityblock|lumiblock|ls|event|evt|entry|bx|bunchcrossing|orbit)(_?(number|nr|no))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Identifier();

    // nJet, nMuon, n_jets: an 'n' then a capital or an underscore (case-sensitive on purpose: "nu_pt" is no counter).
    [GeneratedRegex(@"^n(_|[A-Z])")]
    private static partial Regex CounterCase();

    [GeneratedRegex(@"(^|_)n(jet|muon|electron|photon|tau|lep|lepton|track|pv|vtx|vertex|bjet|b)s?$|num|mult|count|(^|_)n$", RegexOptions.IgnoreCase)]
    private static partial Regex Counter();

    [GeneratedRegex(@"^(q|charge)\d*$|(_|\.)(q|charge)\d*$|charge\d*$", RegexOptions.IgnoreCase)]
    private static partial Regex Charge();
}
