using Sieve.Core.Layouts;
using Sieve.Models.Scoring;

namespace Sieve.Pipeline;

/// <summary>What a score run did.</summary>
/// <param name="Events">Events scored.</param>
/// <param name="Scores">The score columns written (score_recon, and score_kl, score_rz for a VAE).</param>
/// <param name="Dropped">Objects a slot layout dropped, if any.</param>
/// <param name="Engine">What ran the model: <see cref="ScoreEngine.Native"/> or <see cref="ScoreEngine.Torch"/>.</param>
public sealed record ScoreOutcome(int Events, IReadOnlyList<string> Scores, DroppedObjects? Dropped, ScoreEngine Engine);
