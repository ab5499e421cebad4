using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>After Telegram was unreachable, tells each coordinator which of their people's deadlines fell inside, so a miss is not mistaken for an outage or the other way round.</summary>
public static class OutageReport
{
    /// <summary>Queues the report for the window <paramref name="from"/>–<paramref name="to"/> and notes it in open cases.</summary>
    public static void Queue(DataSession db, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.People.All().ToList();
        var byId = people.ToDictionary(p => p.Id);
        foreach (var coordinator in people.Where(p => p.Role == Role.Coordinator))
        {
            var lines = new List<MessageText>();
            foreach (var subject in coordinator.SubjectIds.Concat(coordinator.BackupSubjectIds).Distinct().Select(id => byId.GetValueOrDefault(id)).OfType<Person>())
            {
                var state = subject.Checkin;
                if (state?.MissedDeadline is { } missed && missed >= from && missed <= to)
                {
                    lines.Add(new MessageText(TextId.OutageLineMissed, subject.Name, MessageArg.Instant(missed, SchedulePrecision.For(state.Schedule))));
                }
                else if (state?.LastCheckinAt is { } last && last >= from && last <= to)
                {
                    lines.Add(new MessageText(TextId.OutageLineCheckedIn, subject.Name, MessageArg.Instant(last, SchedulePrecision.For(state.Schedule))));
                }
            }

            if (lines.Count == 0)
            {
                lines.Add(new MessageText(TextId.OutageNone));
            }

            // The report's last placeholder starts the list; the other lines follow it, one a line.
            Notify.Send(db, coordinator, MessagePriority.Alarm, now, [new MessageText(TextId.OutageReport, from, to, lines[0]), .. lines.Skip(1)]);
        }

        foreach (var subject in people.Where(p => p.Checkin?.OpenCaseId is not null))
        {
            if (db.Cases.Find(subject.Checkin!.OpenCaseId!) is { Status: not CaseStatus.Resolved } @case)
            {
                @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Outage, Detail = $"Telegram unreachable from {from:O} to {to:O}" });
                db.Cases.Save(@case);
            }
        }
    }
}
