using Sieve.Core.Errors;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>Normalises a whole input and reports bad values with the file and line they came from.</summary>
public static class TableNormalisation
{
    /// <summary>
    /// Normalises every row; a value outside the normaliser's domain becomes a SieveDataException.
    /// Cells whose <paramref name="mask"/> is 0 (padding, missing) are set to 0 after normalisation:
    /// the network sees them as neutral, whatever their raw value, and they are never checked.
    /// </summary>
    public static float[] Apply(FeatureNormaliser normaliser, LoadedInput input, string path, float[]? mask = null)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return normaliser.Transform(input.Table.Values, mask);
        }
        catch (NormalisationException e)
        {
            // CSV tables: data row r is on line r + 2 (1-based, after the header). DarkMachines rows
            // are objects, not lines, so the row is named instead.
            long? line = input.Format == InputFormat.Csv ? e.Row + 2L : null;
            string what = input.Format == InputFormat.Csv ? string.Empty : $"object row {e.Row + 1}: ";
            throw new SieveDataException(path, line, e.Feature, $"{what}value {e.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} cannot be normalised",
                normaliser.Transforms.First(t => t.Feature == e.Feature).Domain, e);
        }
    }

    /// <summary>The selected rows of a row-major (N, F) array.</summary>
    public static float[] Rows(float[] all, int featureCount, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(rows);
        var result = new float[rows.Length * featureCount];
        for (int i = 0; i < rows.Length; i++)
        {
            Array.Copy(all, rows[i] * featureCount, result, i * featureCount, featureCount);
        }

        return result;
    }
}
