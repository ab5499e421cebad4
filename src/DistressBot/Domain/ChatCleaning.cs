namespace DistressBot.Domain;

/// <summary>What the bot deletes from subjects' chats (settings "Privacy").</summary>
/// <param name="DeleteSubjectMessages">Delete each message a subject sends once it is handled.</param>
/// <param name="DeleteBotMessagesAfter">Delete the bot's own messages to a subject this long after they were sent (the latest reminder is kept until answered or replaced); null keeps them.</param>
public sealed record ChatCleaning(bool DeleteSubjectMessages, TimeSpan? DeleteBotMessagesAfter)
{
    /// <summary>Telegram lets a bot delete a message in a private chat only this long after it was sent.</summary>
    public static readonly TimeSpan DeletableFor = TimeSpan.FromHours(48);

    /// <summary>A reminder still held this long after it was sent is deleted anyway, while Telegram still allows it.</summary>
    public static readonly TimeSpan HeldAtMost = DeletableFor - TimeSpan.FromHours(1);

    /// <summary>The defaults: subjects' messages deleted once handled, the bot's after 10 minutes.</summary>
    public static ChatCleaning Default { get; } = new(true, TimeSpan.FromMinutes(10));
}
