using Sieve.Core.Jets;
using Sieve.Core.Tables;

namespace Sieve.Pipeline.Images;

/// <summary>What `sieve jets` is asked: the input, the jet definition and the output table.</summary>
/// <param name="Input">Generator file (FastJet text, HepMC3, LHE).</param>
/// <param name="Definition">Algorithm, R and pT minimum.</param>
/// <param name="Output">The jets table (.csv).</param>
/// <param name="Format">Input format, when not detected from the file.</param>
public sealed record JetsRequest(string Input, JetDefinition Definition, string Output, InputFormat? Format = null);
