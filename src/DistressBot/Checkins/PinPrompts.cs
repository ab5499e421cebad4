using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>A subject's plain message when the bot asked them for a PIN: the check-in's PIN, a guarded change's PIN, or a step of /pin. The message always carries a PIN.</summary>
public static class PinPrompts
{
    /// <summary>How long after the bot asked for a PIN a plain message is still taken as the answer (by Telegram's date of the message).</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromMinutes(10);

    /// <summary>
    /// True when <paramref name="person"/>'s plain message, which Telegram dated <paramref name="sentAt"/>, is taken as a PIN: the bot
    /// asked for one at most <see cref="AnswerWithin"/> before. A later message is handled as any other (the ask lapsed: the check-in,
    /// change or /pin step it was for is asked again), so an unrelated message hours later is never judged, counted or deleted as a PIN.
    /// </summary>
    public static bool IsWaitingFor(Person person, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person is { Role: Role.Subject, PinPrompt: { } prompt } && sentAt - prompt.Since <= AnswerWithin;
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
