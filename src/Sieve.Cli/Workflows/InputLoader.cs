using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Selection;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
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
        if (request.Channel is not null && format != InputFormat.DarkMachines)
        {
            throw new ArgumentException($"--channel selects DarkMachines events, but {request.Path} is read as {format}.");
        }

        switch (format)
        {
            case InputFormat.DarkMachines:
                // The reader converts MeV to GeV; the table is in GeV.
                FeatureTable events = PerObjectLayout.ToTable(ReadEvents(request));
                return new LoadedInput(events, format, EnergyUnit.GeV, bytes);
            default:
                FeatureTable table = CsvTableReader.Read(request.Path, new CsvTableOptions { FeatureColumns = request.Columns });
                return new LoadedInput(table, format, request.Unit ?? EnergyUnit.GeV, bytes);
        }
    }

    /// <summary>Reads the events of a DarkMachines file, with the channel selection when one is asked for.</summary>
    public static IEnumerable<Event> ReadEvents(InputRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IEnumerable<Event> events = DarkMachinesReader.Read(request.Path);
        return request.Channel is { } channel ? ChannelSelection.Filter(events, channel) : events;
    }

    /// <summary>
    /// DarkMachines files have ';'-separated event lines with ','-separated objects and no header;
    /// anything else is read as a CSV table.
    /// </summary>
    public static InputFormat Detect(string path)
    {
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
