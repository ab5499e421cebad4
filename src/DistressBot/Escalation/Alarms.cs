using System.Globalization;
using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>Raises alarms about a subject: opens a case or joins the open one (one subject, at most one open case), and alerts the chain.</summary>
public static class Alarms
{
    /// <summary>A missed check-in: level 1 first, level 2 after the acknowledge timeout.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject (has no check-in state).</exception>
    public static Case MissedCheckin(
        DataSession db, Person subject, DateTimeOffset deadline, TimeSpan grace, DateTimeOffset now, (DateTimeOffset From, DateTimeOffset To)? botDown = null) =>
        Raise(db, subject, CaseTrigger.MissedCheckin, now, bothLevels: false, detail: "deadline " + Iso(deadline) + (botDown is { } d ? $"; the bot or its link to Telegram was down from {Iso(d.From)} to {Iso(d.To)}" : ""), describe: c =>
        {
            c.MissedDeadline ??= deadline;
            c.GraceEnd ??= deadline + grace;
            if (botDown is { } down)
            {
                c.BotDownFrom = down.From;
                c.BotDownTo = down.To;
                c.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Outage, Detail = $"bot or Telegram link down from {Iso(down.From)} to {Iso(down.To)}" });
                db.Record(new DowntimeCaughtUp(c.Id, down.To - down.From));
            }
        });

    /// <summary>An SOS from the subject: both levels at once.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject (has no check-in state).</exception>
    public static Case Sos(DataSession db, Person subject, DateTimeOffset sentAt, DateTimeOffset now) =>
        Raise(db, subject, CaseTrigger.Sos, now, bothLevels: true, detail: "sent " + Iso(sentAt));

    /// <summary>A coordinator's missing report: both levels at once, with the report's text.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject (has no check-in state).</exception>
    public static Case MissingReport(DataSession db, Person subject, Person reporter, string text, DateTimeOffset now) =>
        Raise(db, subject, CaseTrigger.MissingReport, now, bothLevels: true, detail: "reported by " + reporter.Id + (text.Length > 0 ? ": " + text : ""), describe: c =>
        {
            c.ReportedBy ??= reporter.Id;
            c.ReportText ??= text;
        });

    /// <summary>Telegram refuses messages to the subject for good: a danger signal, both levels at once.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject (has no check-in state).</exception>
    public static Case SubjectUnreachable(DataSession db, Person subject, string error, DateTimeOffset now) =>
        Raise(db, subject, CaseTrigger.SubjectUnreachable, now, bothLevels: true, detail: error);

    /// <summary>The duress PIN was given: both levels at once, the case marked duress for good; nothing reaches the subject's chat.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject (has no check-in state).</exception>
    public static Case Duress(DataSession db, Person subject, DateTimeOffset now) =>
        Raise(db, subject, CaseTrigger.Duress, now, bothLevels: true, detail: "sent " + Iso(now), describe: c =>
        {
            c.IsDuress = true;
            c.DuressAt = now;
        });

    /// <summary>A rehearsal through the whole chain; a case of its own, never joined with real alarms, never sent to the subject.</summary>
    public static Case? Drill(DataSession db, Person subject, Person starter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(starter);
        var state = subject.Checkin!;
        if (state.OpenDrillCaseId is { } open && db.Cases.Find(open) is { Status: not CaseStatus.Resolved })
        {
            return null;
        }

        var @case = NewCase(db, subject, CaseTrigger.Drill, now, "drill started by " + starter.Id, drill: true);
        @case.ReportedBy = starter.Id;
        state.OpenDrillCaseId = @case.Id;
        AlertLevels(db, @case, subject, bothLevels: false, now, CaseTrigger.Drill);
        db.Record(new AlarmRaised(@case.Id, CaseTrigger.Drill, NewCase: true, @case.Level));
        db.Cases.Save(@case);
        db.People.Save(subject);
        return @case;
    }

    private static Case Raise(DataSession db, Person subject, CaseTrigger trigger, DateTimeOffset now, bool bothLevels, string detail, Action<Case>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var state = subject.Checkin ?? throw new ArgumentException("Only subjects have cases.", nameof(subject));
        Case @case;
        var joined = false;
        if (state.OpenCaseId is { } openId && db.Cases.Find(openId) is { Status: not CaseStatus.Resolved } open)
        {
            joined = true;
            @case = open;
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Joined, Detail = trigger + ": " + detail });
        }
        else
        {
            @case = NewCase(db, subject, trigger, now, detail, drill: false);
            state.OpenCaseId = @case.Id;
        }

        describe?.Invoke(@case);
        AlertLevels(db, @case, subject, bothLevels, now, trigger);
        db.Record(new AlarmRaised(@case.Id, trigger, NewCase: !joined, @case.Level));
        db.Cases.Save(@case);
        db.People.Save(subject);
        return @case;
    }

    private static Case NewCase(DataSession db, Person subject, CaseTrigger trigger, DateTimeOffset now, string detail, bool drill)
    {
        var @case = new Case
        {
            Id = db.Cases.NewId(),
            SubjectId = subject.Id,
            Trigger = trigger,
            IsDrill = drill,
            OpenedAt = now,
            Status = CaseStatus.Open,
            LastCheckinAt = subject.Checkin?.LastCheckinAt,
            LastNotifiedAt = now,
        };
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Opened, Detail = trigger + ": " + detail });
        return @case;
    }

    // Level 1 always; level 2 too when the alarm is urgent, when the case is already there, or when level 1 is empty.
    private static void AlertLevels(DataSession db, Case @case, Person subject, bool bothLevels, DateTimeOffset now, CaseTrigger trigger)
    {
        var levelOne = CaseAlerts.LevelOne(db, subject);
        var widen = bothLevels || @case.Level >= 2 || levelOne.Count == 0;
        var recipients = widen ? levelOne.Concat(CaseAlerts.LevelTwo(db, subject)).ToList() : [.. levelOne];
        if (widen && @case.Level < 2)
        {
            @case.Level = 2;
            @case.LevelTwoAt = now;
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Escalated, Detail = "at once" });
        }

        CaseAlerts.Send(db, @case, subject, recipients, AlertReason.Alarm, now, trigger);
    }

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
