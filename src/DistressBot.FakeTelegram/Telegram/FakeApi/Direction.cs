namespace DistressBot.Telegram.FakeApi;

/// <summary>Who produced an entry in a chat transcript.</summary>
public enum Direction
{
    /// <summary>A message or button press injected as coming from a person.</summary>
    FromUser,

    /// <summary>A message the bot sent through the Bot API.</summary>
    FromBot,
}
