namespace Sieve.Core.Layouts.Internal;

/// <summary>Turns a per-slot mask into a per-feature mask.</summary>
internal static class SlotMasks
{
    public static double[] Expand(double[] slotMask, int rows, int slots, IReadOnlyList<int> featureSlots)
    {
        int f = featureSlots.Count;
        var mask = new double[rows * f];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < f; j++)
            {
                mask[(r * f) + j] = slotMask[(r * slots) + featureSlots[j]];
            }
        }

        return mask;
    }
}
