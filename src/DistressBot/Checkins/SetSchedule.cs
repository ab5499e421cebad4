using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// A subject sets their schedule (/schedule) at <c>now</c>: a change that would bring the alarm closer takes effect at once; a
/// change sent after the owed deadline has come, or one that would push the alarm away, waits for the check-in that pays
/// that deadline (a phone in other hands must not be able to silence the alarm). During a pause the new schedule runs from
/// the pause's end. Every accepted change, at once or waiting, is told to the subject's coordinators at once. Bad input
/// (and an interval longer than <see cref="ScheduleRules.MaximumInterval"/>) is answered with what was wrong and the usage;
/// nothing changes and nobody else is told. Once PINs are set the change needs the PIN (<see cref="ChangeGate"/>); one made
/// with the duress PIN is answered alike but not made, and no coordinator is told of a change.
/// </summary>
public static class SetSchedule
{
    /// <summary>Sets a subject's schedule from the words after /schedule (with PINs set, the PIN as the last word) and replies.</summary>
    public static void Run(DataSession db, Person subject, string arguments, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (words, pin) = ChangeGate.Split(subject, GuardedChange.Schedule, arguments);
        Run(db, subject, words, pin, now, rules);
    }

    /// <summary>Sets a subject's schedule from <paramref name="words"/> with <paramref name="pin"/> ("" when none given) and replies.</summary>
    public static void Run(DataSession db, Person subject, string words, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var parsed = ScheduleParser.Parse(words, rules.Schedules);
        if (!parsed.IsSuccess)
        {
            var (id, arg) = parsed.Error switch
            {
                ScheduleParseError.BadDuration => (TextId.ScheduleBadDuration, (object?)parsed.Token),
                ScheduleParseError.BadTime => (TextId.ScheduleBadTime, parsed.Token),
                ScheduleParseError.TooFrequent => (TextId.ScheduleTooFrequent, rules.Schedules.MinimumInterval),
                ScheduleParseError.TooRare => (TextId.ScheduleTooRare, rules.Schedules.MaximumInterval),
                ScheduleParseError.GraceTooLong => (TextId.ScheduleGraceTooLong, null),
                ScheduleParseError.TooManyTimes => (TextId.ScheduleTooManyTimes, null),
                _ => (TextId.ScheduleUsage, null),
            };
            OwedDeadlines.Reply(db, subject, now, id, arg is null ? [] : [arg]);
            if (id != TextId.ScheduleUsage)
            {
                OwedDeadlines.Reply(db, subject, now, TextId.ScheduleUsage);
            }

            return;
        }

        if (ChangeGate.Pass(db, subject, GuardedChange.Schedule, words, pin, now, rules) is not { } verdict)
        {
            return;
        }

        ChangeGate.Make(subject, verdict, () => Change(db, subject, parsed.Schedule, now, rules, verdict == PinVerdict.Duress));
    }

    // The change itself, once the input is read and the change may be made; under duress on a copy: nothing saved, nobody told.
    private static void Change(DataSession db, Person subject, Schedule schedule, DateTimeOffset now, BotRules rules, bool duress)
    {
        var state = subject.Checkin!;
        var zone = OwedDeadlines.ZoneOf(subject, rules);
        var first = DeadlineCalculator.FirstDeadline(schedule, CheckinPause.RunsFrom(state, now), zone);
        if (OwedDeadlines.HasCome(state, now) || OwedDeadlines.WouldDelayTheAlarm(state, first, schedule.Grace))
        {
            // The deadline that has come is owed until a check-in pays it, and a change may bring the alarm closer but never
            // push it away (a phone in other hands must not be able to silence it): the new schedule starts after that check-in.
            state.NextSchedule = schedule;
            var owed = OwedDeadlines.DeadlineArg(subject, now);
            OwedDeadlines.Reply(db, subject, now, TextId.ScheduleSetAfterCheckin, schedule, owed, subject.TimeZone);
            if (!duress)
            {
                db.People.Save(subject);
                ChangeNotice.Send(db, subject, now, TextId.ScheduleChangedAfterCheckinToCoordinators, schedule, owed);
            }

            return;
        }

        state.Schedule = schedule;
        state.NextSchedule = null;
        state.ScheduleSetAt = now;
        state.OwedDeadline = first;
        OwedDeadlines.ResetReminders(state);
        var next = OwedDeadlines.DeadlineArg(subject, now);
        OwedDeadlines.Reply(db, subject, now, TextId.ScheduleSet, schedule, next, subject.TimeZone);
        if (!duress)
        {
            db.People.Save(subject);
            ChangeNotice.Send(db, subject, now, TextId.ScheduleChangedToCoordinators, schedule, next);
        }
    }
}
