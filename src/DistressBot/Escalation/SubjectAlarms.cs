using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>What a subject raises themselves: /sos and shared locations.</summary>
public static class SubjectAlarms
{
    /// <summary>Opens or joins a case at both levels and confirms in neutral words (the phone may be in other hands); returns how Telegram's date was judged.</summary>
    public static DateJudgement Sos(DataSession db, Person subject, DateTimeOffset sentAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var (at, judgement) = MessageDates.Judge(sentAt, subject.EnrolledAt, null, now);
        Alarms.Sos(db, subject, at, now);
        Notify.Send(db, subject, MessagePriority.Reply, now, TextId.Received);
        return judgement;
    }

    /// <summary>Keeps the location as the last known one, adds it to an open case, and (for a new share) tells the case's recipients; returns how Telegram's date was judged.</summary>
    public static DateJudgement Location(DataSession db, Person subject, LocationShare location, DateTimeOffset sentAt, DateTimeOffset now, bool notify)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(location);
        var (at, judgement) = MessageDates.Judge(sentAt, subject.EnrolledAt, null, now);

        // A live update older than the kept location arrived late: it changes nothing. A location the subject shares on
        // purpose always reaches the case and gets its answer, even if it does not replace a newer kept one. A kept location
        // dated after now (stored before dates were judged) must not hide the real ones that follow.
        var older = subject.LastLocation is { } known && known.At > at && known.At <= now;
        if (older && !notify)
        {
            return judgement;
        }

        var shared = new SharedLocation(location.Latitude, location.Longitude, at, location.Live || subject.LastLocation?.Live == true && !notify);
        if (!older)
        {
            subject.LastLocation = shared;
            db.People.Save(subject);
        }
        if (subject.Checkin?.OpenCaseId is { } caseId && db.Cases.Find(caseId) is { Status: not CaseStatus.Resolved } @case)
        {
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Location, Detail = CaseAlerts.FormatLocation(shared), TelegramDate = shared.At });
            if (notify)
            {
                CaseAlerts.TellRecipients(db, @case, now, new MessageText(TextId.LocationShared, @case.Id, subject.Name, CaseAlerts.FormatLocation(shared), at));
            }

            db.Cases.Save(@case);
        }

        if (notify)
        {
            Notify.Send(db, subject, MessagePriority.Reply, now, TextId.Received);
        }

        return judgement;
    }
}
