namespace DistressBot.Telegram.FakeApi;

/// <summary>A person talking to the bot through the fake Bot API, as Telegram would describe them.</summary>
/// <param name="Id">Telegram user id; in a private chat it is also the chat id.</param>
/// <param name="FirstName">First name shown in the client.</param>
/// <param name="LanguageCode">IETF language tag of the user's client, such as "ru" or "en".</param>
/// <param name="Username">Optional @username without the '@'.</param>
public sealed record FakeUser(long Id, string FirstName = "Test", string? LanguageCode = "en", string? Username = null);
