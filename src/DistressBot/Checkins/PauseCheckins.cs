using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// A subject pauses their check-ins (/pause 2d) at <c>now</c> for at most <see cref="ScheduleRules.MaximumPause"/>, and their
/// coordinators are told at once. Before the owed deadline has come the pause starts at once: no reminder or missed
/// check-in falls before its end, and the schedule runs again from the end (as if the subject checked in then; a deadline
/// already after the end stays). Once the owed deadline has come (in its grace, or missed) the pause waits: it starts, for the
/// length asked, at the check-in that pays that deadline, so a pause never drops a deadline that has come. A new /pause
/// replaces a running or waiting one, counted from now. An open case is never touched: it goes on until a coordinator
/// resolves it. Bad input is answered with what was wrong and the usage; nothing changes.
/// </summary>
public static class PauseCheckins
{
    /// <summary>Reads the length after /pause, then pauses (or saves the pause for after the owed check-in) and replies.</summary>
    public static void Run(DataSession db, Person subject, string arguments, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(rules);
        var maximum = rules.Schedules.MaximumPause;
        var word = arguments.Trim();
        if (word.Length == 0)
        {
            OwedDeadlines.Reply(db, subject, now, TextId.PauseUsage, maximum);
            return;
        }

        if (!DurationParser.TryParse(word, out var length))
        {
            OwedDeadlines.Reply(db, subject, now, TextId.ScheduleBadDuration, TextCut.End(word, 32));
            OwedDeadlines.Reply(db, subject, now, TextId.PauseUsage, maximum);
            return;
        }

        if (length > maximum)
        {
            OwedDeadlines.Reply(db, subject, now, TextId.PauseTooLong, maximum);
            return;
        }

        if (subject.Checkin is not { Schedule: not null })
        {
            OwedDeadlines.Reply(db, subject, now, TextId.PauseNoSchedule);
            return;
        }

        Pause(db, subject, length, now, rules);
    }

    // The change itself, once the input is read and the change may be made.
    private static void Pause(DataSession db, Person subject, TimeSpan length, DateTimeOffset now, BotRules rules)
    {
        var state = subject.Checkin!;
        if (OwedDeadlines.HasCome(state, now))
        {
            state.PauseAfterCheckin = length;
            db.People.Save(subject);
            var owed = OwedDeadlines.DeadlineArg(subject, now);
            OwedDeadlines.Reply(db, subject, now, TextId.PauseSetAfterCheckin, length, owed);
            ChangeNotice.Send(db, subject, now, TextId.PausedAfterCheckinToCoordinators, length, owed);
            return;
        }

        var zone = OwedDeadlines.ZoneOf(subject, rules);
        if (CheckinPause.IsRunning(state, now))
        {
            // The new pause counts from now: one shorter than the running one brings the next deadline closer.
            CheckinPause.End(state, now, zone);
        }

        var until = now + length;
        CheckinPause.Start(state, until, zone);
        db.People.Save(subject);
        OwedDeadlines.Reply(db, subject, now, TextId.PauseSet, MessageArg.Instant(until, OwedDeadlines.Precision(subject)), OwedDeadlines.DeadlineArg(subject, now));
        ChangeNotice.Send(db, subject, now, TextId.PausedToCoordinators, length, MessageArg.Instant(until, OwedDeadlines.Precision(subject)));
    }
}
