using System.Globalization;
using System.Text;

namespace DistressBot.Localization;

/// <summary>Durations as people read them: "1 ч 30 мин" / "1 h 30 min", at most two units.</summary>
public static class HumanDuration
{
    /// <summary>Formats <paramref name="value"/> rounded to whole minutes (seconds below a minute).</summary>
    public static string Format(TimeSpan value, Language language)
    {
        if (value < TimeSpan.Zero)
        {
            value = value.Negate();
        }

        var (d, h, m, s) = language == Language.Ru ? ("д", "ч", "мин", "с") : ("d", "h", "min", "s");
        if (value < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalSeconds} {s}");
        }

        var minutes = (long)Math.Round(value.TotalMinutes, MidpointRounding.AwayFromZero);
        var parts = new List<string>(3);
        if (minutes >= 1440)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440} {d}"));
            minutes %= 1440;
        }

        if (minutes >= 60)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} {h}"));
            minutes %= 60;
        }

        if (minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes} {m}"));
        }

        var builder = new StringBuilder();
        foreach (var part in parts.Take(2))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
