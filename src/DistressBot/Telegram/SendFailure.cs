using Telegram.Bot.Exceptions;

namespace DistressBot.Telegram;

/// <summary>How a failed send is treated.</summary>
public enum SendFailureKind
{
    /// <summary>Network, timeout, 5xx: try again later.</summary>
    Transient,

    /// <summary>429: wait as long as Telegram says.</summary>
    RateLimited,

    /// <summary>The recipient is gone for good (blocked the bot, deactivated, chat not found): do not retry, and mark them unreachable.</summary>
    Permanent,

    /// <summary>Telegram will never accept this message (too long, an edit of a vanished message): drop it, the recipient is fine.</summary>
    Rejected,
}

/// <summary>Classifies exceptions from the Bot API client.</summary>
public static class SendFailure
{
    /// <summary>The kind of failure and, for 429, how long to wait.</summary>
    public static (SendFailureKind Kind, TimeSpan RetryAfter) Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not ApiRequestException api)
        {
            return (SendFailureKind.Transient, TimeSpan.Zero);
        }

        return api.ErrorCode switch
        {
            429 => (SendFailureKind.RateLimited, TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 5))),
            >= 500 or 0 => (SendFailureKind.Transient, TimeSpan.Zero),
            // 401 means our token is wrong, not the recipient: keep the message until the admin fixes it.
            401 => (SendFailureKind.Transient, TimeSpan.Zero),
            403 => (SendFailureKind.Permanent, TimeSpan.Zero),
            _ when RecipientGone(api.Message) => (SendFailureKind.Permanent, TimeSpan.Zero),
            _ => (SendFailureKind.Rejected, TimeSpan.Zero),
        };
    }

    private static bool RecipientGone(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase)
        || description.Contains("bot was blocked", StringComparison.OrdinalIgnoreCase);
}
