using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// A subject ends their pause early (/resume) at <c>now</c>, and their coordinators are told at once: the schedule runs again
/// from now, so the next deadline may come sooner but never later; a pause still waiting for the owed check-in is dropped.
/// With nothing paused, the subject is told so and nothing changes. Once PINs are set, /resume needs the PIN
/// (<see cref="ChangeGate"/>); with the duress PIN it is answered alike but not made.
/// </summary>
public static class ResumeCheckins
{
    /// <summary>Ends a running or waiting pause (with PINs set: asks for the PIN first) and replies with the next deadline.</summary>
    public static void Run(DataSession db, Person subject, DateTimeOffset now, BotRules rules) => Run(db, subject, "", now, rules);

    /// <summary>Ends a running or waiting pause given <paramref name="pin"/> (the words after /resume; "" when none) and replies with the next deadline.</summary>
    public static void Run(DataSession db, Person subject, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(rules);
        if (subject.Checkin is not { } state || (!CheckinPause.IsRunning(state, now) && state.PauseAfterCheckin is null))
        {
            OwedDeadlines.Reply(db, subject, now, TextId.ResumeNotPaused);
            return;
        }

        if (ChangeGate.Pass(db, subject, GuardedChange.Resume, "", ChangeGate.Split(subject, GuardedChange.Resume, pin).Pin, now, rules) is not { } verdict)
        {
            return;
        }

        ChangeGate.Make(subject, verdict, () => Resume(db, subject, now, rules, verdict == PinVerdict.Duress));
    }

    // The change itself, once it may be made; under duress on a copy: nothing saved, nobody told.
    private static void Resume(DataSession db, Person subject, DateTimeOffset now, BotRules rules, bool duress)
    {
        var state = subject.Checkin!;
        state.PauseAfterCheckin = null;
        if (CheckinPause.IsRunning(state, now))
        {
            CheckinPause.End(state, now, OwedDeadlines.ZoneOf(subject, rules));
        }

        var next = OwedDeadlines.DeadlineArg(subject, now);
        OwedDeadlines.Reply(db, subject, now, TextId.PauseOver, next);
        if (!duress)
        {
            db.People.Save(subject);
            ChangeNotice.Send(db, subject, now, TextId.ResumedToCoordinators, next);
        }
    }
}
