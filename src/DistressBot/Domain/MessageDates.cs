namespace DistressBot.Domain;

/// <summary>How the date Telegram gave a message was judged before the domain used it.</summary>
public enum DateJudgement
{
    /// <summary>Plausible: used as it is.</summary>
    Accepted = 0,

    /// <summary>Later than now: the bot's own time was used instead.</summary>
    FromTheFuture,

    /// <summary>Earlier than the person could have written to the bot as enrolled: the bot's own time was used instead.</summary>
    BeforeEnrollment,

    /// <summary>Earlier than the subject's last check-in: that check-in's date was used instead (dates never go back).</summary>
    BeforeLastCheckin,
}

/// <summary>Judges a message's date (Telegram's server time) against what the bot knows, so that no date can put a deadline in the past or raise a false alarm.</summary>
/// <remarks>
/// Telegram dates messages itself, so a wrong phone clock cannot matter; but a date is still input. Telegram keeps an
/// update for at most 24 hours, so a real message is never dated more than that before the person was enrolled (the
/// enrollment itself may be handled late, after a downtime). A check-in dated before the last one would move the
/// deadline back; a date in the future could hide later real ones.
/// </remarks>
public static class MessageDates
{
    /// <summary>How long Telegram keeps an update that no bot fetched (Bot API, getUpdates).</summary>
    public static readonly TimeSpan TelegramRetention = TimeSpan.FromHours(24);

    /// <summary>
    /// The instant to use for a message Telegram dated <paramref name="claimed"/>, sent by someone enrolled at
    /// <paramref name="enrolledAt"/>, that may not be earlier than <paramref name="notBefore"/> (the last check-in, or null),
    /// handled at <paramref name="now"/>; always between the enrollment's floor and <paramref name="now"/>.
    /// </summary>
    public static (DateTimeOffset At, DateJudgement Judgement) Judge(DateTimeOffset claimed, DateTimeOffset enrolledAt, DateTimeOffset? notBefore, DateTimeOffset now)
    {
        if (claimed > now)
        {
            return (now, DateJudgement.FromTheFuture);
        }

        // A record from before enrollment dates were kept has MinValue: nothing is before it.
        var earliest = enrolledAt > DateTimeOffset.MinValue + TelegramRetention ? enrolledAt - TelegramRetention : DateTimeOffset.MinValue;
        if (claimed < earliest)
        {
            return (now, DateJudgement.BeforeEnrollment);
        }

        if (notBefore is { } floor && claimed < floor)
        {
            return (floor > now ? now : floor, DateJudgement.BeforeLastCheckin);
        }

        return (claimed, DateJudgement.Accepted);
    }
}
