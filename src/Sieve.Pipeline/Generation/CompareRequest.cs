using Sieve.Core.Layouts;
using Sieve.Core.Metrics.Generation;

namespace Sieve.Pipeline.Generation;

/// <summary>What <c>sieve compare</c> measures.</summary>
/// <param name="ReferencePath">Reference sample: a table, or an event file laid out with <paramref name="Layout"/>.</param>
/// <param name="GeneratedPath">Generated sample (e.g. from <c>sieve generate</c>).</param>
/// <param name="Features">Features to compare; null = every feature of the generated file that the reference has.</param>
/// <param name="OutputDirectory">Where compare.json, the plots and index.html go; null = no files, the summary only.</param>
/// <param name="Layout">How an event-format reference becomes rows; default one row per object.</param>
/// <param name="Bootstrap">W1 bootstrap settings.</param>
/// <param name="Fpd">FPD settings.</param>
public sealed record CompareRequest(string ReferencePath, string GeneratedPath, IReadOnlyList<string>? Features = null, string? OutputDirectory = null,
    LayoutKind Layout = LayoutKind.PerObject, BootstrapOptions? Bootstrap = null, FpdOptions? Fpd = null);
