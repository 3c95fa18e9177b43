namespace Sieve.Core.Selection;

/// <summary>Text codes of the DarkMachines channels (<c>ch1 ch2a ch2b ch3</c>), as in the challenge file names.</summary>
public static class Channels
{
    /// <summary>All channels, in challenge order.</summary>
    public static IReadOnlyList<Channel> All { get; } = [Channel.Ch1, Channel.Ch2a, Channel.Ch2b, Channel.Ch3];

    /// <summary>The code of a channel: <c>ch1</c>, <c>ch2a</c>, <c>ch2b</c> or <c>ch3</c>.</summary>
    public static string Code(this Channel channel) => channel switch
    {
        Channel.Ch1 => "ch1",
        Channel.Ch2a => "ch2a",
        Channel.Ch2b => "ch2b",
        Channel.Ch3 => "ch3",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown channel"),
    };

    /// <summary>Parses a channel code (case-insensitive, surrounding blanks ignored); false for anything else.</summary>
    public static bool TryParse(string? text, out Channel channel)
    {
        string code = text?.Trim() ?? string.Empty;
        foreach (Channel c in All)
        {
            if (string.Equals(c.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                channel = c;
                return true;
            }
        }

        channel = default;
        return false;
    }

    /// <summary>Parses a channel code; throws naming the text and the allowed codes.</summary>
    public static Channel Parse(string? text) =>
        TryParse(text, out Channel channel)
            ? channel
            : throw new ArgumentException($"unknown channel '{text}'; expected one of {string.Join(", ", All.Select(c => c.Code()))}.", nameof(text));
}
