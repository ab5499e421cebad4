using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// A subject ends their pause early (/resume) at <c>now</c>, and their coordinators are told at once: the schedule runs again
/// from now, so the next deadline may come sooner but never later; a pause still waiting for the owed check-in is dropped.
/// With nothing paused, the subject is told so and nothing changes.
/// </summary>
public static class ResumeCheckins
{
    /// <summary>Ends a running or waiting pause and replies with the next deadline.</summary>
    public static void Run(DataSession db, Person subject, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        if (subject.Checkin is not { } state || (!CheckinPause.IsRunning(state, now) && state.PauseAfterCheckin is null))
        {
            OwedDeadlines.Reply(db, subject, now, TextId.ResumeNotPaused);
            return;
        }

        Resume(db, subject, now, rules);
    }

    // The change itself, once it may be made.
    private static void Resume(DataSession db, Person subject, DateTimeOffset now, BotRules rules)
    {
        var state = subject.Checkin!;
        state.PauseAfterCheckin = null;
        if (CheckinPause.IsRunning(state, now))
        {
            CheckinPause.End(state, now, OwedDeadlines.ZoneOf(subject, rules));
        }

        db.People.Save(subject);
        var next = OwedDeadlines.DeadlineArg(subject, now);
        OwedDeadlines.Reply(db, subject, now, TextId.PauseOver, next);
        ChangeNotice.Send(db, subject, now, TextId.ResumedToCoordinators, next);
    }
}
