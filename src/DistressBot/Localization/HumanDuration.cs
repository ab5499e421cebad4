using System.Globalization;
using System.Text;

namespace DistressBot.Localization;

/// <summary>The one formatter of durations for people, in the reader's language: "1 ч 30 мин" / "1 h 30 min" (command syntax is <see cref="Domain.DurationToken"/>).</summary>
public static class HumanDuration
{
    /// <summary>Every non-zero unit of <paramref name="value"/> down to seconds ("1 ч 30 мин 15 с"; "0 с" for less than a second), for values people set themselves.</summary>
    public static string FormatExact(TimeSpan value, Language language)
    {
        if (value < TimeSpan.Zero)
        {
            value = value.Negate();
        }

        var (d, h, m, s) = Units(language);
        var parts = new List<string>(4);
        Add(parts, value.Days, d);
        Add(parts, value.Hours, h);
        Add(parts, value.Minutes, m);
        Add(parts, value.Seconds, s);
        return parts.Count == 0 ? "0 " + s : string.Join(' ', parts);

        static void Add(List<string> parts, int amount, string unit)
        {
            if (amount != 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{amount} {unit}"));
            }
        }
    }

    /// <summary>Formats <paramref name="value"/> rounded to whole minutes (seconds below a minute), at most two units.</summary>
    public static string Format(TimeSpan value, Language language)
    {
        if (value < TimeSpan.Zero)
        {
            value = value.Negate();
        }

        var (d, h, m, s) = Units(language);
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

    private static (string Days, string Hours, string Minutes, string Seconds) Units(Language language) =>
        language == Language.Ru ? ("д", "ч", "мин", "с") : ("d", "h", "min", "s");
}
