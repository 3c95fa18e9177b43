using System.Globalization;
using Sieve.Core.Events;
using Sieve.Core.Tables;

namespace Sieve.Core.Layouts;

/// <summary>
/// The "one row per object" layout of the classic jet autoencoder: every object of every event
/// becomes one row of (E, pt, eta, phi) in GeV. What must stay exact travels in two side channels:
/// <c>kind</c> (the object code on each row) and <c>event</c> (the event's id, process, weight, MET
/// and METphi on the event's first row, empty on the others). An event without objects keeps one
/// placeholder row of kind <see cref="PlaceholderKind"/> so that it is not lost; its features are
/// ignored on the way back. <see cref="ToEvents"/> is the exact inverse for the lossless parts.
/// </summary>
public static class PerObjectLayout
{
    /// <summary>Feature names of each row.</summary>
    public static IReadOnlyList<string> Features { get; } = ["E", "pt", "eta", "phi"];

    /// <summary>Kind code of the placeholder row that stands for an event without objects.</summary>
    public const string PlaceholderKind = "-";

    /// <summary>Name of the side channel with the event header.</summary>
    public const string EventChannel = "event";

    /// <summary>Name of the side channel with the object kind code.</summary>
    public const string KindChannel = "kind";

    /// <summary>Flattens events into one row per object.</summary>
    public static FeatureTable ToTable(IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var values = new List<double>();
        var eventColumn = new List<string>();
        var kindColumn = new List<string>();
        foreach (Event e in events)
        {
            string header = string.Join(';', e.Id, e.ProcessId, R(e.Weight), R(e.Met), R(e.MetPhi));
            if (e.Objects.Count == 0)
            {
                values.AddRange([1.0, 1.0, 0.0, 0.0]); // benign values under every normalisation
                eventColumn.Add(header);
                kindColumn.Add(PlaceholderKind);
                continue;
            }

            for (int i = 0; i < e.Objects.Count; i++)
            {
                PhysicsObject o = e.Objects[i];
                values.AddRange([o.E, o.Pt, o.Eta, o.Phi]);
                eventColumn.Add(i == 0 ? header : string.Empty);
                kindColumn.Add(o.Kind.Code());
            }
        }

        string[] order = [EventChannel, KindChannel, .. Features];
        return new FeatureTable(Features, [.. values], kindColumn.Count,
            [new SideChannel(EventChannel, eventColumn), new SideChannel(KindChannel, kindColumn)], order);
    }

    /// <summary>
    /// The same table as <see cref="ToTable(IEnumerable{Event})"/> of the batch's events, straight
    /// from its columns: no event or object records on the way (the fast path of reading a
    /// DarkMachines file in chunks).
    /// </summary>
    public static FeatureTable ToTable(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ReadOnlySpan<int> start = batch.ObjectStart;
        int rows = 0;
        for (int i = 0; i < batch.EventCount; i++)
        {
            rows += Math.Max(1, start[i + 1] - start[i]);
        }

        var values = new double[rows * 4];
        var eventColumn = new string[rows];
        var kindColumn = new string[rows];
        ReadOnlySpan<double> e = batch.E, pt = batch.Pt, eta = batch.Eta, phi = batch.Phi, weights = batch.Weights, met = batch.Met, metPhi = batch.MetPhi;
        ReadOnlySpan<byte> kinds = batch.Kinds;
        var codes = new string[256];
        foreach (ObjectKind kind in Enum.GetValues<ObjectKind>())
        {
            codes[(byte)kind] = kind.Code();
        }

        int row = 0;
        for (int i = 0; i < batch.EventCount; i++)
        {
            string header = string.Join(';', batch.Ids[i], batch.ProcessIds[i], R(weights[i]), R(met[i]), R(metPhi[i]));
            int first = start[i], end = start[i + 1];
            if (first == end)
            {
                values[row * 4] = 1.0; // benign values under every normalisation, as above
                values[(row * 4) + 1] = 1.0;
                eventColumn[row] = header;
                kindColumn[row] = PlaceholderKind;
                row++;
                continue;
            }

            for (int k = first; k < end; k++, row++)
            {
                int at = row * 4;
                values[at] = e[k];
                values[at + 1] = pt[k];
                values[at + 2] = eta[k];
                values[at + 3] = phi[k];
                eventColumn[row] = k == first ? header : string.Empty;
                kindColumn[row] = codes[kinds[k]];
            }
        }

        string[] order = [EventChannel, KindChannel, .. Features];
        return new FeatureTable(Features, values, rows, [new SideChannel(EventChannel, eventColumn), new SideChannel(KindChannel, kindColumn)], order);
    }

    /// <summary>Rebuilds events from a table made by <see cref="ToTable"/> (or its reconstruction).</summary>
    public static IEnumerable<Event> ToEvents(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        IReadOnlyList<string> events = Channel(table, EventChannel);
        IReadOnlyList<string> kinds = Channel(table, KindChannel);
        int[] idx = [.. Features.Select(table.IndexOf)];
        if (idx.Any(i => i < 0))
        {
            throw new ArgumentException($"table lacks the per-object features [{string.Join(",", Features)}].", nameof(table));
        }

        int row = 0;
        while (row < table.RowCount)
        {
            string[] header = events[row].Split(';');
            if (header.Length != 5)
            {
                throw new InvalidDataException($"row {row + 1}: event header '{events[row]}' does not have 5 fields (id;process;weight;MET;METphi).");
            }

            int end = row + 1;
            while (end < table.RowCount && events[end].Length == 0)
            {
                end++;
            }

            var objects = new List<PhysicsObject>(end - row);
            do
            {
                if (kinds[row] != PlaceholderKind)
                {
                    if (!ObjectKinds.TryParseCode(kinds[row], out ObjectKind kind))
                    {
                        throw new InvalidDataException($"row {row + 1}: unknown object kind '{kinds[row]}'.");
                    }

                    objects.Add(new PhysicsObject(kind, table[row, idx[0]], table[row, idx[1]], table[row, idx[2]], table[row, idx[3]]));
                }

                row++;
            }
            while (row < table.RowCount && events[row].Length == 0);

            yield return new Event(header[0], header[1], P(header[2]), P(header[3]), P(header[4]), objects);
        }
    }

    private static IReadOnlyList<string> Channel(FeatureTable table, string name) =>
        table.SideChannels.FirstOrDefault(c => c.Name == name)?.Values
        ?? throw new ArgumentException($"table lacks the '{name}' side channel of the per-object layout.", nameof(table));

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static double P(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
