namespace Sieve.IO.Generators;

/// <summary>One process line of an LHE <c>&lt;init&gt;</c> block.</summary>
/// <param name="CrossSection">XSECUP: cross section (pb).</param>
/// <param name="CrossSectionError">XERRUP: its statistical error (pb).</param>
/// <param name="MaxWeight">XMAXUP: maximum event weight.</param>
/// <param name="ProcessId">LPRUP: process id, matched by IDPRUP of the events.</param>
public sealed record LheProcess(double CrossSection, double CrossSectionError, double MaxWeight, int ProcessId);
