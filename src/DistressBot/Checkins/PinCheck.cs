using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>How a typed PIN was judged.</summary>
public enum PinVerdict
{
    /// <summary>The subject has no PINs yet: nothing was judged, nothing queued.</summary>
    NotSet,

    /// <summary>The check-in PIN: go on.</summary>
    Real,

    /// <summary>The duress PIN: go on exactly as for <see cref="Real"/> where the phone can see; a duress case was opened or joined.</summary>
    Duress,

    /// <summary>Neither PIN: "PIN not accepted" was queued; the attempt counted.</summary>
    Wrong,

    /// <summary>Too many wrong PINs in this window: "PIN not accepted" was queued without judging the PIN.</summary>
    LockedOut,
}

/// <summary>
/// The one PIN check for everything a subject does with a PIN (check-in, a PIN change, and through <see cref="ChangeGate"/> pause, resume, schedule and
/// zone changes). A duress PIN raises the duress alarm here, silently; a wrong one answers "PIN not accepted" and counts towards
/// <see cref="BotRules.PinAttempts"/> wrong PINs within <see cref="BotRules.PinWindow"/>, after which the coordinators are told
/// once and further PINs in that window are answered alike without being judged (not hashed).
/// </summary>
public static class PinCheck
{
    /// <summary>Judges <paramref name="typed"/> for <paramref name="subject"/> at <paramref name="now"/>; callers act only on <see cref="PinVerdict.Real"/> and <see cref="PinVerdict.Duress"/> (alike).</summary>
    public static PinVerdict Judge(DataSession db, Person subject, string typed, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(rules);
        if (subject.Pins is not { } pins)
        {
            return PinVerdict.NotSet;
        }

        if (subject.PinFailures is { } old && now >= old.WindowStart + rules.PinWindow)
        {
            subject.PinFailures = null;
        }

        if (subject.PinFailures is { } current && current.Count >= rules.PinAttempts)
        {
            NotAccepted(db, subject, now);
            return PinVerdict.LockedOut;
        }

        switch (db.Pins.Match(pins, typed.Trim()))
        {
            case PinMatch.Checkin:
                subject.PinFailures = null;
                db.People.Save(subject);
                return PinVerdict.Real;
            case PinMatch.Duress:
                // The phone must not tell this from the real PIN: the failures are forgotten alike.
                subject.PinFailures = null;
                Alarms.Duress(db, subject, now);
                db.People.Save(subject);
                return PinVerdict.Duress;
        }

        var failures = subject.PinFailures ??= new PinFailures { WindowStart = now };
        failures.Count++;
        if (failures.Count >= rules.PinAttempts && !failures.CoordinatorsTold)
        {
            failures.CoordinatorsTold = true;
            foreach (var coordinator in CaseAlerts.LevelOne(db, subject))
            {
                Notify.Send(db, coordinator, MessagePriority.Alarm, now, TextId.PinLockoutCoordinator, subject.Name, failures.Count, rules.PinWindow, failures.WindowStart + rules.PinWindow);
            }
        }

        NotAccepted(db, subject, now);
        return PinVerdict.Wrong;
    }

    private static void NotAccepted(DataSession db, Person subject, DateTimeOffset now)
    {
        db.People.Save(subject);
        Notify.Send(db, subject, MessagePriority.Reply, now, TextId.PinNotAccepted);
    }
}
