namespace Sieve.IO.Generators;

/// <summary>
/// The run information of an LHE <c>&lt;init&gt;</c> block: beams, weighting strategy and
/// processes. The PDF fields (PDFGUP, PDFSUP) are checked to be integers but not kept.
/// </summary>
/// <param name="Beam1PdgId">IDBMUP(1): PDG id of beam 1 (2212 proton).</param>
/// <param name="Beam2PdgId">IDBMUP(2): PDG id of beam 2.</param>
/// <param name="Beam1Energy">EBMUP(1): energy of beam 1 (GeV).</param>
/// <param name="Beam2Energy">EBMUP(2): energy of beam 2 (GeV).</param>
/// <param name="WeightingStrategy">IDWTUP: how the event weights are to be interpreted (+-1..+-4).</param>
/// <param name="Processes">One entry per process line (NPRUP of them).</param>
public sealed record LheInit(int Beam1PdgId, int Beam2PdgId, double Beam1Energy, double Beam2Energy, int WeightingStrategy, IReadOnlyList<LheProcess> Processes);
