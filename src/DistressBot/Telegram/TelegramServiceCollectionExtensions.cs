using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace DistressBot.Telegram;

/// <summary>Registers the Telegram Bot API client, so the host builder outside <c>Telegram/</c> never names a Telegram.Bot type.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ITelegramBotClient"/> over a named HTTP client that logs no URL (the token is in every URL) and waits a long poll plus 30 s.</summary>
    public static IServiceCollection AddTelegramClient(this IServiceCollection services, TelegramOptions telegram)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(telegram);
        services.AddHttpClient("telegram")
            .RemoveAllLoggers()
            .ConfigureHttpClient(http => http.Timeout = telegram.PollTimeout + TimeSpan.FromSeconds(30))
            .AddTypedClient<ITelegramBotClient>(http => new TelegramBotClient(
                new TelegramBotClientOptions(telegram.BotToken, string.IsNullOrWhiteSpace(telegram.ApiBaseUrl) ? null : telegram.ApiBaseUrl)
                {
                    // The outbox honours 429 itself without blocking other chats; the client must not sleep on it.
                    RetryThreshold = 0,
                },
                http));
        return services;
    }
}
