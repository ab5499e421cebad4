using System.Globalization;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>Opens a case for an alarm about a subject, or joins the subject's open case; one subject, at most one open case.</summary>
public static class CaseOpener
{
    /// <summary>Returns the subject's open case (joined) or a new one (opened); the caller saves the subject.</summary>
    public static Case OpenOrJoin(DataSession db, Person subject, CaseTrigger trigger, DateTimeOffset now, string detail)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var state = subject.Checkin ?? throw new ArgumentException("Only subjects have cases.", nameof(subject));
        if (state.OpenCaseId is { } openId && db.Case(openId) is { Status: CaseStatus.Open } open)
        {
            open.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Joined, Detail = detail });
            return open;
        }

        var @case = new Case
        {
            Id = db.NewCaseId(),
            SubjectId = subject.Id,
            Trigger = trigger,
            OpenedAt = now,
            Status = CaseStatus.Open,
        };
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Opened, Detail = detail });
        state.OpenCaseId = @case.Id;
        return @case;
    }
}

/// <summary>Tells every coordinator of a subject that a check-in was missed, in the same unit of work as the state change.</summary>
public static class MissedCheckinAlert
{
    /// <summary>Opens or joins the case and queues one alert per coordinator; returns the case.</summary>
    public static Case Raise(DataSession db, Person subject, DateTimeOffset deadline, TimeSpan grace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var detail = "deadline " + deadline.ToString("O", CultureInfo.InvariantCulture);
        var @case = CaseOpener.OpenOrJoin(db, subject, CaseTrigger.MissedCheckin, now, detail);
        var last = subject.Checkin?.LastCheckinAt;
        foreach (var coordinator in subject.CoordinatorIds.Select(db.Person).OfType<Person>())
        {
            var lastText = last is { } l
                ? LocalTime.Format(l, coordinator.TimeZone)
                : TextCatalogue.Format(coordinator.Language, TextId.Never);
            Notify.Send(db, new OutgoingMessage
            {
                ChatId = coordinator.ChatId,
                PersonId = coordinator.Id,
                Priority = MessagePriority.Alarm,
                CaseId = @case.Id,
                QueuedAt = now,
                Text = TextCatalogue.Format(
                    coordinator.Language,
                    TextId.MissedAlert,
                    @case.Id,
                    subject.Name,
                    lastText,
                    LocalTime.Format(deadline, coordinator.TimeZone),
                    LocalTime.Format(deadline + grace, coordinator.TimeZone)),
            });
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AlertQueued, PersonId = coordinator.Id });
        }

        db.Save(@case);
        return @case;
    }
}
