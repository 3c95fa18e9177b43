using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Selection;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.IO.DarkMachines;
using Sieve.IO.Generators;
using Sieve.IO.Hdf5;
using Sieve.IO.Numpy;
using Sieve.IO.Arrays;
using Sieve.IO.Parquet;
using Sieve.IO.Root;
using Sieve.IO.Tables;

namespace Sieve.Pipeline;

/// <summary>Reads any supported input into a feature table (DarkMachines: one row per object).</summary>
public static class InputLoader
{
    /// <summary>Reads the input; the format is detected when not given.</summary>
    public static LoadedInput Load(InputRequest request)
    {
        LoadedInput loaded = LoadFile(request);

        // Readers of text report as they go; the binary ones are done when they return.
        request.BytesRead?.Report(loaded.FileBytes);
        return loaded;
    }

    private static LoadedInput LoadFile(InputRequest request)
    {
        (InputFormat format, long bytes) = Resolve(request);
        switch (format)
        {
            case InputFormat.DarkMachines or InputFormat.Lhe or InputFormat.HepMC3 or InputFormat.FastJet or InputFormat.RootEvents:
                // Event readers work in GeV; the table is in GeV.
                LaidOutEvents laid = EventLayouts.ToTable(request.Layout, ReadEvents(request with { Format = format }));
                RequireFewDropped(request, laid.Dropped);

                return new LoadedInput(laid.Table, format, EnergyUnit.GeV, bytes, Mask: laid.Mask, Dropped: laid.Dropped) { Shape = laid.Shape };
            case InputFormat.Npy or InputFormat.Hdf5 or InputFormat.Parquet or InputFormat.Root:
                return LoadNumericTable(request, format, bytes);
            default:
                FeatureTable table = CsvTableReader.Read(request.Path, new CsvTableOptions { FeatureColumns = CsvFeatureColumns(request) }, request.BytesRead);
                return new LoadedInput(table, format, request.Unit ?? EnergyUnit.GeV, bytes,
                    KeptLossless: request.Columns is null ? KeptIntegerColumns(table) : null);
        }
    }

