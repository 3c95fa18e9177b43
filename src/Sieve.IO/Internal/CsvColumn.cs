namespace Sieve.IO.Internal;

/// <summary>
/// One column of a CSV table while it is read. A feature column parses its cells to doubles
/// at once (no string per cell); a side-channel column keeps the exact text; a column whose role
/// is still open (automatic selection) keeps the text and is decided once all rows are seen,
/// because one non-numeric cell in the last row makes it a side channel.
/// </summary>
internal sealed class CsvColumn
{
    private CsvColumn(string name, List<double>? numbers, List<string>? texts, bool undecided)
    {
        Name = name;
        Numbers = numbers;
        Texts = texts;
        IsUndecided = undecided;
    }

    /// <summary>Column name from the header.</summary>
    public string Name { get; }

    /// <summary>Parsed values; non-null for a feature.</summary>
    public List<double>? Numbers { get; private set; }

    /// <summary>Verbatim cell text; non-null for a side channel or an undecided column.</summary>
    public List<string>? Texts { get; private set; }

    /// <summary>True until <see cref="Decide"/> has run on an automatically selected column.</summary>
    public bool IsUndecided { get; private set; }

    /// <summary>True when the column is (now) a feature.</summary>
    public bool IsFeature => Numbers is not null;

    public static CsvColumn Feature(string name) => new(name, [], null, false);

    public static CsvColumn SideChannel(string name) => new(name, null, [], false);

    public static CsvColumn Undecided(string name) => new(name, null, [], true);

    /// <summary>Stores one cell; features are parsed here so errors carry the line number.</summary>
    public void Add(ReadOnlySpan<char> cell, string file, long line)
    {
        if (Numbers is not null)
        {
            Numbers.Add(NumberText.ParseFinite(cell, file, line, Name));
        }
        else
        {
            Texts!.Add(cell.ToString());
        }
    }

    /// <summary>
    /// Turns an undecided column into a feature when every cell is a number (NaN and infinity
    /// count as numbers here, so they are reported as errors rather than silently demoting the
    /// column), otherwise into a side channel. <paramref name="firstDataLine"/> maps row to line.
    /// </summary>
    public void Decide(string file, long firstDataLine)
    {
        if (!IsUndecided)
        {
            return;
        }

        IsUndecided = false;
        List<string> texts = Texts!;
        foreach (string text in texts)
        {
            if (!NumberText.IsNumber(text))
            {
                return;
            }
        }

        var numbers = new List<double>(texts.Count);
        for (int row = 0; row < texts.Count; row++)
        {
            numbers.Add(NumberText.ParseFinite(texts[row], file, firstDataLine + row, Name));
        }

        if (Core.Tables.ColumnRoles.KeepLosslessly(Name, numbers))
        {
            // An identifier or counter: integers that must come back exactly, so the text stays a side channel.
            return;
        }

        Numbers = numbers;
        Texts = null;
    }
}
