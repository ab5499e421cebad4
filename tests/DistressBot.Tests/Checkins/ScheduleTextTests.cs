using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Tests.Checkins;

public sealed class ScheduleTextTests
{
    public static TheoryData<Schedule, string, string> Schedules => new()
    {
        { Schedule.Interval(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5)), "раз в 15 с, запас 5 с", "every 15 s, grace 5 s" },
        { Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30)), "раз в 12 ч, запас 30 мин", "every 12 h, grace 30 min" },
        { Schedule.Interval(new TimeSpan(1, 30, 15), TimeSpan.FromMinutes(45)), "раз в 1 ч 30 мин 15 с, запас 45 мин", "every 1 h 30 min 15 s, grace 45 min" },
        { Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)), "раз в час, запас 10 мин", "every hour, grace 10 min" },
        { Schedule.Interval(TimeSpan.FromDays(1), TimeSpan.FromHours(2)), "раз в сутки, запас 2 ч", "every day, grace 2 h" },
        { Schedule.Daily([new TimeOnly(9, 0)], TimeSpan.FromMinutes(45)), "ежедневно в 09:00, запас 45 мин", "daily at 09:00, grace 45 min" },
        { Schedule.Daily([new TimeOnly(21, 0), new TimeOnly(9, 0)], TimeSpan.FromMinutes(45)), "ежедневно в 09:00 и 21:00, запас 45 мин", "daily at 09:00 and 21:00, grace 45 min" },
        { Schedule.Daily([new TimeOnly(9, 0), new TimeOnly(15, 0), new TimeOnly(21, 0)], TimeSpan.FromHours(1)), "ежедневно в 09:00, 15:00 и 21:00, запас 1 ч", "daily at 09:00, 15:00 and 21:00, grace 1 h" },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Describe_Schedule_ReadsNaturallyInEachLanguage(Schedule schedule, string russian, string english)
    {
        Assert.Equal(russian, ScheduleText.Describe(schedule, Language.Ru));
        Assert.Equal(english, ScheduleText.Describe(schedule, Language.En));
        Assert.DoesNotContain("grace", ScheduleText.Describe(schedule, Language.Ru), StringComparison.Ordinal);
        Assert.DoesNotContain("every", ScheduleText.Describe(schedule, Language.Ru), StringComparison.Ordinal);
    }
}
