using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>A schedule as its reader says it: «раз в 12 ч, запас 30 мин» / "every 12 h, grace 30 min", «ежедневно в 09:00 и 21:00, …» / "daily at 09:00 and 21:00, …".</summary>
/// <remarks>Durations are exact (<see cref="HumanDuration.FormatExact"/>): a schedule is a promise, not an estimate.</remarks>
public static class ScheduleText
{
    /// <summary>The schedule in <paramref name="language"/>; daily times are the subject's wall clock.</summary>
    public static string Describe(Schedule schedule, Language language)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var grace = HumanDuration.FormatExact(schedule.Grace, language);
        if (schedule.Kind == ScheduleKind.Interval)
        {
            return TextCatalogue.Format(language, TextId.ScheduleEveryText, Interval(schedule.Every!.Value, language), grace);
        }

        var times = schedule.DailyTimes!.Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var list = times.Count == 1
            ? times[0]
            : TextCatalogue.Format(language, TextId.ListAnd, string.Join(", ", times.Take(times.Count - 1)), times[^1]);
        return TextCatalogue.Format(language, TextId.ScheduleDailyText, list, grace);
    }

    // "раз в час", not "раз в 1 ч".
    private static string Interval(TimeSpan every, Language language)
    {
        if (every == TimeSpan.FromDays(1))
        {
            return TextCatalogue.Format(language, TextId.DurationOneDay);
        }

        if (every == TimeSpan.FromHours(1))
        {
            return TextCatalogue.Format(language, TextId.DurationOneHour);
        }

        return every == TimeSpan.FromMinutes(1)
            ? TextCatalogue.Format(language, TextId.DurationOneMinute)
            : HumanDuration.FormatExact(every, language);
    }
}
