using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>A subject asks for their status (/status): only when the next check-in is due, as of <c>now</c> (no state word: the phone may be in other hands).</summary>
public static class ShowStatus
{
    /// <summary>Replies with when the next check-in is due, or, without a schedule, the last check-in and how to set one.</summary>
    public static void Run(DataSession db, Person subject, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin!;
        var last = state.LastCheckinAt is { } l ? MessageArg.Instant(l, OwedDeadlines.Precision(subject)) : MessageArg.Of(new MessageText(TextId.Never));
        if (state.Schedule is null)
        {
            OwedDeadlines.Reply(db, subject, now, TextId.StatusNoSchedule, last);
            return;
        }

        // Past the deadline and its grace the subject is told to check in now, not shown a "next" time that has gone by.
        MessageText status = StateId(subject, now, rules) == TextId.StateMissed
            ? new(TextId.StatusOverdue, MessageArg.Instant(state.MissedDeadline ?? state.OwedDeadline!.Value, OwedDeadlines.Precision(subject)))
            : new(TextId.Status, OwedDeadlines.DeadlineArg(subject, now));
        Notify.Send(db, subject, MessagePriority.Reply, now, [status, .. PauseLines(subject, now)]);
    }

    // A running pause, or one waiting for the next check-in.
    private static IEnumerable<MessageText> PauseLines(Person subject, DateTimeOffset now)
    {
        var state = subject.Checkin!;
        if (CheckinPause.IsRunning(state, now))
        {
            yield return new MessageText(TextId.PausedUntil, MessageArg.Instant(state.PausedUntil!.Value, OwedDeadlines.Precision(subject)));
        }

        if (state.PauseAfterCheckin is { } length)
        {
            yield return new MessageText(TextId.PauseWaitsForCheckin, length);
        }
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
}
