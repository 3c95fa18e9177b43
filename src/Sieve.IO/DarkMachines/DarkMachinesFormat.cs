namespace Sieve.IO.DarkMachines;

/// <summary>
/// Facts about the DarkMachines unsupervised-challenge CSV format (arXiv:2105.14027), in one
/// place so the reader and writer cannot drift apart. One event per line:
/// <c>eventID;processID;weight;MET;METphi;obj,E,pt,eta,phi;obj,E,pt,eta,phi;...;</c>
/// with object codes <c>j b e- e+ m- m+ g</c>. E, pt and MET are in MeV in the file; weight,
/// METphi, eta and phi have no energy unit and are passed through unchanged.
/// </summary>
public static class DarkMachinesFormat
{
    /// <summary>
    /// MeV per GeV. The reader divides by this (GeV = MeV / 1000, a true division rather than a
    /// multiplication by 0.001, which rounds differently), the writer multiplies.
    /// </summary>
    public const double MevPerGev = 1000.0;

    /// <summary>Separator between the header fields and the objects of an event.</summary>
    public const char FieldSeparator = ';';

    /// <summary>Separator between the five fields of one object.</summary>
    public const char ObjectFieldSeparator = ',';

    /// <summary>Number of fields before the objects: eventID, processID, weight, MET, METphi.</summary>
    public const int HeaderFieldCount = 5;

    /// <summary>Number of fields of one object: code, E, pt, eta, phi.</summary>
    public const int ObjectFieldCount = 5;

    /// <summary>Names of the header fields as they appear in error messages.</summary>
    public static IReadOnlyList<string> HeaderFieldNames { get; } = ["eventID", "processID", "weight", "MET", "METphi"];

    /// <summary>Names of the object fields as they appear in error messages.</summary>
    public static IReadOnlyList<string> ObjectFieldNames { get; } = ["code", "E", "pt", "eta", "phi"];
}
