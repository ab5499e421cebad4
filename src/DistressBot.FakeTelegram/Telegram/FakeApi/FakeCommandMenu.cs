namespace DistressBot.Telegram.FakeApi;

/// <summary>One command of a menu the bot set.</summary>
/// <param name="Command">The command without the slash.</param>
/// <param name="Description">What the menu shows beside it.</param>
public sealed record FakeMenuCommand(string Command, string Description);

/// <summary>One setMyCommands call the fake accepted, in order.</summary>
/// <param name="Scope">The scope's type ("default" when none was given, "chat", "all_private_chats" …).</param>
/// <param name="ChatId">For a chat scope: its chat id.</param>
/// <param name="LanguageCode">The language_code argument, when given.</param>
/// <param name="Commands">The commands, in order.</param>
public sealed record FakeCommandMenu(string Scope, long? ChatId, string? LanguageCode, IReadOnlyList<FakeMenuCommand> Commands);
