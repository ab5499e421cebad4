namespace DistressBot.Telegram.FakeApi;

/// <summary>How the bot answered one callback query: the notification text and whether it was an alert.</summary>
public sealed record FakeCallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert);
