using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>/subjects: a coordinator's people with state, last check-in, next deadline, a running pause, an open case (duress marked, and who took it), and "no PIN yet" for those without PINs.</summary>
public static class SubjectsOverview
{
    /// <summary>Queues the overview for <paramref name="coordinator"/>.</summary>
    public static void Reply(DataSession db, Person coordinator, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        var subjects = coordinator.SubjectIds.Select(db.People.Find).OfType<Person>()
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (subjects.Count == 0)
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.SubjectsNone);
            return;
        }

        // The state as it is now, when asked; only the words (language, zone) are chosen when it is sent.
        var parts = new List<MessageText> { new(TextId.SubjectsHeader) };
        foreach (var subject in subjects)
        {
            var state = subject.Checkin;
            var precision = SchedulePrecision.For(state?.Schedule);
            var last = state?.LastCheckinAt is { } l ? MessageArg.Instant(l, precision) : MessageArg.Of(new MessageText(TextId.Never));
            var next = state switch
            {
                { Missed: true, MissedDeadline: { } missed } => MessageArg.Instant(missed, precision),
                { OwedDeadline: { } owed } when state.Schedule is not null => MessageArg.Instant(owed, precision),
                _ => MessageArg.Of(new MessageText(TextId.NoDeadline)),
            };
            var open = state?.OpenCaseId is { } caseId && db.Cases.Find(caseId) is { Status: not CaseStatus.Resolved } found ? found : null;

            // A check-in (perhaps forced) does not close a case: while one is open the subject is never shown as fine.
            var stateWord = open is not null && ShowStatus.StateId(subject, now, rules) == TextId.StateOk ? TextId.StateCaseOpen : ShowStatus.StateId(subject, now, rules);
            parts.Add(new MessageText(TextId.SubjectsLine, subject.Name, stateWord, last, next));
            if (state is not null && CheckinPause.IsRunning(state, now))
            {
                parts.Add(new MessageText(TextId.SubjectsPausedUntil, MessageArg.Instant(state.PausedUntil!.Value, precision)));
            }

            if (open is not null)
            {
                parts.Add(open.IsDuress ? new MessageText(TextId.SubjectsDuressCase, open.Id) : new MessageText(TextId.SubjectsOpenCase, open.Id));
                parts.Add(open.AcknowledgedBy is { } takerId && db.People.Find(takerId) is { } taker
                    ? new MessageText(TextId.SubjectsCaseTaken, taker.Name)
                    : new MessageText(TextId.SubjectsCaseNotTaken));
            }

            if (subject.Pins is null)
            {
                // Until PINs are set a check-in needs none: the coordinator should know.
                parts.Add(new MessageText(TextId.SubjectsNoPin));
            }
        }

        Notify.Send(db, coordinator, MessagePriority.Reply, now, parts);
    }
}
