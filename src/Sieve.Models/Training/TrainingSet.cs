namespace Sieve.Models.Training;

/// <summary>
/// Normalised rows (N, F), row-major, with an optional mask of the same shape: 1 where a cell
/// holds a value, 0 where it is padding or missing (those cells never enter the loss).
/// </summary>
/// <param name="Values">Normalised values.</param>
/// <param name="Mask">Presence mask, or null when every cell counts.</param>
public sealed record TrainingSet(float[] Values, float[]? Mask = null)
{
    /// <summary>Checks that the mask matches the values and holds only 0 and 1.</summary>
    public void Validate()
    {
        if (Mask is null)
        {
            return;
        }

        if (Mask.Length != Values.Length)
        {
            throw new ArgumentException($"mask has {Mask.Length} cells but the data {Values.Length}.");
        }

        foreach (float m in Mask)
        {
            if (m is not (0f or 1f))
            {
                throw new ArgumentException($"mask cells must be 0 or 1, got {m}.");
            }
        }
    }
}
