using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>What a subject does about their own check-ins: schedule, time zone, check-in, status.</summary>
public static class CheckinService
{
    /// <summary>Sets a subject's schedule from the words after /schedule and replies.</summary>
    public static void SetSchedule(DataSession db, Person subject, string arguments, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin!;
        var parsed = ScheduleParser.Parse(arguments, rules.Schedules);
        if (!parsed.IsSuccess)
        {
            var (id, arg) = parsed.Error switch
            {
                ScheduleParseError.BadDuration => (TextId.ScheduleBadDuration, (object?)parsed.Token),
                ScheduleParseError.BadTime => (TextId.ScheduleBadTime, parsed.Token),
                ScheduleParseError.TooFrequent => (TextId.ScheduleTooFrequent, rules.Schedules.MinimumInterval),
                ScheduleParseError.GraceTooLong => (TextId.ScheduleGraceTooLong, null),
                ScheduleParseError.TooManyTimes => (TextId.ScheduleTooManyTimes, null),
                _ => (TextId.ScheduleUsage, null),
            };
            Reply(db, subject, now, id, arg is null ? [] : [arg]);
            if (id != TextId.ScheduleUsage)
            {
                Reply(db, subject, now, TextId.ScheduleUsage);
            }

            return;
        }

        var zone = ZoneOf(subject, rules);
        var first = DeadlineCalculator.FirstDeadline(parsed.Schedule, now, zone);
        if (HasCome(state, now) || WouldDelayTheAlarm(state, first, parsed.Schedule.Grace))
        {
            // The deadline that has come is owed until a check-in pays it, and a change may bring the alarm closer but never
            // push it away (a phone in other hands must not be able to silence it): the new schedule starts after that check-in.
            state.NextSchedule = parsed.Schedule;
            db.People.Save(subject);
            Reply(db, subject, now, TextId.ScheduleSetAfterCheckin, parsed.Schedule, DeadlineText(subject, now), subject.TimeZone);
            return;
        }

        state.Schedule = parsed.Schedule;
        state.NextSchedule = null;
        state.ScheduleSetAt = now;
        state.OwedDeadline = first;
        ResetReminders(state);
        db.People.Save(subject);
        Reply(db, subject, now, TextId.ScheduleSet, parsed.Schedule, DeadlineText(subject, now), subject.TimeZone);
    }

    // Whether owing `deadline` with `grace` instead of what is owed now would raise the alarm later than it would come now.
    private static bool WouldDelayTheAlarm(CheckinState state, DateTimeOffset deadline, TimeSpan grace) =>
        state is { Schedule: { } current, OwedDeadline: { } owed } && deadline + grace > owed + current.Grace;

    /// <summary>
    /// After a coordinator resolved the case that a missed deadline opened: the miss is settled, and the schedule (or one
    /// saved for after the next check-in) runs again from <paramref name="now"/>. Nothing changes for a subject who is not
    /// marked missed (their owed deadline still stands).
    /// </summary>
    public static void ResumeAfterResolution(Person subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Checkin is not { Missed: true, Schedule: { } schedule } state)
        {
            return;
        }

        var zone = TimeZones.TryFind(subject.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        state.Missed = false;
        state.MissedDeadline = null;
        if (state.NextSchedule is { } change)
        {
            schedule = change;
            state.Schedule = change;
            state.NextSchedule = null;
        }

        state.ScheduleSetAt = now;
        state.OwedDeadline = DeadlineCalculator.FirstDeadline(schedule, now, zone);
        ResetReminders(state);
    }

    /// <summary>Whether the subject owes a deadline that has already come (or was missed): only a check-in may settle it.</summary>
    public static bool HasCome(CheckinState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Missed || (state.Schedule is not null && state.OwedDeadline is { } owed && owed <= now);
    }

    /// <summary>Sets anybody's time zone; a subject's owed daily deadline is recomputed in the new zone.</summary>
    public static void SetTimeZone(DataSession db, Person person, string argument, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        var id = argument.Trim();
        if (id.Length == 0)
        {
            Reply(db, person, now, TextId.TimezoneUsage, person.TimeZone);
            return;
        }

        if (!TimeZones.TryFind(id, out var zone))
        {
            Reply(db, person, now, TextId.TimezoneUnknown, TextCut.End(id, 64));
            return;
        }

        person.TimeZone = zone.Id;
        if (person.Checkin is { Schedule: { Kind: ScheduleKind.Daily } schedule } state && !HasCome(state, now)
            && DeadlineCalculator.FirstDeadline(schedule, now, zone) is var inNewZone && !WouldDelayTheAlarm(state, inNewZone, schedule.Grace))
        {
            // Only a deadline that comes sooner in the new zone is taken at once; one that has come, or would come later,
            // stays owed, and the deadline after the next check-in follows the new zone.
            state.OwedDeadline = inNewZone;
            state.LeadReminderSent = false;
            state.DeadlineReminderSent = false;
        }

        db.People.Save(person);
        Reply(db, person, now, TextId.TimezoneSet, zone.Id, now);
    }

