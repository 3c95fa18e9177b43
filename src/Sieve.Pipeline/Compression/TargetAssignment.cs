namespace Sieve.Pipeline;

/// <summary>The error target one feature got, and from which key (its name, its variable or a pattern), as compress reports it.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Key">The key of the targets that applies (see <see cref="ErrorTarget.Find"/>).</param>
/// <param name="Text">The target as given, e.g. "0.3%"; "0" for a column kept losslessly.</param>
public sealed record TargetAssignment(string Feature, string Key, string Text);
