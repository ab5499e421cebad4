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
/// resolves it. Bad input is answered with what was wrong and the usage; nothing changes. Once PINs are set the pause needs the
/// PIN (<see cref="ChangeGate"/>); one asked with the duress PIN is answered alike but not made: the deadlines keep running.
/// </summary>
public static class PauseCheckins
{
    /// <summary>Reads the length after /pause (with PINs set, then the PIN), then pauses (or saves the pause for after the owed check-in) and replies.</summary>
    public static void Run(DataSession db, Person subject, string arguments, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (words, pin) = ChangeGate.Split(subject, GuardedChange.Pause, arguments);
        Run(db, subject, words, pin, now, rules);
    }

    /// <summary>Pauses for the length in <paramref name="words"/> with <paramref name="pin"/> ("" when none given) and replies.</summary>
    public static void Run(DataSession db, Person subject, string words, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(rules);
        var maximum = rules.Schedules.MaximumPause;
        var word = words.Trim();
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

        if (ChangeGate.Pass(db, subject, GuardedChange.Pause, word, pin, now, rules) is not { } verdict)
        {
            return;
        }

        ChangeGate.Make(subject, verdict, () => Pause(db, subject, length, now, rules, verdict == PinVerdict.Duress));
    }

    // The change itself, once the input is read and the change may be made; under duress on a copy: nothing saved, nobody told.
    private static void Pause(DataSession db, Person subject, TimeSpan length, DateTimeOffset now, BotRules rules, bool duress)
    {
        var state = subject.Checkin!;
        if (OwedDeadlines.HasCome(state, now))
        {
            state.PauseAfterCheckin = length;
            var owed = OwedDeadlines.DeadlineArg(subject, now);
            OwedDeadlines.Reply(db, subject, now, TextId.PauseSetAfterCheckin, length, owed);
            if (!duress)
            {
                db.People.Save(subject);
                ChangeNotice.Send(db, subject, now, TextId.PausedAfterCheckinToCoordinators, length, owed);
            }

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
        OwedDeadlines.Reply(db, subject, now, TextId.PauseSet, MessageArg.Instant(until, OwedDeadlines.Precision(subject)), OwedDeadlines.DeadlineArg(subject, now));
        if (duress)
        {
            return;
        }

        db.People.Save(subject);
        ChangeNotice.Send(db, subject, now, TextId.PausedToCoordinators, length, MessageArg.Instant(until, OwedDeadlines.Precision(subject)));
    }
}
