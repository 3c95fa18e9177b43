using System.Globalization;
using System.Text;

namespace Sieve.Core.Tables;

/// <summary>
/// The positions of missing cells as a lossless side channel: per row, the 0-based indices of its
/// missing features separated by ' ' (empty when none). Compact under zstd, since most rows of a
/// table repeat the same few patterns.
/// </summary>
public static class MissingCellsChannel
{
    /// <summary>Side-channel name in archives.</summary>
    public const string Name = "__missing";

    /// <summary>Encodes a (N, F) presence mask (1 present, 0 missing).</summary>
    public static SideChannel Encode(double[] mask, int rows, int features)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var values = new string[rows];
        var text = new StringBuilder();
        for (int r = 0; r < rows; r++)
        {
            text.Clear();
            for (int f = 0; f < features; f++)
            {
                if (mask[(r * features) + f] == 0)
                {
                    text.Append(text.Length == 0 ? string.Empty : " ").Append(f.ToString(CultureInfo.InvariantCulture));
                }
            }

            values[r] = text.ToString();
        }

        return new SideChannel(Name, values);
    }

    /// <summary>Decodes the channel back into a (N, F) presence mask.</summary>
    public static double[] Decode(SideChannel channel, int features)
    {
        ArgumentNullException.ThrowIfNull(channel);
        int rows = channel.Values.Count;
        var mask = new double[rows * features];
        Array.Fill(mask, 1.0);
        for (int r = 0; r < rows; r++)
        {
            string row = channel.Values[r];
            if (row.Length == 0)
            {
                continue;
            }

            foreach (string item in row.Split(' '))
            {
                if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int f) || f >= features)
                {
                    throw new InvalidDataException($"row {r + 1}: '{row}' is not a list of feature indices below {features}.");
                }

                mask[(r * features) + f] = 0;
            }
        }

        return mask;
    }
}
