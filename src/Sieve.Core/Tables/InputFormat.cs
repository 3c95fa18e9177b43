namespace Sieve.Core.Tables;

/// <summary>File formats that Sieve reads into feature tables.</summary>
public enum InputFormat
{
    /// <summary>Generic numeric CSV with a header; one row per object or per event.</summary>
    Csv,

    /// <summary>DarkMachines challenge CSV: one event per line, objects flattened to one row each.</summary>
    DarkMachines,
}
