using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.Generators.Internal;
using Sieve.IO.Internal;

namespace Sieve.IO.Generators;

/// <summary>
/// Streams the events of a Les Houches Event file (<c>.lhe</c>, or gzip-compressed
/// <c>.lhe.gz</c>), one <c>&lt;event&gt;</c> block at a time, so memory stays bounded by the
/// largest event.
/// </summary>
/// <remarks>
/// <para>Layout (Les Houches accord, hep-ph/0609017): a <c>&lt;LesHouchesEvents&gt;</c> element
/// holding an optional header, an <c>&lt;init&gt;</c> block (see <see cref="LheInit"/>) and
/// <c>&lt;event&gt;</c> blocks. An event starts with NUP IDPRUP XWGTUP SCALUP AQEDUP AQCDUP,
/// followed by exactly NUP particle lines IDUP ISTUP MOTHUP1 MOTHUP2 ICOLUP1 ICOLUP2 PUP1..PUP5
/// VTIMUP SPINUP. Anything after the particles and before <c>&lt;/event&gt;</c> (<c>#</c>
/// comments, <c>&lt;rwgt&gt;</c>, <c>&lt;weights&gt;</c>, <c>&lt;scales&gt;</c>) is skipped, and
/// so is the header.</para>
/// <para>Mapping: IDUP is the PDG id, ISTUP the status (1 final state, -1 incoming, 2
/// intermediate), PUP1..PUP5 are px py pz E m in GeV; IDPRUP becomes the process id, XWGTUP the
/// weight, and the event id is the 1-based position of the event in the file.</para>
/// <para>Strictness: a particle count that differs from NUP, a missing <c>&lt;init&gt;</c> block,
/// a file without any <c>&lt;event&gt;</c> block and a file that ends before
/// <c>&lt;/LesHouchesEvents&gt;</c> (truncated: events would be lost silently) are errors.
/// Text after the closing tag is ignored (POWHEG writes random-number state there). Every error
/// is a <see cref="SieveDataException"/> with file and 1-based line.</para>
/// </remarks>
public static class LheReader
{
    /// <summary>Reads the events of a file lazily; the file is opened on the first MoveNext.</summary>
    public static IEnumerable<GeneratorEvent> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LineSource.ReadFile(path, ReadEvents);
    }

    /// <summary>Reads the events from <paramref name="reader"/> lazily; the caller keeps ownership of it.</summary>
    public static IEnumerable<GeneratorEvent> Read(TextReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(displayName);
        return ReadEvents(LineSource.Wrap(reader, displayName));
    }

    /// <summary>Reads only the <c>&lt;init&gt;</c> block of a file (beams, processes).</summary>
    public static LheInit ReadInit(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using LineSource source = LineSource.Open(path);
        return ReadInit(source);
    }

    /// <summary>Reads only the <c>&lt;init&gt;</c> block from <paramref name="reader"/>.</summary>
    public static LheInit ReadInit(TextReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(displayName);
        return ReadInit(LineSource.Wrap(reader, displayName));
    }

    private static LheInit ReadInit(LineSource source)
    {
        RequireOpening(source);
        while (NextTag(source) is { } tag)
        {
            switch (tag)
            {
                case Tag.Init: return LheInitParser.Parse(source);
                case Tag.Event: throw source.Error(null, "<event> before the <init> block", "<init> first, as the Les Houches accord requires");
                case Tag.End: throw source.Error(null, "</LesHouchesEvents> before any <init> block", "an <init> block");
            }
        }

        throw new SieveDataException(source.File, source.LineNumber, null, "no <init> block", "a Les Houches Event file with <init> and <event> blocks");
    }


    private static IEnumerable<GeneratorEvent> ReadEvents(LineSource source)
    {
        RequireOpening(source);
        bool sawInit = false;
        long count = 0;
        while (NextTag(source) is { } tag)
        {
            switch (tag)
            {
                case Tag.Init:
                    _ = LheInitParser.Parse(source); // validated, not needed for the events
                    sawInit = true;
                    break;
                case Tag.Event:
                    if (!sawInit)
                    {
                        throw source.Error(null, "<event> before the <init> block", "<init> first, as the Les Houches accord requires");
                    }

                    count++;
                    yield return LheEventParser.Parse(source, count);
                    break;
                case Tag.End:
                    if (count == 0)
                    {
                        throw NoEvents(source);
                    }

                    yield break;
            }
        }

        if (count == 0)
        {
            throw NoEvents(source);
        }

        throw new SieveDataException(source.File, source.LineNumber, null, "file ends without </LesHouchesEvents>",
            "the closing tag after the last event (the file may be truncated)");
    }

    private static SieveDataException NoEvents(LineSource source) =>
        new(source.File, source.LineNumber, null, "no <event> blocks", "at least one <event> ... </event> block after <init>");

    private enum Tag
    {
        Init,
        Event,
        End,
    }

    /// <summary>
    /// Skips header text and XML comments to the next <c>&lt;init&gt;</c>, <c>&lt;event&gt;</c> or
    /// <c>&lt;/LesHouchesEvents&gt;</c> line; null at the end of the input.
    /// </summary>
    private static Tag? NextTag(LineSource source)
    {
        bool inComment = false;
        while (source.ReadLine() is { } line)
        {
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (inComment)
            {
                inComment = text.IndexOf("-->", StringComparison.Ordinal) < 0;
                continue;
            }

            if (text.IsEmpty)
            {
                continue;
            }

            if (text.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = text[4..].IndexOf("-->", StringComparison.Ordinal) < 0;
            }
            else if (IsTag(text, "<init"))
            {
                return Tag.Init;
            }
            else if (IsTag(text, "<event"))
            {
                return Tag.Event;
            }
            else if (IsTag(text, "</LesHouchesEvents"))
            {
                return Tag.End;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads up to the <c>&lt;LesHouchesEvents</c> opening tag (after blank lines and an optional
    /// <c>&lt;?xml</c> declaration), so a file of another format is named as such rather than
    /// reported as having no events.
    /// </summary>
    private static void RequireOpening(LineSource source)
    {
        while (source.ReadLine() is { } line)
        {
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (text.IsEmpty || text.StartsWith("<?xml", StringComparison.Ordinal))
            {
                continue;
            }

            if (!IsTag(text, "<LesHouchesEvents"))
            {
                throw source.Error(null, $"does not start with <LesHouchesEvents> but with {NumberText.Quote(text)}",
                    "a Les Houches Event file (or pass another format)");
            }

            return;
        }

        throw new SieveDataException(source.File, source.LineNumber, null, "file is empty", "a Les Houches Event file");
    }

    /// <summary>True when <paramref name="text"/> starts with the tag name followed by '>', '/', whitespace or the end.</summary>
    internal static bool IsTag(ReadOnlySpan<char> text, string tag) =>
        text.StartsWith(tag, StringComparison.Ordinal)
        && (text.Length == tag.Length || text[tag.Length] is '>' or '/' or ' ' or '\t');
}
