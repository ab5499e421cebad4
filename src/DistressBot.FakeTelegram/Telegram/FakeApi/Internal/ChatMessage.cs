using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>The fake's mutable record of one transcript entry; only <see cref="ChatBook"/> touches it, under its lock.</summary>
internal sealed class ChatMessage
{
    public required long ChatId { get; init; }

    public int MessageId { get; set; }

    public required Direction Direction { get; init; }

    public required FakeEntryKind Kind { get; init; }

    public User? From { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    /// <summary>The order in which the fake recorded it, across all chats (set by <see cref="ChatBook"/>).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public string? Text { get; set; }

    public MessageEntity[]? Entities { get; set; }

    public string? ParseMode { get; set; }

    public Markup Markup { get; set; } = Markup.None;

    public bool ProtectContent { get; init; }

    public FakeDocument? Document { get; init; }

    public Sticker? Sticker { get; init; }

    public Location? Location { get; init; }

    public string? CallbackData { get; init; }

    public string? CallbackQueryId { get; init; }

    public int EditCount { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The person-visible snapshot handed to tests.</summary>
    public FakeChatEntry ToEntry() => new()
    {
        ChatId = ChatId,
        MessageId = MessageId,
        Direction = Direction,
        Kind = Kind,
        Text = Text,
        ParseMode = ParseMode,
        EditCount = EditCount,
        Deleted = Deleted,
        InlineKeyboard = Markup.InlineRows,
        ReplyKeyboard = Markup.ReplyRows,
        RemovesReplyKeyboard = Markup.RemovesKeyboard,
        ProtectContent = ProtectContent,
        Document = Document,
        CallbackData = CallbackData,
        CallbackQueryId = CallbackQueryId,
        Location = Location is { } l ? (l.Latitude, l.Longitude) : null,
        LivePeriod = Location?.LivePeriod,
        FromUserId = From?.Id,
        SentAt = SentAt,
        Sequence = Sequence,
    };

    /// <summary>The message as the Bot API returns it; only inline keyboards travel back, as in Telegram.</summary>
    public Message ToTelegram(Chat chat) => new()
    {
        Id = MessageId,
        Date = SentAt.UtcDateTime,
        EditDate = EditedAt?.UtcDateTime,
        Chat = chat,
        From = From,
        SenderChat = From is null ? chat : null,
        Text = Kind == FakeEntryKind.Text ? Text : null,
        Entities = Kind == FakeEntryKind.Text ? Entities : null,
        Caption = Kind == FakeEntryKind.Document ? Text : null,
        ReplyMarkup = Markup.Inline,
        HasProtectedContent = ProtectContent,
        Document = Document is { Shape: FakeFileShape.Document } d
            ? new Document { FileId = d.FileId, FileUniqueId = "u" + d.FileId, FileName = d.FileName, MimeType = d.MimeType, FileSize = d.Content.Length }
            : null,
        Photo = Document is { Shape: FakeFileShape.Photo } p
            ? [new PhotoSize { FileId = p.FileId, FileUniqueId = "u" + p.FileId, Width = 1280, Height = 960, FileSize = p.Content.Length }]
            : null,
        Voice = Document is { Shape: FakeFileShape.Voice } v
            ? new Voice { FileId = v.FileId, FileUniqueId = "u" + v.FileId, Duration = 3, MimeType = v.MimeType ?? "audio/ogg", FileSize = v.Content.Length }
            : null,
        Sticker = Sticker,
        Location = Location,
    };
}

/// <summary>A reply_markup as the fake understands it: inline rows, reply keyboard rows, or a removal, plus its canonical JSON.</summary>
internal sealed record Markup(
    InlineKeyboardMarkup? Inline,
    IReadOnlyList<IReadOnlyList<FakeInlineButton>> InlineRows,
    IReadOnlyList<IReadOnlyList<string>> ReplyRows,
    bool RemovesKeyboard,
    string CanonicalJson)
{
    /// <summary>No markup at all.</summary>
    public static Markup None { get; } = new(null, [], [], false, "");
}
