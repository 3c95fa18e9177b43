using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.IO.Numpy;
using Sieve.IO.Tables;

namespace Sieve.Pipeline;

/// <summary>
/// Reads an input as a stream of chunks of rows, each a <see cref="LoadedInput"/> with the same
/// features, side channels and column order, so a file of any size is processed in bounded
/// memory. The checks of <see cref="InputLoader.Load"/> run first, before any chunk.
/// </summary>
/// <remarks>
/// Event formats are read by events (<see cref="EventsPerChunk"/> events per chunk, never split
/// across chunks, so a chunk's rows hold whole events) and laid out per chunk; dropped objects
/// are summed and a layout that drops too many is refused after the last chunk, before anything
/// is completed. CSV tables are read by <see cref="CsvTableReader.ReadChunks"/>: which columns
/// are features is decided on the first chunk and holds for the rest, and so for a 2-D .npy array
/// (<see cref="NpyReader.ReadTableChunks"/>). The other all-numeric binary formats (.npz, HDF5,
/// Parquet, ROOT trees) are read whole and handed out in slices: their readers have no streaming
/// mode yet, so their memory is that of the whole table.
/// </remarks>
public static class InputChunks
{
    /// <summary>Rows per chunk of a table: large enough that coding per chunk costs almost nothing in size.</summary>
    public const int RowsPerChunk = 65_536;

    /// <summary>Events per chunk of an event file (a few objects each).</summary>
    public const int EventsPerChunk = 16_384;

    /// <summary>The input's chunks, in file order; the enumeration reads the file (again, each time it is enumerated).</summary>
    public static IEnumerable<LoadedInput> Read(InputRequest request, int rowsPerChunk = RowsPerChunk, int eventsPerChunk = EventsPerChunk)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerChunk, 1);
        (InputFormat format, long bytes) = InputLoader.Resolve(request);
        return format switch
        {
            _ when InputLoader.IsEventFormat(format) => EventChunks(request with { Format = format }, bytes, eventsPerChunk),
            InputFormat.Csv => CsvChunks(request, bytes, rowsPerChunk),
            InputFormat.Npy when StreamsNpy(request.Path) => NpyChunks(request, bytes, rowsPerChunk),
            _ => Slices(InputLoader.LoadNumericTable(request, format, bytes), rowsPerChunk, request.BytesRead),
        };
    }

    private static IEnumerable<LoadedInput> EventChunks(InputRequest request, long bytes, int eventsPerChunk)
    {
        DroppedObjects dropped = DroppedObjects.None;
        long firstRow = 0;
        bool any = false;
        IEnumerable<LaidOutEvents> chunks = request is { Format: InputFormat.DarkMachines, Layout: LayoutKind.PerObject, Channel: null }
            // The fast path: the reader's columns straight into rows, no event records on the way.
            ? DarkMachinesBatchReader.Read(request.Path, eventsPerChunk, request.BytesRead).Select(batch => new LaidOutEvents(PerObjectLayout.ToTable(batch), null, DroppedObjects.None))
            : InputLoader.ReadEvents(request).Chunk(eventsPerChunk).Select(events => EventLayouts.ToTable(request.Layout, events));
        foreach (LaidOutEvents laid in chunks)
        {
            dropped = dropped.Plus(laid.Dropped);
            any = true;
            yield return new LoadedInput(laid.Table, request.Format!.Value, EnergyUnit.GeV, bytes, Mask: laid.Mask, Dropped: laid.Dropped) { FirstRow = firstRow, Shape = laid.Shape };
            firstRow += laid.Table.RowCount;
        }

        if (!any)
        {
            // No events: one empty chunk, as the whole-file reader gives an empty table.
            LaidOutEvents none = EventLayouts.ToTable(request.Layout, []);
            yield return new LoadedInput(none.Table, request.Format!.Value, EnergyUnit.GeV, bytes, Mask: none.Mask, Dropped: none.Dropped) { Shape = none.Shape };
        }

        InputLoader.RequireFewDropped(request, dropped);
    }

    private static IEnumerable<LoadedInput> CsvChunks(InputRequest request, long bytes, int rowsPerChunk)
    {
        var options = new CsvTableOptions { FeatureColumns = InputLoader.CsvFeatureColumns(request) };
        IReadOnlyList<string>? kept = null;
        long firstRow = 0;
        foreach (FeatureTable table in CsvTableReader.ReadChunks(request.Path, rowsPerChunk, options, request.BytesRead))
        {
            // Which integer columns the automatic selection kept losslessly is said once, from the first chunk.
            kept ??= request.Columns is null ? InputLoader.KeptIntegerColumns(table) : [];
            yield return new LoadedInput(table, InputFormat.Csv, request.Unit ?? EnergyUnit.GeV, bytes,
                KeptLossless: request.Columns is null ? kept : null) { FirstRow = firstRow };
            firstRow += table.RowCount;
        }
    }

    // A plain .npy of a 2-D C-order array streams; .npz members and other layouts are read whole.
    private static bool StreamsNpy(string path) =>
        !path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) && NpyReader.CanReadInChunks(NpyReader.ReadHeader(path));

    private static IEnumerable<LoadedInput> NpyChunks(InputRequest request, long bytes, int rowsPerChunk)
    {
        IReadOnlyList<string>? features = null;
        long firstRow = 0;
        foreach (FeatureTable numeric in NpyReader.ReadTableChunks(request.Path, rowsPerChunk, bytesRead: request.BytesRead))
        {
            features ??= InputLoader.NumericFeatures(request, numeric);
            yield return InputLoader.SelectNumeric(request, InputFormat.Npy, bytes, numeric, features) with { FirstRow = firstRow };
            firstRow += numeric.RowCount;
        }
    }

    private static IEnumerable<LoadedInput> Slices(LoadedInput whole, int rowsPerChunk, IProgress<long>? bytesRead)
    {
        bytesRead?.Report(whole.FileBytes);
        FeatureTable table = whole.Table;
        int dims = table.FeatureCount;
        for (int from = 0; from < table.RowCount || from == 0; from += rowsPerChunk)
        {
            int n = Math.Min(rowsPerChunk, table.RowCount - from);
            var slice = new FeatureTable(table.FeatureNames, table.Values[(from * dims)..((from + n) * dims)], n,
                [.. table.SideChannels.Select(c => new SideChannel(c.Name, [.. c.Values.Skip(from).Take(n)]))], table.ColumnOrder);
            yield return whole with { Table = slice, FirstRow = from };
            if (n == 0)
            {
                yield break;
            }
        }
    }
}
