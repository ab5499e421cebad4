using System.Text.Json;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// The PIN gate of the changes that could hide a disappearance (/schedule, /timezone, /pause, /resume): once a subject has PINs,
/// the change needs the PIN as the command's last word (for /resume, its only word), or, without one, as the next message (the
/// bot asks "send your PIN" and keeps the change's words in <see cref="PinPrompt"/>). The PIN is judged by <see cref="PinCheck"/>
/// (wrong PIN, lockout, duress alarm). A duress PIN is shown the change as made, but it is made on a throwaway copy of the
/// check-in state: nothing real changes and the coordinators get the duress case, not a change notice.
/// </summary>
public static class ChangeGate
{
    /// <summary>Splits <paramref name="arguments"/> into the change's words and the PIN ("" when none): only for a subject with PINs; for /resume every word is the PIN, otherwise a last word with the shape of a PIN (<see cref="PinRules.HasShape"/>).</summary>
    public static (string Words, string Pin) Split(Person person, GuardedChange change, string arguments)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(arguments);
        var trimmed = arguments.Trim();
        if (person.Pins is null || trimmed.Length == 0)
        {
            return (trimmed, "");
        }

        if (change == GuardedChange.Resume)
        {
            return ("", trimmed);
        }

        var cut = trimmed.LastIndexOfAny([' ', '\t', '\n', '\r']);
        var last = trimmed[(cut + 1)..];
        return PinRules.HasShape(last) ? (cut < 0 ? "" : trimmed[..cut].TrimEnd(), last) : (trimmed, "");
    }

    /// <summary>True when the command's <paramref name="arguments"/> carry a PIN (the message must be deleted at once).</summary>
    public static bool CarriesPin(Person person, GuardedChange change, string arguments) => Split(person, change, arguments).Pin.Length > 0;

    /// <summary>
    /// The gate, just before the change is made: <see cref="PinVerdict.NotSet"/> without PINs, <see cref="PinVerdict.Real"/> or
    /// <see cref="PinVerdict.Duress"/> to go on; null when the change must not be made (the PIN was asked for, or refused).
    /// </summary>
    public static PinVerdict? Pass(DataSession db, Person subject, GuardedChange change, string words, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(pin);
        if (subject.Pins is null)
        {
            return PinVerdict.NotSet;
        }

        if (pin.Trim().Length == 0)
        {
            subject.PinPrompt = new PinPrompt { Step = PinStep.Change, Since = now, Change = change, Words = words };
            db.People.Save(subject);
            Notify.Send(db, subject, MessagePriority.Reply, now, TextId.PinAskCheckin);
            return null;
        }

        var verdict = PinCheck.Judge(db, subject, pin, now, rules);
        return verdict is PinVerdict.Real or PinVerdict.Duress ? verdict : null;
    }

    /// <summary>Takes <paramref name="pin"/>, the message after the bot asked for it, for the change waiting in <paramref name="prompt"/>.</summary>
    public static void Answer(DataSession db, Person subject, PinPrompt prompt, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(pin);
        subject.PinPrompt = null;
        db.People.Save(subject);
        var words = prompt.Words ?? "";
        // An empty message is a wrong PIN, never "no PIN given": the bot does not ask twice in a loop.
        var given = pin.Trim().Length == 0 ? "-" : pin;
        switch (prompt.Change)
        {
            case GuardedChange.Schedule:
                SetSchedule.Run(db, subject, words, given, now, rules);
                break;
            case GuardedChange.TimeZone:
                SetTimeZone.Run(db, subject, words, given, now, rules);
                break;
            case GuardedChange.Pause:
                PauseCheckins.Run(db, subject, words, given, now, rules);
                break;
            case GuardedChange.Resume:
                ResumeCheckins.Run(db, subject, given, now, rules);
                break;
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/>; for a <paramref name="verdict"/> of <see cref="PinVerdict.Duress"/> on a copy of the subject's
    /// check-in state and zone, put back afterwards (the change step saves nothing and tells nobody then): the phone reads the
    /// change as made, the real deadlines keep running.
    /// </summary>
    internal static void Make(Person subject, PinVerdict verdict, Action change)
    {
        if (verdict != PinVerdict.Duress)
        {
            change();
            return;
        }

        var real = subject.Checkin;
        var zone = subject.TimeZone;
        subject.Checkin = real is null ? null : Copy(real);
        try
        {
            change();
        }
        finally
        {
            subject.Checkin = real;
            subject.TimeZone = zone;
        }
    }

    // A deep copy through the stored form, so a field added to the record later is copied too.
    private static CheckinState Copy(CheckinState state) =>
        JsonSerializer.Deserialize<CheckinState>(JsonSerializer.SerializeToUtf8Bytes(state, StoreJson.Options), StoreJson.Options)!;
}
