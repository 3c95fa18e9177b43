using System.Globalization;
using Sieve.Pipeline;
using Sieve.Compression.Archive;
using Sieve.Core.Metrics;
using Spectre.Console;

namespace Sieve.Cli.Terminal;

/// <summary>Human-readable summaries of what each verb did. JSON files carry the same numbers.</summary>
internal static class Summaries
{
    /// <summary>Prints what training produced; returns the exit code: 1 when the loss diverged (the model kept is an earlier epoch's).</summary>
    public static int Train(IAnsiConsole console, TrainOutcome outcome)
    {
        var m = outcome.Manifest;
        string shape = m.Set?.Describe() ?? m.Convolution?.Describe() ?? m.Architecture.Describe();
        if (m.Convolution is not null && m.Variational is not null)
        {
            shape += $" VAE (beta {m.Variational.Beta})";
        }

        string loss = m.Set is null ? "validation MSE" : "validation matched loss";
        console.MarkupLine(Inv($"[green]trained[/] {Markup.Escape(shape)} on {m.Result.TrainRows} rows ({m.Result.ValidationRows} held out); ") + Inv(
            $"best epoch {m.Result.BestEpoch} of {m.Result.EpochsRun}, {loss} {m.Result.BestValidationLoss:E3} (normalised units)"));
        foreach (string warning in outcome.Result.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        Dropped(console, outcome.Dropped);
        KeptLossless(console, outcome.KeptLossless);
        if (outcome.Result.Divergence is { } diverged)
        {
            // Exit 1 so that a script does not go on to compress with a model of a run that blew up.
            console.MarkupLine($"[red]error:[/] {Markup.Escape(diverged.Message)}");
            console.MarkupLine(Inv($"the model written to [bold]{Markup.Escape(outcome.ModelDirectory)}[/] is epoch {m.Result.BestEpoch}'s, the best before the divergence; it is usable, but check it"));
            return 1;
        }

        console.MarkupLine($"model written to [bold]{Markup.Escape(outcome.ModelDirectory)}[/] (model.json, weights.bin, history.csv)");
        return 0;
    }

    public static void Compress(IAnsiConsole console, CompressOutcome outcome)
    {
        ArchiveAccounting a = outcome.Accounting;
        console.MarkupLine(Inv($"[green]compressed[/] {outcome.Rows} rows into [bold]{Markup.Escape(outcome.ArchivePath)}[/]: {a.FileBytes} bytes, ") + Inv(
            $"{(outcome.Rows == 0 ? "no rows" : Inv($"{(double)a.FileBytes / outcome.Rows:F3} bytes/row"))}, ratio {(double)outcome.InputBytes / a.FileBytes:F2} against the input file ({outcome.InputBytes} bytes)"));
        console.MarkupLine(outcome.ModelBytes > 0
            ? Inv($"the model ({outcome.ModelBytes} bytes) is not in the archive; it is shared and identified by its hash (--embed-model puts it in)")
            : a.ModelBytes > 0
                ? Inv($"the model is embedded ({a.ModelBytes} bytes in the archive): everything needed to decompress is in the archive")
                : "no model: everything needed to decompress is in the archive");
        if (outcome.Chunks > 0)
        {
            string fitted = outcome.FitRows > 0 ? Inv($"; steps fitted on the first {outcome.FitRows} rows") : string.Empty;
            string passes = outcome.Passes > 1 ? Inv($", {outcome.Passes} passes (steps made finer where the whole input missed a target)") : string.Empty;
            console.MarkupLine(Inv($"{outcome.Chunks} chunk(s) of up to {InputChunks.RowsPerChunk} rows or {InputChunks.EventsPerChunk} events{fitted}{passes}"));
        }

        Accounting(console, a, outcome.Rows);
        Dropped(console, outcome.Dropped);
        KeptLossless(console, outcome.KeptLossless);
        Targets(console, outcome.Targets);
    }

    // Said per feature, since a pattern or a variable's target may reach a feature the user did not name.
    public static void Targets(IAnsiConsole console, IReadOnlyList<TargetAssignment> targets)
    {
        if (targets.Count == 0)
        {
            return;
        }

        string Describe(TargetAssignment t) =>
            (ErrorTarget.IsLossless(t.Text) ? $"{t.Feature} lossless" : $"{t.Feature}={t.Text}") +
            (t.Key.Equals(t.Feature, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" (from {t.Key})");
        console.MarkupLine($"targets: {Markup.Escape(string.Join(", ", targets.Select(Describe)))}");
    }

    // Said out loud, since a column the user expected as a feature is not one.
    public static void KeptLossless(IAnsiConsole console, IReadOnlyList<string>? columns)
    {
        if (columns is { Count: > 0 })
        {
            console.MarkupLine($"kept losslessly, not as features (integer identifiers or counters): {Markup.Escape(string.Join(", ", columns))}; --columns chooses the features yourself");
        }
    }

    public static void Dropped(IAnsiConsole console, Sieve.Core.Layouts.DroppedObjects? dropped)
    {
        if (dropped is { Total: > 0 } d)
        {
            console.MarkupLine($"[yellow]dropped[/] {Markup.Escape(d.Describe())}");
        }
    }

    public static void Accounting(IAnsiConsole console, ArchiveAccounting a, long rowCount)
    {
        var table = new Table().AddColumns("section", "codec", "stored bytes", "raw bytes");
        table.AddRow("preamble (magic, version, flags)", "-", Num(a.PreambleBytes), "-");
        table.AddRow(Inv($"header (JSON; normaliser/quantiser {a.HeaderNormaliserBytes})"), "-", Num(a.HeaderBytes), "-");
        foreach (ArchiveBlockAccount b in a.Blocks)
        {
            table.AddRow(Markup.Escape($"{b.Kind}: {b.Name}"), b.Codec.ToString(), Num(b.StoredBytes), Num(b.RawBytes));
        }

        table.AddRow("block framing", "-", Num(a.FramingBytes), "-");
        table.AddRow("trailer (SHA-256, end marker)", "-", Num(a.TrailerBytes), "-");
        table.AddRow("[bold]total[/]", string.Empty, $"[bold]{Num(a.TotalBytes)}[/]", string.Empty);
        console.Write(table);
        long rows = Math.Max(1, rowCount);
        foreach ((string title, IReadOnlyList<LatentColumnAccount>? columns, long block) in new[]
                 {
                     ("latent column (coding order)", a.LatentColumns, a.LatentBytes), ("correction column (coding order)", a.CorrectionColumns, a.CorrectionBytes),
                 })
        {
            if (columns is null)
            {
                continue;
            }

            var perColumn = new Table().AddColumns(title, "bytes", "bits/row", "predicted from", "contexts");
            foreach (LatentColumnAccount c in columns)
            {
                perColumn.AddRow(Markup.Escape(c.Name), Num(c.Bytes), Inv($"{8.0 * c.Bytes / rows:F3}"), Markup.Escape(c.PredictedFrom ?? "-"),
                    c.ContextFrom is null ? "1" : Markup.Escape(Inv($"{c.Contexts} by {c.ContextFrom}")));
            }

            long overhead = block - columns.Sum(c => (long)c.Bytes);
            perColumn.AddRow("table overhead (shape, order, CRC)", Num(overhead), Inv($"{8.0 * overhead / rows:F3}"), string.Empty, string.Empty);
            console.Write(perColumn);
        }

        console.MarkupLine($"checksum: {(a.Checksum == ChecksumStatus.Valid ? "[green]valid[/]" : $"[red]{a.Checksum}[/]")}");
    }

    public static void Fidelity(IAnsiConsole console, FidelityReport report, string directory)
    {
        var table = new Table().AddColumns("variable", "residual mean", "residual RMS", "IQR/1.349", "relative RMS", "relative IQR/1.349", "selection");
        foreach (VariableFidelity v in report.Variables)
        {
            table.AddRow(
                Markup.Escape(v.Name),
                G(v.Residual.Mean), G(v.Residual.Rms), G(v.Residual.IqrWidth),
                v.RelativeResidual is { } r ? Pct(r.Rms) : "-",
                v.RelativeResidual is { } q ? Pct(q.IqrWidth) : "-",
                Markup.Escape(v.RelativeSelection ?? string.Empty));
        }

        console.Write(table);
        if (report.Compression is { } c)
        {
            console.MarkupLine(Inv($"archive: {c.ArchiveBytes} bytes, [bold]{c.BytesPerRow:F3} bytes/row[/], compression ratio {c.CompressionRatio:F2} against the original file"));
        }

        if (report.Synthetic)
        {
            console.MarkupLine("[yellow]synthetic data[/]: the built-in demo sample, not physics data");
        }

        console.MarkupLine($"report: [bold]{Markup.Escape(Path.Combine(directory, "report.json"))}[/] and one residual histogram per variable");
    }

    private static string Num(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Pct(double v) => (v * 100).ToString("F3", CultureInfo.InvariantCulture) + " %";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
