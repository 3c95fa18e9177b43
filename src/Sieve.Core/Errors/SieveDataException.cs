namespace Sieve.Core.Errors;

/// <summary>
/// Bad input data: names the file, the line or record, the field and what was expected.
/// Every reader throws this type (or a subclass) for malformed input, never a bare parse error.
/// </summary>
public class SieveDataException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    public SieveDataException(string file, long? line, string? field, string problem, string? expected = null, Exception? inner = null)
        : base(Compose(file, line, field, problem, expected), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
        Expected = expected;
    }

    /// <summary>The file (path as given).</summary>
    public string File { get; }

    /// <summary>1-based line or record number, when known.</summary>
    public long? Line { get; }

    /// <summary>Field or column name (or 1-based field number), when known.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What was expected instead.</summary>
    public string? Expected { get; }

    private static string Compose(string file, long? line, string? field, string problem, string? expected)
    {
        string where = file + (line is null ? string.Empty : $":{line}") + (field is null ? string.Empty : $", field {field}");
        return expected is null ? $"{where}: {problem}" : $"{where}: {problem}; expected {expected}";
    }
}
