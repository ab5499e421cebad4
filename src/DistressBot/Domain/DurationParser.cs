namespace DistressBot.Domain;

/// <summary>Parses compact durations such as "90m", "1h30m" or "2d" (units d, h, m, s; case-insensitive).</summary>
/// <remarks>
/// Units must appear largest first and each at most once ("1h30m", not "30m1h" or "1h1h"), so one text has one
/// reading. Only ASCII digits count: <see cref="char.IsDigit(char)"/> would also admit other scripts' digits.
/// </remarks>
public static class DurationParser
{
    /// <summary>The longest duration accepted; longer values are rejected rather than clamped.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(30);

    // Nine digits times the largest unit (86 400 s) stays far inside long, so no step below can overflow.
    private const int MaxDigitsPerPart = 9;

    // Longer input cannot be a sensible duration; refusing it early bounds the work done on untrusted text.
    private const int MaxTextLength = 32;

    /// <summary>True and the duration when <paramref name="text"/> is a positive duration no longer than <see cref="Maximum"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        long totalSeconds = 0;
        var previousRank = int.MaxValue;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            long number = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (i - start >= MaxDigitsPerPart)
                {
                    return false;
                }

                number = (number * 10) + (text[i] - '0');
                i++;
            }

            if (i == start || i == text.Length)
            {
                return false;
            }

            var (unitSeconds, rank) = char.ToLowerInvariant(text[i]) switch
            {
                'd' => (86_400L, 3),
                'h' => (3_600L, 2),
                'm' => (60L, 1),
                's' => (1L, 0),
                _ => (0L, -1),
            };
            if (rank < 0 || rank >= previousRank)
            {
                return false;
            }

            previousRank = rank;
            i++;
            totalSeconds += number * unitSeconds;
            if (totalSeconds > (long)Maximum.TotalSeconds)
            {
                return false;
            }
        }

        if (totalSeconds <= 0)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }
}
