using System.Globalization;
using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>Reads a duration setting in the bot's own forms ("5m", "1h30m", "2d"), as "[d.]hh:mm:ss", or "0".</summary>
/// <remarks>
/// A bare number other than 0 is refused: .NET would read "15" as fifteen days, which is never what an admin means.
/// The compact forms go through <see cref="DurationParser"/>, so they mean exactly what they mean in a bot command.
/// </remarks>
public static class SettingDuration
{
    /// <summary>Examples of the accepted forms, for messages.</summary>
    public const string Forms = "15m, 1h30m, 2d or 00:15:00";

    /// <summary>True and the duration when <paramref name="text"/> is a duration in one of the accepted forms, from zero to 30 days (<see cref="DurationParser.Maximum"/>) whatever the form.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (IsZero(trimmed))
        {
            return true;
        }

        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            // The same bounds as the short forms: a negative or vast value would pass here and overflow date arithmetic later.
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero && value <= DurationParser.Maximum;
        }

        return DurationParser.TryParse(trimmed, out value);
    }

    /// <summary>The message for a value that is not a duration: names the setting, its environment variable and the forms.</summary>
    public static string Problem(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return $"{key} is \"{shown}\", which is not a duration from 0 to 30 days: write it like {Forms} " +
            $"(from 0 to 30d; set by DISTRESSBOT_{key.Replace(":", "__", StringComparison.Ordinal)} or a settings file).";
    }

    // "0", "0s", "00m": zero turns a duration off where that is allowed (Checkins:ReminderLead).
    private static bool IsZero(string text)
    {
        var digits = text.Length > 1 && "dhmsDHMS".Contains(text[^1], StringComparison.Ordinal) ? text[..^1] : text;
        return digits.Length > 0 && digits.All(c => c == '0');
    }
}
