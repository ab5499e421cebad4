using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>What became of a /pin step.</summary>
public enum PinDialogueOutcome
{
    /// <summary>The next PIN was asked for.</summary>
    Asked,

    /// <summary>The PIN given was refused (shape, trivial, duress equal to check-in); the same one is asked for again.</summary>
    Refused,

    /// <summary>The current PIN was wrong (or PINs are refused for now): the dialogue ended, nothing changed.</summary>
    NotAccepted,

    /// <summary>"PINs saved" was answered: the PINs changed, or, when the dialogue was opened with the duress PIN, nothing real did.</summary>
    Saved,
}

/// <summary>
/// /pin: the subject chooses a check-in PIN and a different duress PIN, each as its own message; with PINs set, the current
/// check-in PIN is asked for first. A dialogue opened with the duress PIN plays out exactly alike (and raises the duress alarm,
/// in <see cref="PinCheck"/>) but never changes the real PINs: the PINs "set" become decoys, taken as the duress PIN from then
/// on. Only hashes are kept, even between steps.
/// </summary>
public static class SetPins
{
    /// <summary>/pin by <paramref name="subject"/>: asks for the current PIN, or (none set yet) the new check-in PIN.</summary>
    public static PinDialogueOutcome Start(DataSession db, Person subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var step = subject.Pins is null ? PinStep.NewCheckin : PinStep.Current;
        return Ask(db, subject, new PinPrompt { Step = step, Since = now }, now);
    }

    /// <summary>The PIN the subject sent at a step of the dialogue (<paramref name="prompt"/> is their waiting prompt, not <see cref="PinStep.Checkin"/>).</summary>
    public static PinDialogueOutcome Answer(DataSession db, Person subject, PinPrompt prompt, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(pin);
        pin = pin.Trim();
        switch (prompt.Step)
        {
            case PinStep.Current:
                return Current(db, subject, pin, now, rules);
            case PinStep.NewCheckin:
                if (Refused(db, subject, PinRules.Check(pin), now) is { } refusedCheckin)
                {
                    return refusedCheckin;
                }

                var (salt, hash) = db.Pins.Hash(pin);
                return Ask(db, subject, new PinPrompt { Step = PinStep.NewDuress, Since = now, ThroughDuress = prompt.ThroughDuress, NewCheckinSalt = salt, NewCheckinHash = hash }, now);
            default:
                if (Refused(db, subject, PinRules.Check(pin), now) is { } refusedDuress)
                {
                    return refusedDuress;
                }

                if (prompt.NewCheckinSalt is not { } newSalt || prompt.NewCheckinHash is not { } newHash)
                {
                    // A damaged prompt: start again rather than guess.
                    return Ask(db, subject, new PinPrompt { Step = PinStep.NewCheckin, Since = now, ThroughDuress = prompt.ThroughDuress }, now);
                }

                if (db.Pins.Matches(pin, newSalt, newHash))
                {
                    Notify.Send(db, subject, MessagePriority.Reply, now, TextId.PinDuressSame);
                    return PinDialogueOutcome.Refused;
                }

                // Hashed alike either way, so a dialogue opened with the duress PIN takes as long and answers the same.
                var sealedPins = db.Pins.Seal(newSalt, newHash, pin);
                var hadPins = subject.Pins is not null;
                subject.Pins = prompt.ThroughDuress && subject.Pins is { } real ? PinVault.WithDecoys(real, sealedPins) : sealedPins;

                subject.PinPrompt = null;
                db.People.Save(subject);
                Notify.Send(db, subject, MessagePriority.Reply, now, TextId.PinsSet);

                // A real change is told like any change that could hide a disappearance (the old duress PIN no longer
                // raises anything); one made through the duress PIN already raised the duress case and changes nothing real.
                if (!prompt.ThroughDuress)
                {
                    ChangeNotice.Send(db, subject, now, hadPins ? TextId.PinsChangedToCoordinators : TextId.PinsSetToCoordinators);
                }
                return PinDialogueOutcome.Saved;
        }
    }

    private static PinDialogueOutcome Current(DataSession db, Person subject, string pin, DateTimeOffset now, BotRules rules)
    {
        subject.PinPrompt = null;
        switch (PinCheck.Judge(db, subject, pin, now, rules))
        {
            case PinVerdict.Real:
                return Ask(db, subject, new PinPrompt { Step = PinStep.NewCheckin, Since = now }, now);
            case PinVerdict.Duress:
                return Ask(db, subject, new PinPrompt { Step = PinStep.NewCheckin, Since = now, ThroughDuress = true }, now);
            case PinVerdict.NotSet:
                return Ask(db, subject, new PinPrompt { Step = PinStep.NewCheckin, Since = now }, now);
            default:
                db.People.Save(subject);
                return PinDialogueOutcome.NotAccepted;
        }
    }

    private static PinDialogueOutcome? Refused(DataSession db, Person subject, PinRefusal refusal, DateTimeOffset now)
    {
        if (refusal == PinRefusal.None)
        {
            return null;
        }

        Notify.Send(db, subject, MessagePriority.Reply, now, refusal == PinRefusal.Shape ? TextId.PinBadShape : TextId.PinTrivial);
        return PinDialogueOutcome.Refused;
    }

    private static PinDialogueOutcome Ask(DataSession db, Person subject, PinPrompt prompt, DateTimeOffset now)
    {
        subject.PinPrompt = prompt;
        db.People.Save(subject);
        Notify.Send(db, subject, MessagePriority.Reply, now, prompt.Step switch
        {
            PinStep.Current => TextId.PinAskCurrent,
            PinStep.NewCheckin => TextId.PinAskNew,
            _ => TextId.PinAskDuress,
        });
        return PinDialogueOutcome.Asked;
    }
}
