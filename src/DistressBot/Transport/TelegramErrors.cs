using System.Net;
using System.Net.Sockets;

namespace DistressBot.Transport;

/// <summary>The class of a failed Bot API call, as metrics, logs and `status` name it.</summary>
public enum TelegramErrorClass
{
    /// <summary>401: the bot token was revoked or is wrong; only the admin can fix it.</summary>
    Unauthorized,

    /// <summary>403: the person blocked the bot or is deactivated.</summary>
    Forbidden,

    /// <summary>400 and other 4xx: Telegram refuses this request.</summary>
    BadRequest,

    /// <summary>429: too many requests.</summary>
    TooManyRequests,

    /// <summary>5xx: Telegram's side failed.</summary>
    ServerError,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>The connection failed (DNS, refused, reset).</summary>
    Network,
}

/// <summary>Sorts a Bot API failure into a <see cref="TelegramErrorClass"/> by its HTTP status code (0 when Telegram never answered).</summary>
public static class TelegramErrors
{
    /// <summary>The class of a failure with <paramref name="statusCode"/> (Telegram's error_code, or 0) and the exception that carried it.</summary>
    public static TelegramErrorClass Classify(int statusCode, Exception exception) => statusCode switch
    {
        401 => TelegramErrorClass.Unauthorized,
        403 => TelegramErrorClass.Forbidden,
        429 => TelegramErrorClass.TooManyRequests,
        >= 500 => TelegramErrorClass.ServerError,
        >= 400 => TelegramErrorClass.BadRequest,
        _ when exception is TaskCanceledException or TimeoutException => TelegramErrorClass.Timeout,
        _ when exception is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } => TelegramErrorClass.Unauthorized,
        _ when exception is HttpRequestException or SocketException or IOException => TelegramErrorClass.Network,
        _ => TelegramErrorClass.Network,
    };

    /// <summary>The tag word: "401", "403", "400", "429", "5xx", "timeout", "network".</summary>
    public static string Word(TelegramErrorClass errorClass) => errorClass switch
    {
        TelegramErrorClass.Unauthorized => "401",
        TelegramErrorClass.Forbidden => "403",
        TelegramErrorClass.BadRequest => "400",
        TelegramErrorClass.TooManyRequests => "429",
        TelegramErrorClass.ServerError => "5xx",
        TelegramErrorClass.Timeout => "timeout",
        _ => "network",
    };
}
