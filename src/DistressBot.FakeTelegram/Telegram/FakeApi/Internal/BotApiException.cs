namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>A Bot API error answer: the HTTP/error code, Telegram's description and, for 429, retry_after seconds.</summary>
internal sealed class BotApiException(int errorCode, string description, int? retryAfterSeconds = null) : Exception(description)
{
    /// <summary>HTTP status and error_code.</summary>
    public int ErrorCode { get; } = errorCode;

    /// <summary>The description field, worded as Telegram words it.</summary>
    public string Description { get; } = description;

    /// <summary>parameters.retry_after, for 429 only.</summary>
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    /// <summary>400 with a "Bad Request: ..." description.</summary>
    public static BotApiException BadRequest(string what) => new(400, "Bad Request: " + what);
}
