namespace Sieve.Core.Summaries;

/// <summary>One column of a table summary.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Role">"feature" or "side channel".</param>
/// <param name="Min">Smallest present value (features only).</param>
/// <param name="Max">Largest present value (features only).</param>
/// <param name="Mean">Mean of present values (features only).</param>
/// <param name="Missing">Cells equal to the missing-value marker (features only).</param>
/// <param name="Distinct">Distinct values (side channels only, capped at 10,001).</param>
public sealed record ColumnSummary(string Name, string Role, double? Min, double? Max, double? Mean, long? Missing, long? Distinct);
