namespace DistressBot.Telegram.FakeApi;

/// <summary>One inline keyboard button as the person sees it: its label and the data pressing it sends back.</summary>
public sealed record FakeInlineButton(string Text, string? CallbackData);
