using System.Text;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>/subjects: a coordinator's people with state, last check-in and next deadline.</summary>
public static class SubjectsOverview
{
    /// <summary>Queues the overview for <paramref name="coordinator"/>.</summary>
    public static void Reply(DataSession db, Person coordinator, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        var subjects = coordinator.SubjectIds.Select(db.Person).OfType<Person>()
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (subjects.Count == 0)
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.SubjectsNone);
            return;
        }

        var language = coordinator.Language;
        var text = new StringBuilder(TextCatalogue.Format(language, TextId.SubjectsHeader));
        foreach (var subject in subjects)
        {
            var state = subject.Checkin;
            var precision = SchedulePrecision.For(state?.Schedule);
            var last = state?.LastCheckinAt is { } l ? LocalTime.Format(l, coordinator.TimeZone, precision) : TextCatalogue.Format(language, TextId.Never);
            var next = state switch
            {
                { Missed: true, MissedDeadline: { } missed } => LocalTime.Format(missed, coordinator.TimeZone, precision),
                { OwedDeadline: { } owed } when state.Schedule is not null => LocalTime.Format(owed, coordinator.TimeZone, precision),
                _ => TextCatalogue.Format(language, TextId.NoDeadline),
            };
            text.Append('\n').Append(TextCatalogue.Format(language, TextId.SubjectsLine, subject.Name, CheckinService.StateWord(subject, now, rules, language), last, next));
        }

        Notify.Text(db, coordinator, MessagePriority.Reply, now, text.ToString());
    }
}