    /// <summary>
    /// The checks every reading of an input makes before the first byte is parsed: the file
    /// exists, its content matches a given --format, and the options suit the format (layouts and
    /// channels for events, --missing for tables). Returns the format it is read as and its size.
    /// </summary>
    internal static (InputFormat Format, long Bytes) Resolve(InputRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string file = FileOf(request.Path);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"input file {request.Path} does not exist.", request.Path);
        }

        InputFormat format = request.Format ?? Detect(request.Path);
        if (request.Format is not null)
        {
            RequireMatchingContent(file, format, request.Path);
        }

        if (format == InputFormat.Root && request.Layout != LayoutKind.PerObject)
        {
            // A slot layout arranges events: a ROOT file's collections are read as events.
            format = InputFormat.RootEvents;
        }

        if (request.Layout != LayoutKind.PerObject && !IsEventFormat(format))
        {
            throw new ArgumentException($"--layout {request.Layout} arranges events, but {request.Path} is read as a {format} table.");
        }

        if (request.Missing is not null && IsEventFormat(format))
        {
            throw new ArgumentException($"--missing marks missing cells of tables, but {request.Path} is read as {format} events.");
        }

        if (request.Channel is not null && !IsEventFormat(format))
        {
            throw new ArgumentException($"--channel selects events, but {request.Path} is read as a {format} table.");
        }

        return (format, new FileInfo(file).Length);
    }

    /// <summary>The refusal of a slot layout that drops too many objects (unless --allow-drop).</summary>
    internal static void RequireFewDropped(InputRequest request, DroppedObjects dropped)
    {
        if (dropped.TooMany && !request.AllowDrop)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{request.Path}: --layout {CliLayoutName(request.Layout)} would drop {dropped.Describe()}; more than {100 * DroppedObjects.RefusalShare:G} % of the objects would be lost. ") +
                "Use --layout per-object (every object kept), or --allow-drop to accept the loss (the dropped objects are counted and reported).");
        }
    }

    /// <summary>The feature columns a CSV read is asked for, --columns patterns expanded against the header.</summary>
    internal static IReadOnlyList<string>? CsvFeatureColumns(InputRequest request) =>
        request.Columns?.Any(ColumnPatterns.IsPattern) == true ? ColumnPatterns.Expand(request.Columns, CsvHeader(request.Path)) : request.Columns;

    // An all-numeric format (NumPy, HDF5, Parquet, ROOT tree) read whole, its features chosen by --columns or automatically.
    internal static LoadedInput LoadNumericTable(InputRequest request, InputFormat format, long bytes)
    {
        if (format == InputFormat.Npy && !request.Path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase)
            && ImageTable.IsImageShape(NpyReader.ReadHeader(request.Path).Shape))
        {
            // An array of images: every pixel is a feature, the row shape (C, H, W) says how they sit.
            (FeatureTable images, RowShape shape) = ImageTable.FromArray(NpyReader.Read(request.Path), request.Path);
            return new LoadedInput(images, format, request.Unit ?? EnergyUnit.GeV, bytes) { Shape = shape };
        }

        FeatureTable numeric = ReadNumericTable(request.Path, format, request.Columns?.Where(c => !ColumnPatterns.IsPattern(c)).ToList());
        return SelectNumeric(request, format, bytes, numeric, NumericFeatures(request, numeric));
    }

    /// <summary>
    /// The features of an all-numeric table: --columns expanded against its names, or every column
    /// but those kept losslessly (integer ids and counts). A file read in chunks decides on its first.
    /// </summary>
    internal static IReadOnlyList<string> NumericFeatures(InputRequest request, FeatureTable numeric) =>
        ColumnPatterns.Expand(request.Columns, numeric.FeatureNames)
            ?? [.. numeric.FeatureNames.Where((n, f) => !ColumnRoles.KeepLosslessly(n, numeric.Column(f)))];

    /// <summary>An all-numeric table (or chunk of one) as input with <paramref name="features"/> as its features, the other columns moved to side channels.</summary>
    internal static LoadedInput SelectNumeric(InputRequest request, InputFormat format, long bytes, FeatureTable numeric, IReadOnlyList<string> features)
    {
        (FeatureTable selected, IReadOnlyList<string> moved) = FeatureSelection.Select(numeric, features);
        return new LoadedInput(selected, format, request.Unit ?? EnergyUnit.GeV, bytes, moved,
            KeptLossless: request.Columns is null ? moved : null);
    }

    private static FeatureTable ReadNumericTable(string path, InputFormat format, IReadOnlyList<string>? columns) => format switch
    {
        InputFormat.Npy when path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) => NpzReader.ReadTable(path, NpzReader.List(path)[0]),
        InputFormat.Npy => NpyReader.ReadTable(path),
        InputFormat.Hdf5 => Hdf5TableReader.Read(path),
        InputFormat.Root => RootTableReader.Read(path, columns: columns),
        _ => ParquetTableReader.Read(path, new ParquetTableOptions { FeatureColumns = null }),
    };

    // A binary file given to another reader (--format csv on an HDF5 file) is named for what it is, not parsed as garbage.
    private static void RequireMatchingContent(string file, InputFormat format, string path)
    {
        if (FileSignature.Sniff(file) is not ({ } actual, string words))
        {
            return;
        }

        bool same = actual == format || (actual == InputFormat.Root && format == InputFormat.RootEvents);
        if (!same)
        {
            throw new ArgumentException($"{path} is {words} (by its first bytes), not {format.ToString().ToLowerInvariant()} input; " +
                $"leave out --format, or give --format {actual.ToString().ToLowerInvariant()}.");
        }
    }

    // The names of a CSV table's header line, to expand --columns patterns against (only read when there is a pattern).
    private static string[] CsvHeader(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.Split(',', StringSplitOptions.TrimEntries) ?? [];
    }

    // Side channels the automatic selection kept for being integer identifiers or counters (said in the output).
    internal static string[] KeptIntegerColumns(FeatureTable table) =>
        [.. table.SideChannels.Where(c => ColumnRoles.IsIdentifierOrCounterName(c.Name) && c.Values.All(v =>
            double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double x) && ColumnRoles.AllIntegers([x])))
            .Select(c => c.Name)];

    // The layout as the --layout option spells it, for messages.
    private static string CliLayoutName(LayoutKind layout) => layout switch
    {
        LayoutKind.FixedSlots => "fixed-slots",
        LayoutKind.Level1 => "l1",
        _ => "per-object",
    };

    /// <summary>The file of a path that may name an object inside it after '#' (<c>file.root#tree</c>).</summary>
    public static string FileOf(string path) => RootTableReader.SplitPath(path).File;

    /// <summary>Whether a format holds events (with objects) rather than a plain table.</summary>
    public static bool IsEventFormat(InputFormat format) =>
        format is InputFormat.DarkMachines or InputFormat.Lhe or InputFormat.HepMC3 or InputFormat.FastJet or InputFormat.RootEvents;

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
            InputFormat.DarkMachines => DarkMachinesBatchReader.Read(request.Path, bytesRead: request.BytesRead).SelectMany(batch => batch.Events()),
            InputFormat.Lhe => GeneratorReader.Read(request.Path, GeneratorFormat.Lhe).Select(e => GeneratorEvents.ToEvent(e)),
            InputFormat.HepMC3 => GeneratorReader.Read(request.Path, GeneratorFormat.HepMC3).Select(e => GeneratorEvents.ToEvent(e)),
            InputFormat.FastJet => GeneratorReader.Read(request.Path, GeneratorFormat.FastJetText).Select(e => GeneratorEvents.ToEvent(e)),
            InputFormat.RootEvents => RootEventReader.Read(request.Path),
            _ => throw new ArgumentException($"{request.Path} is read as a {format} table, not as events."),
        };
        return request.Channel is { } channel ? ChannelSelection.Filter(events, channel) : events;
    }

    /// <summary>
    /// By extension: .root or the ROOT magic bytes (any extension), .lhe(.gz), .hepmc3/.hepmc(.gz),
    /// .dat (FastJet text). Otherwise by content:
    /// DarkMachines files have ';'-separated event lines with ','-separated objects and no header;
    /// anything else is read as a CSV table.
    /// </summary>
    public static InputFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = FileOf(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".root")
        {
            return InputFormat.Root;
        }

        // The content wins over the name: a ROOT, HDF5, Parquet or NumPy file renamed .csv is still one.
        if (FileSignature.Identify(path) is { } binary)
        {
            return binary;
        }

        switch (extension)
        {
            case ".npy" or ".npz": return InputFormat.Npy;
            case ".h5" or ".hdf5" or ".hdf": return InputFormat.Hdf5;
            case ".parquet" or ".pq": return InputFormat.Parquet;
        }

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
