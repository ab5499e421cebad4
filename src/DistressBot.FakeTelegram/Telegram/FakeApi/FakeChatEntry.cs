namespace DistressBot.Telegram.FakeApi;

/// <summary>A snapshot of one message (or button press) in a chat, as the person would see it now.</summary>
public sealed record FakeChatEntry
{
    /// <summary>Chat the entry belongs to.</summary>
    public required long ChatId { get; init; }

    /// <summary>Telegram message id; for a button press, the id of the message carrying the button.</summary>
    public required int MessageId { get; init; }

    /// <summary>Whether the person or the bot produced it.</summary>
    public required Direction Direction { get; init; }

    /// <summary>What the entry carries.</summary>
    public required FakeEntryKind Kind { get; init; }

    /// <summary>Current text (after edits), the caption of a document, or the label of a pressed button; null for stickers and locations.</summary>
    public string? Text { get; init; }

    /// <summary>The parse_mode the bot asked for, if any; the fake keeps the text as sent.</summary>
    public string? ParseMode { get; init; }

    /// <summary>How many times the bot edited the text or keyboard, or the person edited their message.</summary>
    public int EditCount { get; init; }

    /// <summary>True once the message was deleted; it stays in the transcript so tests can see that it was.</summary>
    public bool Deleted { get; init; }

    /// <summary>Inline keyboard rows currently attached; empty when there is none.</summary>
    public IReadOnlyList<IReadOnlyList<FakeInlineButton>> InlineKeyboard { get; init; } = [];

    /// <summary>Reply keyboard rows (button labels) this message installed; empty when there is none.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard { get; init; } = [];

    /// <summary>True when this message asked the client to remove the reply keyboard.</summary>
    public bool RemovesReplyKeyboard { get; init; }

    /// <summary>Whether the bot sent it with protect_content.</summary>
    public bool ProtectContent { get; init; }

    /// <summary>The document carried, if any.</summary>
    public FakeDocument? Document { get; init; }

    /// <summary>Callback data of a button press.</summary>
    public string? CallbackData { get; init; }

    /// <summary>Id of the callback query of a button press, for matching the bot's answer.</summary>
    public string? CallbackQueryId { get; init; }

    /// <summary>Latitude and longitude of a location.</summary>
    public (double Latitude, double Longitude)? Location { get; init; }

    /// <summary>Live location period in seconds, if the location is live.</summary>
    public int? LivePeriod { get; init; }

    /// <summary>Telegram user id of the sender; the bot's id for bot messages, null for channel posts.</summary>
    public long? FromUserId { get; init; }

    /// <summary>When the message was sent (Telegram's date), by the server's clock or as injected.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>The order in which the fake recorded the entry, across all chats: what happened first, where dates tie or mix clocks.</summary>
    public long Sequence { get; init; }
}
