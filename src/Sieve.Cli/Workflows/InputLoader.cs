using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Selection;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.IO.Generators;
using Sieve.IO.Tables;

namespace Sieve.Cli.Workflows;

/// <summary>Reads any supported input into a feature table (DarkMachines: one row per object).</summary>
public static class InputLoader
{
    /// <summary>Reads the input; the format is detected when not given.</summary>
    public static LoadedInput Load(InputRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!File.Exists(request.Path))
        {
            throw new FileNotFoundException($"input file {request.Path} does not exist.", request.Path);
        }

        InputFormat format = request.Format ?? Detect(request.Path);
        long bytes = new FileInfo(request.Path).Length;
        if (request.Channel is not null && !IsEventFormat(format))
        {
            throw new ArgumentException($"--channel selects events, but {request.Path} is read as a {format} table.");
        }

        switch (format)
        {
            case InputFormat.DarkMachines or InputFormat.Lhe or InputFormat.HepMC3 or InputFormat.FastJet:
                // Event readers work in GeV; the table is in GeV.
                FeatureTable events = PerObjectLayout.ToTable(ReadEvents(request with { Format = format }));
                return new LoadedInput(events, format, EnergyUnit.GeV, bytes);
            default:
                FeatureTable table = CsvTableReader.Read(request.Path, new CsvTableOptions { FeatureColumns = request.Columns });
                return new LoadedInput(table, format, request.Unit ?? EnergyUnit.GeV, bytes);
        }
    }

    /// <summary>Whether a format holds events (with objects) rather than a plain table.</summary>
    public static bool IsEventFormat(InputFormat format) => format != InputFormat.Csv;

    /// <summary>
    /// Reads the events of an event file, with the channel selection when one is asked for.
    /// Generator files become events of final-state objects (GeneratorEvents.ToEvent: e, mu,
    /// photons by PDG id, other visible particles as hadrons, neutrinos summed into MET).
    /// </summary>
    public static IEnumerable<Event> ReadEvents(InputRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        InputFormat format = request.Format ?? Detect(request.Path);
        IEnumerable<Event> events = format switch
        {
            InputFormat.DarkMachines => DarkMachinesReader.Read(request.Path),
            InputFormat.Lhe => GeneratorReader.Read(request.Path, GeneratorFormat.Lhe).Select(e => GeneratorEvents.ToEvent(e)),
            InputFormat.HepMC3 => GeneratorReader.Read(request.Path, GeneratorFormat.HepMC3).Select(e => GeneratorEvents.ToEvent(e)),
            InputFormat.FastJet => GeneratorReader.Read(request.Path, GeneratorFormat.FastJetText).Select(e => GeneratorEvents.ToEvent(e)),
            _ => throw new ArgumentException($"{request.Path} is read as a {format} table, not as events."),
        };
        return request.Channel is { } channel ? ChannelSelection.Filter(events, channel) : events;
    }

    /// <summary>
    /// By extension: .lhe(.gz), .hepmc3/.hepmc(.gz), .dat (FastJet text). Otherwise by content:
    /// DarkMachines files have ';'-separated event lines with ','-separated objects and no header;
    /// anything else is read as a CSV table.
    /// </summary>
    public static InputFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (GeneratorFormats.TryDetect(path, out GeneratorFormat generator) && !path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return generator switch
            {
                GeneratorFormat.Lhe => InputFormat.Lhe,
                GeneratorFormat.HepMC3 => InputFormat.HepMC3,
                _ => InputFormat.FastJet,
            };
        }

        using var reader = new StreamReader(path);
        string? line;
        do
        {
            line = reader.ReadLine();
        }
        while (line is not null && line.Trim().Length == 0);

        return line is not null && line.Contains(';', StringComparison.Ordinal) ? InputFormat.DarkMachines : InputFormat.Csv;
    }
}
