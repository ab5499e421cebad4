using System.Globalization;
using System.Text;

namespace DistressBot.Domain;

/// <summary>A duration in command and settings syntax ("1h30m", "45m", "2d3h"), the inverse of <see cref="DurationParser"/>; texts for people use <see cref="Localization.HumanDuration"/>.</summary>
/// <remarks>Sub-second parts are dropped: no schedule or setting has them, and "0s" is written for less than a second.</remarks>
public static class DurationToken
{
    /// <summary>The non-zero units of <paramref name="value"/>, largest first, without spaces: "1h30m", a token <see cref="DurationParser"/> reads back.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static string Format(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        var builder = new StringBuilder();
        Append(builder, value.Days, 'd');
        Append(builder, value.Hours, 'h');
        Append(builder, value.Minutes, 'm');
        Append(builder, value.Seconds, 's');
        return builder.Length == 0 ? "0s" : builder.ToString();
    }

    private static void Append(StringBuilder builder, int amount, char unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
