using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Builds the updates a person (or group, or channel) would cause, records them in the chat and queues them.</summary>
internal sealed class UpdateInjector(ChatBook chats, UpdateQueue updates, CallbackLedger callbacks, FileBook files, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, FakeUser> _users = [];
    private long _lastFileId;

    /// <summary>A text message in the person's private chat.</summary>
    public Update Message(long userId, string text, FakeUser? from, DateTimeOffset? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var user = Remember(userId, from);
        return Incoming(PrivateChat(user), ToUser(user), date, FakeEntryKind.Text, text, null, (id, m) => new Update { Id = id, Message = m });
    }

    /// <summary>A text message in a group, from a member.</summary>
    public Update GroupMessage(long chatId, long userId, string text, FakeUser? from, DateTimeOffset? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var user = Remember(userId, from);
        var chat = new Chat { Id = chatId, Type = ChatType.Group, Title = string.Create(CultureInfo.InvariantCulture, $"Group {chatId}") };
        return Incoming(chat, ToUser(user), date, FakeEntryKind.Text, text, null, (id, m) => new Update { Id = id, Message = m });
    }

    /// <summary>A post in a channel, which has no sending user.</summary>
    public Update ChannelPost(long chatId, string text, DateTimeOffset? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chat = new Chat { Id = chatId, Type = ChatType.Channel, Title = string.Create(CultureInfo.InvariantCulture, $"Channel {chatId}") };
        return Incoming(chat, null, date, FakeEntryKind.Text, text, null, (id, m) => new Update { Id = id, ChannelPost = m });
    }

    /// <summary>A sticker in the person's private chat.</summary>
    public Update Sticker(long userId, FakeUser? from, DateTimeOffset? date)
    {
        var user = Remember(userId, from);
        var fileId = NextFileId("sticker");
        var sticker = new Sticker { FileId = fileId, FileUniqueId = "u" + fileId, Type = StickerType.Regular, Width = 512, Height = 512, Emoji = "👍" };
        return Incoming(PrivateChat(user), ToUser(user), date, FakeEntryKind.Sticker, null, new Attachment(Sticker: sticker), (id, m) => new Update { Id = id, Message = m });
    }

    /// <summary>A file the person sent (no bytes: the fake does not serve downloads).</summary>
    public Update Document(long userId, string fileName, FakeUser? from, DateTimeOffset? date)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var user = Remember(userId, from);
        var document = new FakeDocument(fileName, ReadOnlyMemory<byte>.Empty, null, NextFileId("document"));
        return Incoming(PrivateChat(user), ToUser(user), date, FakeEntryKind.Document, null, new Attachment(Document: document), (id, m) => new Update { Id = id, Message = m });
    }

    /// <summary>A file the person sent with its bytes, served by getFile and the download path; the caption, if any, is the message's.</summary>
    public Update File(long userId, FakeFileShape shape, string? fileName, ReadOnlyMemory<byte> content, string? mimeType, string? caption, FakeUser? from, DateTimeOffset? date)
    {
        var user = Remember(userId, from);
        var fileId = NextFileId(shape.ToString().ToLowerInvariant());
        files.Add(fileId, content, shape switch { FakeFileShape.Photo => "photos", FakeFileShape.Voice => "voice", _ => "documents" });
        var document = new FakeDocument(fileName, content, caption, fileId) { MimeType = mimeType, Shape = shape };
        return Incoming(PrivateChat(user), ToUser(user), date, FakeEntryKind.Document, caption, new Attachment(Document: document), (id, m) => new Update { Id = id, Message = m });
    }

    /// <summary>A location, live when a period is given.</summary>
    public Update Location(long userId, double latitude, double longitude, int? livePeriod, FakeUser? from, DateTimeOffset? date)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitude), 90, nameof(latitude));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(longitude), 180, nameof(longitude));
        var user = Remember(userId, from);
        var location = new Location { Latitude = latitude, Longitude = longitude, LivePeriod = livePeriod };
        return Incoming(PrivateChat(user), ToUser(user), date, FakeEntryKind.Location, null, new Attachment(Location: location), (id, m) => new Update { Id = id, Message = m });
    }

    /// <summary>The person edits their own earlier text message.</summary>
    public Update EditedMessage(long userId, int messageId, string newText, DateTimeOffset? editDate)
    {
        ArgumentNullException.ThrowIfNull(newText);
        var edited = chats.EditIncoming(userId, messageId, newText, Seconds(editDate ?? time.GetUtcNow()));
        return updates.Enqueue(id => new Update { Id = id, EditedMessage = edited });
    }

    /// <summary>The person presses an inline button on a bot message in their private chat.</summary>
    public Update CallbackQuery(long userId, int messageId, string data, FakeUser? from)
    {
        ArgumentNullException.ThrowIfNull(data);
        var user = Remember(userId, from);
        var queryId = callbacks.NewId();
        var message = chats.AddButtonPress(userId, messageId, new ChatMessage
        {
            ChatId = userId,
            Direction = Direction.FromUser,
            Kind = FakeEntryKind.ButtonPress,
            From = ToUser(user),
            SentAt = time.GetUtcNow(),
            CallbackData = data,
            CallbackQueryId = queryId,
        });
        var query = new CallbackQuery
        {
            Id = queryId,
            From = ToUser(user),
            Message = message,
            ChatInstance = userId.ToString(CultureInfo.InvariantCulture),
            Data = data,
        };
        return updates.Enqueue(id => new Update { Id = id, CallbackQuery = query });
    }

    /// <summary>Queues JSON exactly as given, so tests can send what Telegram.Bot may not model.</summary>
    public void Raw(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("A raw update must be valid JSON: one invalid update would break the whole getUpdates answer.", nameof(json), ex);
        }

        updates.EnqueueRaw(node as JsonObject ?? throw new ArgumentException("A raw update must be a JSON object.", nameof(json)));
    }

    private Update Incoming(Chat chat, User? from, DateTimeOffset? date, FakeEntryKind kind, string? text, Attachment? attachment, Func<int, Message, Update> wrap)
    {
        var message = new ChatMessage
        {
            ChatId = chat.Id,
            Direction = Direction.FromUser,
            Kind = kind,
            From = from,
            SentAt = Seconds(date ?? time.GetUtcNow()),
            Text = text,
            Entities = text is null ? null : CommandEntities.For(text),
            Document = attachment?.Document,
            Sticker = attachment?.Sticker,
            Location = attachment?.Location,
        };
        var sent = chats.AddIncoming(chat, message);
        return updates.Enqueue(id => wrap(id, sent));
    }

    // Remembers the profile given for a user, so later updates without one still carry the same name and language.
    private FakeUser Remember(long userId, FakeUser? from)
    {
        if (from is not null && from.Id != userId)
        {
            throw new ArgumentException($"FakeUser.Id {from.Id} differs from userId {userId}.", nameof(from));
        }

        lock (_gate)
        {
            if (from is not null)
            {
                _users[userId] = from;
                return from;
            }

            return _users.TryGetValue(userId, out var known) ? known : new FakeUser(userId);
        }
    }

    private string NextFileId(string kind) => string.Create(CultureInfo.InvariantCulture, $"fake-{kind}-{Interlocked.Increment(ref _lastFileId)}");

    private static User ToUser(FakeUser user) => new()
    {
        Id = user.Id,
        IsBot = false,
        FirstName = user.FirstName,
        Username = user.Username,
        LanguageCode = user.LanguageCode,
    };

    private static Chat PrivateChat(FakeUser user) => new()
    {
        Id = user.Id,
        Type = ChatType.Private,
        FirstName = user.FirstName,
        Username = user.Username,
    };

    // Telegram dates are whole Unix seconds; keeping the transcript at the same precision lets tests compare them directly.
    private static DateTimeOffset Seconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    /// <summary>What a non-text message carries.</summary>
    private sealed record Attachment(FakeDocument? Document = null, Sticker? Sticker = null, Location? Location = null);
}
