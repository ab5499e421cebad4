using System.Globalization;
using System.Text;

namespace DistressBot.Checkins;

/// <summary>Formats durations compactly for texts ("1h 30m", "45m", "2d 3h") and for command tokens ("1h30m").</summary>
/// <remarks>Sub-second parts are dropped: no schedule or text needs them, and "0s" is shown for less than a second.</remarks>
public static class DurationFormatter
{
    /// <summary>The non-zero units of <paramref name="value"/>, largest first, separated by spaces: "2d 3h", "1h 30m".</summary>
    public static string Format(TimeSpan value) => Build(value, separator: " ");

    /// <summary>The same units without spaces ("1h30m"), a token <see cref="DurationParser"/> reads back.</summary>
    public static string FormatToken(TimeSpan value) => Build(value, separator: string.Empty);

    private static string Build(TimeSpan value, string separator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        var builder = new StringBuilder();
        Append(builder, value.Days, 'd', separator);
        Append(builder, value.Hours, 'h', separator);
        Append(builder, value.Minutes, 'm', separator);
        Append(builder, value.Seconds, 's', separator);
        return builder.Length == 0 ? "0s" : builder.ToString();
    }

    private static void Append(StringBuilder builder, int amount, char unit, string separator)
    {
        if (amount == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append(separator);
        }

        builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }
}
