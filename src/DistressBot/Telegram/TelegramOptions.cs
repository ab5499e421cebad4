using System.ComponentModel.DataAnnotations;

namespace DistressBot.Telegram;

/// <summary>Telegram connection settings (section "Telegram").</summary>
public sealed class TelegramOptions
{
    /// <summary>The bot token from BotFather, "123456:ABC…"; set it through DISTRESSBOT_Telegram__BotToken, not the config file.</summary>
    [Required(ErrorMessage = "Telegram:BotToken is missing: set the environment variable DISTRESSBOT_Telegram__BotToken to the token BotFather gave you.")]
    [RegularExpression(@"^\d{3,}:[A-Za-z0-9_-]{3,}$", ErrorMessage = "Telegram:BotToken does not look like a bot token (digits, a colon, then letters): check DISTRESSBOT_Telegram__BotToken.")]
    public string BotToken { get; set; } = "";

    /// <summary>Another Bot API server (self-hosted, or the tests' fake); null means Telegram's own.</summary>
    [Url(ErrorMessage = "Telegram:ApiBaseUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:8081.")]
    public string? ApiBaseUrl { get; set; }

    /// <summary>Long-polling timeout of getUpdates.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>A send that takes longer is abandoned and retried.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>First retry delay after a transient send failure; it doubles each time.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between retries.</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Telegram unreachable for longer than this is recorded as an outage and reported to coordinators when it ends.</summary>
    public TimeSpan OutageAlertAfter { get; set; } = TimeSpan.FromMinutes(5);
}