    /// <summary>Records a check-in Telegram dated <paramref name="sentAt"/> (judged first), tells coordinators if it ends a miss, and replies; returns how the date was judged.</summary>
    public static DateJudgement CheckIn(DataSession db, Person subject, DateTimeOffset sentAt, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin!;
        var (at, judgement) = MessageDates.Judge(sentAt, subject.EnrolledAt, state.LastCheckinAt, now);
        state.LastCheckinAt = at;

        if (!state.Missed && state.Schedule is { } overdue && state.OwedDeadline is { } unpaid && at >= unpaid + overdue.Grace)
        {
            // Sent after deadline + grace, but read before the alarm was raised (the bot was down and handles queued updates
            // first): the coordinators must still learn of the silence, then of the late check-in below.
            state.Missed = true;
            state.MissedDeadline = unpaid;
            state.LeadReminderSent = true;
            state.DeadlineReminderSent = true;
            Alarms.MissedCheckin(db, subject, unpaid, overdue.Grace, now);
        }

        if (!state.Missed)
        {
            TellOpenCase(db, subject, at, now);
        }

        if (state.Schedule is not { } schedule || state.OwedDeadline is not { } owed)
        {
            db.People.Save(subject);
            Reply(db, subject, now, TextId.CheckinNoSchedule);
            return judgement;
        }

        var zone = ZoneOf(subject, rules);
        if (state.Missed)
        {
            EndMiss(db, subject, at, now);
            Pay(state, DeadlineCalculator.ApplyCheckin(schedule, owed, at > owed ? at : owed, zone).OwedDeadline, at, zone);
            db.People.Save(subject);
            ReplyRecorded(db, subject, now);
            return judgement;
        }

        var effect = DeadlineCalculator.ApplyCheckin(schedule, owed, at, zone);
        if (!effect.Counts)
        {
            db.People.Save(subject);
            Reply(db, subject, now, TextId.CheckinTooEarly, MessageArg.Instant(owed, Precision(subject)), MessageArg.Instant(effect.WindowOpens ?? owed, Precision(subject)));
            return judgement;
        }

        Pay(state, effect.OwedDeadline, at, zone);
        db.People.Save(subject);
        ReplyRecorded(db, subject, now);
        return judgement;
    }

    // The owed deadline is paid: the next one follows the schedule, or a schedule set while it was owed takes over now.
    private static void Pay(CheckinState state, DateTimeOffset next, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (state.NextSchedule is { } change)
        {
            state.Schedule = change;
            state.NextSchedule = null;
            state.ScheduleSetAt = at;
            next = DeadlineCalculator.FirstDeadline(change, at, zone);
        }

        state.OwedDeadline = next;
        ResetReminders(state);
    }

    /// <summary>Replies with the subject's schedule, state, last check-in and next deadline.</summary>
    public static void Status(DataSession db, Person subject, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin!;
        var last = state.LastCheckinAt is { } l ? MessageArg.Instant(l, Precision(subject)) : MessageArg.Of(new MessageText(TextId.Never));
        if (state.Schedule is null)
        {
            Reply(db, subject, now, TextId.StatusNoSchedule, last);
            return;
        }

        Reply(db, subject, now, TextId.Status, state.Schedule, StateId(subject, now, rules), last, DeadlineText(subject, now));
    }

    /// <summary>The localised state word (ok, due, missed, no schedule) of a subject at <paramref name="now"/>.</summary>
    public static string StateWord(Person subject, DateTimeOffset now, BotRules rules, Language language) =>
        TextCatalogue.Format(language, StateId(subject, now, rules));

