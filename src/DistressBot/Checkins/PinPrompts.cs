using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>A subject's plain message when the bot asked them for a PIN: the check-in's PIN, a guarded change's PIN, or a step of /pin. The message always carries a PIN.</summary>
public static class PinPrompts
{
    /// <summary>True when <paramref name="person"/>'s next plain message is taken as a PIN.</summary>
    public static bool IsWaitingFor(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person is { Role: Role.Subject, PinPrompt: not null };
    }

    /// <summary>Hands <paramref name="text"/> (Telegram's date <paramref name="sentAt"/>) to the use case that asked for it; returns what became of a check-in, or null for a change or a step of /pin.</summary>
    public static CheckinAttempt? Answer(DataSession db, Person subject, string text, DateTimeOffset sentAt, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        if (subject.PinPrompt is not { } prompt)
        {
            return null;
        }

        if (prompt.Step == PinStep.Checkin)
        {
            subject.PinPrompt = null;
            db.People.Save(subject);
            return CheckIn.Attempt(db, subject, text, sentAt, now, rules);
        }

        if (prompt.Step == PinStep.Change)
        {
            ChangeGate.Answer(db, subject, prompt, text, now, rules);
            return null;
        }

        SetPins.Answer(db, subject, prompt, text, now, rules);
        return null;
    }
}
