using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>Acts on a subject's timing at one frozen <c>now</c>: the end of a pause (the next deadline announced), reminders, then the missed-check-in alarm.</summary>
public static class DeadlineProcessor
{
    /// <summary>The next instant at which <see cref="Process"/> has something to do for this person, or null.</summary>
    public static DateTimeOffset? NextEventAt(Person person, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(rules);
        if (person.Checkin is not { Schedule: { } schedule, OwedDeadline: { } deadline, Missed: false } state)
        {
            return null;
        }

        if (state.PausedUntil is { } until)
        {
            // While paused, the owed deadline lies after the end: ending the pause is the next thing to do.
            return until;
        }

        if (LeadReminderApplies(state, deadline, rules) && !state.LeadReminderSent)
        {
            return deadline - rules.ReminderLead;
        }

        return state.DeadlineReminderSent ? deadline + schedule.Grace : deadline;
    }

    /// <summary>The instant from which a look at this person raises the missed-check-in alarm (owed deadline plus grace), or null (none owed, missed already, or paused).</summary>
    public static DateTimeOffset? AlarmAt(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Checkin is { Schedule: { } schedule, OwedDeadline: { } deadline, Missed: false, PausedUntil: null } ? deadline + schedule.Grace : null;
    }

    /// <summary>Does what is due for <paramref name="subjectId"/> at <paramref name="now"/>; returns the next event instant.</summary>
    public static DateTimeOffset? Process(
        DataSession db, string subjectId, DateTimeOffset now, BotRules rules, Func<DateTimeOffset, (DateTimeOffset From, DateTimeOffset To)?>? downAround = null) =>
        ProcessTimed(db, subjectId, now, rules, downAround).Next;

    /// <summary>As <see cref="Process"/>, and also returns <see cref="AlarmAt"/> of the subject as left (for timers that put alarms first).</summary>
    public static (DateTimeOffset? Next, DateTimeOffset? AlarmAt) ProcessTimed(
        DataSession db, string subjectId, DateTimeOffset now, BotRules rules, Func<DateTimeOffset, (DateTimeOffset From, DateTimeOffset To)?>? downAround = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var subject = db.People.Find(subjectId);
        if (subject?.Checkin is not { Schedule: { } schedule, OwedDeadline: { } deadline, Missed: false } state)
        {
            return (null, null);
        }

        if (state.PausedUntil is { } until)
        {
            if (now < until)
            {
                return (until, null);
            }

            // The pause ended by itself (at its end, even when the bot was down then): the schedule runs from there and the
            // subject learns the next deadline; one that has meanwhile passed with its grace is a miss, judged below.
            CheckinPause.End(state, until, OwedDeadlines.ZoneOf(subject, rules));
            deadline = state.OwedDeadline!.Value;
            db.People.Save(subject);
            Notify.Send(db, subject, MessagePriority.Reminder, now, TextId.PauseOver, OwedDeadlines.DeadlineArg(subject, now));
        }

        if (now >= deadline + schedule.Grace)
        {
            // Reminders that fell due meanwhile (the bot was down) are stale: the alarm is what matters now.
            state.Missed = true;
            state.MissedDeadline = deadline;
            state.LeadReminderSent = true;
            state.DeadlineReminderSent = true;
            Alarms.MissedCheckin(db, subject, deadline, schedule.Grace, now, downAround?.Invoke(deadline + schedule.Grace));
            return (null, null);
        }

        if (now >= deadline && !state.DeadlineReminderSent)
        {
            state.LeadReminderSent = true;
            state.DeadlineReminderSent = true;
            Remind(db, subject, now, TextId.ReminderAtDeadline, MessageArg.Instant(deadline + schedule.Grace, SchedulePrecision.For(schedule)));
            db.People.Save(subject);
        }
        else if (now >= deadline - rules.ReminderLead && !state.LeadReminderSent && LeadReminderApplies(state, deadline, rules))
        {
            state.LeadReminderSent = true;
            Remind(db, subject, now, TextId.ReminderBefore, MessageArg.Instant(deadline, SchedulePrecision.For(schedule)), deadline - now);
            db.People.Save(subject);
        }

        return (NextEventAt(subject, rules), AlarmAt(subject));
    }

    private static bool LeadReminderApplies(CheckinState state, DateTimeOffset deadline, BotRules rules)
    {
        if (rules.ReminderLead <= TimeSpan.Zero)
        {
            return false;
        }

        // No early reminder when the lead reaches back before the check-in (or schedule change) that set this deadline.
        var since = Max(state.LastCheckinAt, state.ScheduleSetAt);
        return since is null || deadline - rules.ReminderLead > since;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    private static void Remind(DataSession db, Person subject, DateTimeOffset now, TextId id, params object?[] args) =>
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = subject.ChatId,
            PersonId = subject.Id,
            Priority = MessagePriority.Reminder,
            QueuedAt = now,
            Text = "",
            Content = MessageContent.Of(id, args),
            ReplyButtonTexts = [new MessageText(TextId.CheckinButton)],
        });
}