    /// <summary>The text id of the state word (ok, due, missed, no schedule) of a subject at <paramref name="now"/>.</summary>
    public static TextId StateId(Person subject, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin;
        if (state?.Schedule is not { } schedule || state.OwedDeadline is not { } owed)
        {
            return TextId.StateNoSchedule;
        }

        return DeadlineCalculator.Evaluate(now, owed, schedule.Grace, rules.ReminderLead, state.Missed) switch
        {
            SubjectTimingState.Ok => TextId.StateOk,
            SubjectTimingState.Due => now >= owed ? TextId.StateDueNow : TextId.StateDue,
            _ => TextId.StateMissed,
        };
    }

    private static void EndMiss(DataSession db, Person subject, DateTimeOffset at, DateTimeOffset now)
    {
        var state = subject.Checkin!;
        var missedDeadline = state.MissedDeadline ?? state.OwedDeadline!.Value;
        var late = at - missedDeadline;
        state.Missed = false;
        state.MissedDeadline = null;
        if (state.OpenCaseId is null || db.Cases.Find(state.OpenCaseId) is not { Status: not CaseStatus.Resolved } @case)
        {
            return;
        }

        // The case stays open until a coordinator resolves it: a check-in may be coerced.
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.SubjectCheckedIn, Detail = "sent " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        CaseAlerts.TellRecipients(db, @case, now, new MessageText(
            late > TimeSpan.Zero ? TextId.LateCheckin : TextId.CheckinArrivedLate,
            subject.Name,
            MessageArg.Clock(at, Precision(subject)),
            late > TimeSpan.Zero ? late : TimeSpan.Zero,
            @case.Id));
        db.Cases.Save(@case);
    }

    private static void TellOpenCase(DataSession db, Person subject, DateTimeOffset at, DateTimeOffset now)
    {
        if (subject.Checkin?.OpenCaseId is not { } caseId || db.Cases.Find(caseId) is not { Status: not CaseStatus.Resolved } @case)
        {
            return;
        }

        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.SubjectCheckedIn, Detail = "sent " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        CaseAlerts.TellRecipients(db, @case, now, new MessageText(TextId.CheckinDuringCase, subject.Name, MessageArg.Clock(at, Precision(subject)), @case.Id));
        db.Cases.Save(@case);
    }

    private static void ReplyRecorded(DataSession db, Person subject, DateTimeOffset now)
    {
        var owed = subject.Checkin!.OwedDeadline!.Value;
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = subject.ChatId,
            PersonId = subject.Id,
            Priority = MessagePriority.Reply,
            QueuedAt = now,
            RemoveReplyKeyboard = true,
            Text = "",
            Content = MessageContent.Of(TextId.CheckinRecorded, MessageArg.Instant(owed, Precision(subject)), owed - now),
        });
    }

    private static void ResetReminders(CheckinState state)
    {
        state.LeadReminderSent = false;
        state.DeadlineReminderSent = false;
    }

    private static MessageArg DeadlineText(Person subject, DateTimeOffset now)
    {
        var state = subject.Checkin!;
        if (state.Missed && state.MissedDeadline is { } missed)
        {
            return MessageArg.Instant(missed, Precision(subject));
        }

        if (state.OwedDeadline is not { } owed)
        {
            return MessageArg.Of(new MessageText(TextId.NoDeadline));
        }

        var deadline = MessageArg.Instant(owed, Precision(subject));
        if (owed <= now && state.Schedule is { } schedule)
        {
            // The deadline has come: what the subject needs is when the grace ends, never "in -5 min".
            var graceEnd = owed + schedule.Grace;
            if (graceEnd <= now)
            {
                return deadline; // missed; the alarm is being raised
            }

            return MessageArg.Of(new MessageText(TextId.DeadlineCameGraceUntil, deadline, MessageArg.Instant(graceEnd, Precision(subject)), graceEnd - now));
        }

        return MessageArg.Of(new MessageText(TextId.DeadlineIn, deadline, owed - now));
    }

    // Times about a subject on a schedule of seconds are shown to the second, so a deadline and its grace read apart.
    private static ClockPrecision Precision(Person subject) => SchedulePrecision.For(subject.Checkin?.Schedule);

    /// <summary>The person's zone, or the configured default if theirs is no longer known to this machine.</summary>
    public static TimeZoneInfo ZoneOf(Person person, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(rules);
        return TimeZones.TryFind(person.TimeZone, out var zone) || TimeZones.TryFind(rules.DefaultTimeZone, out zone)
            ? zone
            : TimeZoneInfo.Utc;
    }

    private static void Reply(DataSession db, Person person, DateTimeOffset now, TextId id, params object?[] args) =>
        Notify.Send(db, person, MessagePriority.Reply, now, id, args);
}
