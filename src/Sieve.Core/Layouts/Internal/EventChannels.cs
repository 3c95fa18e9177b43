using System.Globalization;
using Sieve.Core.Events;
using Sieve.Core.Tables;

namespace Sieve.Core.Layouts.Internal;

/// <summary>
/// The per-event side channels shared by the slot layouts: event id and process id verbatim, and the
/// weight as round-trip ("R") text, so the inverse gives back the identical double.
/// </summary>
internal static class EventChannels
{
    public const string EventId = HeaderChannels.EventId;
    public const string ProcessId = HeaderChannels.ProcessId;
    public const string Weight = HeaderChannels.Weight;

    public static string FormatWeight(double w) => w.ToString("R", CultureInfo.InvariantCulture);

    public static double ParseNumber(string text, int row, string channel, string layout) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new InvalidDataException($"row {row + 1}, side channel '{channel}' of the {layout} layout: '{text}' is not a number.");

    public static IReadOnlyList<string> Require(FeatureTable table, string name, string layout) =>
        Find(table, name) ?? throw new ArgumentException($"table lacks the '{name}' side channel of the {layout} layout.", nameof(table));

    public static IReadOnlyList<string>? Find(FeatureTable table, string name) =>
        table.SideChannels.FirstOrDefault(c => c.Name == name)?.Values;

    /// <summary>Index of every expected feature in <paramref name="table"/>; throws naming the first one missing.</summary>
    public static int[] FeatureIndices(FeatureTable table, IReadOnlyList<string> expected, string layout)
    {
        var idx = new int[expected.Count];
        for (int i = 0; i < expected.Count; i++)
        {
            idx[i] = table.IndexOf(expected[i]);
            if (idx[i] < 0)
            {
                throw new ArgumentException($"table lacks feature '{expected[i]}' of the {layout} layout (expected {expected.Count} features: {expected[0]} ... {expected[^1]}).", nameof(table));
            }
        }

        return idx;
    }

    /// <summary>Massless energy E = pT cosh eta, for layouts that do not carry E.</summary>
    public static double MasslessEnergy(double pt, double eta) => pt * Math.Cosh(eta);

    public static Event Header(IReadOnlyList<string> ids, IReadOnlyList<string> processes, IReadOnlyList<string> weights,
        int row, double met, double metPhi, List<PhysicsObject> objects, string layout) =>
        new(ids[row], processes[row], ParseNumber(weights[row], row, Weight, layout), met, metPhi, objects);
}
