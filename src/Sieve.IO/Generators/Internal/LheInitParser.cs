namespace Sieve.IO.Generators.Internal;

/// <summary>Parses the lines of an LHE <c>&lt;init&gt;</c> block after its opening tag.</summary>
internal static class LheInitParser
{
    private const string BeamLayout = "IDBMUP1 IDBMUP2 EBMUP1 EBMUP2 PDFGUP1 PDFGUP2 PDFSUP1 PDFSUP2 IDWTUP NPRUP";
    private const string ProcessLayout = "XSECUP XERRUP XMAXUP LPRUP";

    /// <summary>Generous bound on NPRUP, so a corrupt count cannot ask for unbounded memory.</summary>
    private const int MaxProcesses = 100_000;

    /// <summary>Reads the beam line, NPRUP process lines and skips optional lines up to <c>&lt;/init&gt;</c>.</summary>
    public static LheInit Parse(LineSource source)
    {
        long start = source.LineNumber;
        Span<Range> buffer = stackalloc Range[Fields.BufferLength];
        string line = NextContentLine(source, start);
        var beam = new Fields(line, source, buffer);
        beam.RequireCount(10, "the <init> beam line", BeamLayout);
        int id1 = beam.Int(0, "IDBMUP1");
        int id2 = beam.Int(1, "IDBMUP2");
        double e1 = beam.Double(2, "EBMUP1");
        double e2 = beam.Double(3, "EBMUP2");
        for (int k = 4; k < 8; k++)
        {
            _ = beam.Int(k, k < 6 ? $"PDFGUP{k - 3}" : $"PDFSUP{k - 5}");
        }

        int idwtup = beam.Int(8, "IDWTUP");
        int nprup = beam.Int(9, "NPRUP", 0, MaxProcesses);
        var processes = new LheProcess[nprup];
        for (int k = 0; k < nprup; k++)
        {
            line = NextContentLine(source, start);
            var p = new Fields(line, source, buffer);
            p.RequireCount(4, $"<init> process line {k + 1} of NPRUP = {nprup}", ProcessLayout);
            processes[k] = new LheProcess(p.Double(0, "XSECUP"), p.Double(1, "XERRUP"), p.Double(2, "XMAXUP"), p.Int(3, "LPRUP"));
        }

        // Optional extra lines (comments, generator tags) may follow until the closing tag.
        while (true)
        {
            string? rest = source.ReadLine() ?? throw Truncated(source, start);
            if (rest.AsSpan().Trim().StartsWith("</init", StringComparison.Ordinal))
            {
                return new LheInit(id1, id2, e1, e2, idwtup, processes);
            }
        }
    }

    private static string NextContentLine(LineSource source, long start)
    {
        string line = source.ReadLine() ?? throw Truncated(source, start);
        ReadOnlySpan<char> trimmed = line.AsSpan().Trim();
        if (trimmed.StartsWith("<", StringComparison.Ordinal) || trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.IsEmpty)
        {
            throw source.Error(null, "<init> block is shorter than its beam line and NPRUP process lines",
                $"the beam line ({BeamLayout}) then NPRUP lines ({ProcessLayout})");
        }

        return line;
    }

    private static Sieve.Core.Errors.SieveDataException Truncated(LineSource source, long start) =>
        source.Error(null, $"file ends inside the <init> block opened at line {start}", "</init> (the file may be truncated)");
}
