using System.Globalization;
using System.Text.Json;
using Telegram.Bot;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>The Bot API methods the fake serves, each turning request arguments into a result serialised as JSON.</summary>
internal sealed class BotApiMethods
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private readonly Dictionary<string, Func<RequestArgs, CancellationToken, Task<string>>> _methods;
    private readonly ChatBook _chats;
    private readonly UpdateQueue _updates;
    private readonly CallbackLedger _callbacks;
    private readonly TimeProvider _time;
    private long _lastFileId;

    public BotApiMethods(ChatBook chats, UpdateQueue updates, CallbackLedger callbacks, ProfileBook profile, FileBook files, TimeProvider time)
    {
        _chats = chats;
        _updates = updates;
        _callbacks = callbacks;
        _time = time;

        // Telegram matches method names case-insensitively.
        _methods = new(StringComparer.OrdinalIgnoreCase)
        {
            ["getMe"] = (_, _) => Done(JsonSerializer.Serialize(_chats.Bot, JsonBotAPI.Options)),
            ["getUpdates"] = GetUpdatesAsync,
            ["sendMessage"] = (args, _) => Done(SendMessage(args)),
            ["sendDocument"] = (args, _) => Done(SendDocument(args)),
            ["editMessageText"] = (args, _) => Done(EditMessageText(args)),
            ["editMessageReplyMarkup"] = (args, _) => Done(EditMessageReplyMarkup(args)),
            ["deleteMessage"] = (args, _) => Done(DeleteMessage(args)),
            ["deleteMessages"] = (args, _) => Done(DeleteMessages(args)),
            ["answerCallbackQuery"] = (args, _) => Done(AnswerCallbackQuery(args)),

            // Harmless calls a bot makes at start or while working; the fake has nothing to record for them.
            ["sendChatAction"] = (args, _) => Done(RequireChat(args)),
            ["setMyCommands"] = (args, _) => Done(profile.SetCommands(args)),
            ["setMyName"] = (args, _) => Done(profile.SetText(args, "name")),
            ["setMyDescription"] = (args, _) => Done(profile.SetText(args, "description")),
            ["setMyShortDescription"] = (args, _) => Done(profile.SetText(args, "short_description")),
            ["deleteMyCommands"] = (_, _) => Done("true"),
            ["deleteWebhook"] = (_, _) => Done("true"),
            ["getFile"] = (args, _) => Done(GetFile(files, args)),
        };
    }

    /// <summary>Finds a method by name.</summary>
    public bool TryGet(string name, out Func<RequestArgs, CancellationToken, Task<string>> method)
        => _methods.TryGetValue(name, out method!);

    /// <summary>Methods that change what a person sees; faults hit only these unless the plan says otherwise.</summary>
    public static bool IsSending(string name) =>
        name.StartsWith("send", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("edit", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("deleteMessage", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("answer", StringComparison.OrdinalIgnoreCase);

    private async Task<string> GetUpdatesAsync(RequestArgs args, CancellationToken ct)
    {
        var limit = args.Int("limit") ?? 100;
        if (limit is < 1 or > 100)
        {
            // Telegram clamps rather than rejects.
            limit = Math.Clamp(limit, 1, 100);
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(0, args.Int("timeout") ?? 0));
        return await _updates.TakeAsync(args.Long("offset") ?? 0, limit, timeout, ct);
    }

    private string SendMessage(RequestArgs args)
    {
        var chatId = args.RequiredChatId();
        var text = args.String("text");
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        if (text.Length > MaxTextLength)
        {
            throw BotApiException.BadRequest("message is too long");
        }

        var message = _chats.AddOutgoing(chatId, new ChatMessage
        {
            ChatId = chatId,
            Direction = Direction.FromBot,
            Kind = FakeEntryKind.Text,
            From = _chats.Bot,
            SentAt = _time.GetUtcNow(),
            Text = text,
            ParseMode = ParseModeOf(args),
            Markup = MarkupParser.Parse(args.Json("reply_markup")),
            ProtectContent = args.Bool("protect_content"),
        });
        return JsonSerializer.Serialize(message, JsonBotAPI.Options);
    }

    private string SendDocument(RequestArgs args)
    {
        var chatId = args.RequiredChatId();
        var document = ReadDocument(args);
        var message = _chats.AddOutgoing(chatId, new ChatMessage
        {
            ChatId = chatId,
            Direction = Direction.FromBot,
            Kind = FakeEntryKind.Document,
            From = _chats.Bot,
            SentAt = _time.GetUtcNow(),
            Text = document.Caption,
            ParseMode = ParseModeOf(args),
            Markup = MarkupParser.Parse(args.Json("reply_markup")),
            ProtectContent = args.Bool("protect_content"),
            Document = document,
        });
        return JsonSerializer.Serialize(message, JsonBotAPI.Options);
    }

    // Telegram.Bot uploads a stream as a multipart part named by index and sets document to "attach://<index>";
    // other clients send the part under the field name itself; a plain string is a file id or URL to resend.
    private FakeDocument ReadDocument(RequestArgs args)
    {
        var caption = args.String("caption");
        if (caption?.Length > MaxCaptionLength)
        {
            throw BotApiException.BadRequest("message caption is too long");
        }

        var reference = args.String("document");
        var file = reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal)
            ? args.File(reference["attach://".Length..])
            : args.File("document");
        if (file is { Content.Length: 0 })
        {
            throw BotApiException.BadRequest("file must be non-empty");
        }

        if (file is not null)
        {
            var fileId = "fake-file-" + Interlocked.Increment(ref _lastFileId).ToString(CultureInfo.InvariantCulture);
            return new FakeDocument(file.FileName, file.Content, caption, fileId);
        }

        if (!string.IsNullOrEmpty(reference) && !reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            return new FakeDocument(null, ReadOnlyMemory<byte>.Empty, caption, reference);
        }

        throw BotApiException.BadRequest("there is no document in the request");
    }

    private string EditMessageText(RequestArgs args)
    {
        var (chatId, messageId) = Target(args);
        var text = args.String("text");
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        // Telegram drops an inline keyboard that the edit does not repeat, so "no markup" is a change when one was there.
        var markup = InlineOnly(MarkupParser.Parse(args.Json("reply_markup")));
        var parseMode = ParseModeOf(args);
        var message = _chats.EditOutgoing(chatId, messageId, _time.GetUtcNow(), target =>
        {
            if (target.Kind != FakeEntryKind.Text)
            {
                throw BotApiException.BadRequest("there is no text in the message to edit");
            }

            if (target.Text == text && target.Markup.CanonicalJson == markup.CanonicalJson)
            {
                return false;
            }

            target.Text = text;
            target.ParseMode = parseMode;
            target.Markup = markup;
            return true;
        });
        return JsonSerializer.Serialize(message, JsonBotAPI.Options);
    }

    private string EditMessageReplyMarkup(RequestArgs args)
    {
        var (chatId, messageId) = Target(args);
        var markup = InlineOnly(MarkupParser.Parse(args.Json("reply_markup")));
        var message = _chats.EditOutgoing(chatId, messageId, _time.GetUtcNow(), target =>
        {
            if (target.Markup.CanonicalJson == markup.CanonicalJson)
            {
                return false;
            }

            target.Markup = markup;
            return true;
        });
        return JsonSerializer.Serialize(message, JsonBotAPI.Options);
    }

    private string DeleteMessage(RequestArgs args)
    {
        var chatId = args.RequiredChatId();
        var messageId = args.Int("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        return Deleted(_chats.Delete(chatId, [messageId], _time.GetUtcNow()));
    }

    // Telegram skips ids it cannot find or may no longer delete (48 h); the fake still answers 400 when it deleted none of
    // them, so a wrong id is noticed.
    private string DeleteMessages(RequestArgs args)
    {
        var chatId = args.RequiredChatId();
        var ids = args.Json("message_ids") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(ReadMessageId).ToList()
            : throw BotApiException.BadRequest("message identifiers are not specified");
        if (ids.Count is < 1 or > 100)
        {
            throw BotApiException.BadRequest("too many messages to delete");
        }

        return Deleted(_chats.Delete(chatId, ids, _time.GetUtcNow()));
    }

    // Telegram's own words: too old (48 h) is "can't be deleted for everyone", an unknown id "not found".
    private static string Deleted((int Deleted, int TooOld) outcome) => outcome switch
    {
        { Deleted: > 0 } => "true",
        { TooOld: > 0 } => throw BotApiException.BadRequest("message can't be deleted for everyone"),
        _ => throw BotApiException.BadRequest("message to delete not found"),
    };

    private string AnswerCallbackQuery(RequestArgs args)
    {
        var id = args.String("callback_query_id");
        if (string.IsNullOrEmpty(id))
        {
            throw BotApiException.BadRequest("query_id is empty");
        }

        _callbacks.Answer(id, args.String("text"), args.Bool("show_alert"));
        return "true";
    }

    // A file a person sent: its path for the download; over the Bot API's 20 MB limit, refused as Telegram refuses it.
    private static string GetFile(FileBook files, RequestArgs args)
    {
        var id = args.String("file_id") ?? throw new BotApiException(400, "Bad Request: file_id is empty");
        var (size, path) = files.Find(id) ?? throw new BotApiException(400, "Bad Request: invalid file_id");
        if (size > FileBook.MaxDownloadBytes)
        {
            throw new BotApiException(400, "Bad Request: file is too big");
        }

        return JsonSerializer.Serialize(new global::Telegram.Bot.Types.TGFile { FileId = id, FileUniqueId = "u" + id, FileSize = size, FilePath = path }, JsonBotAPI.Options);
    }

    private static string RequireChat(RequestArgs args)
    {
        args.RequiredChatId();
        return "true";
    }

    private static (long ChatId, int MessageId) Target(RequestArgs args)
    {
        if (args.Has("inline_message_id"))
        {
            throw BotApiException.BadRequest("the fake Bot API does not serve inline messages; use chat_id and message_id");
        }

        var chatId = args.RequiredChatId();
        var messageId = args.Int("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        return (chatId, messageId);
    }

    // Telegram reads parse_mode case-insensitively (Telegram.Bot sends "Html"); the transcript keeps the documented spelling.
    private static string? ParseModeOf(RequestArgs args) => args.String("parse_mode") switch
    {
        null or "" => null,
        var mode when mode.Equals("HTML", StringComparison.OrdinalIgnoreCase) => "HTML",
        var mode when mode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase) => "MarkdownV2",
        var mode when mode.Equals("Markdown", StringComparison.OrdinalIgnoreCase) => "Markdown",
        var mode => throw BotApiException.BadRequest("unsupported parse_mode \"" + mode + "\""),
    };

    private static Markup InlineOnly(Markup markup) => markup.Inline is null && markup.CanonicalJson.Length > 0
        ? throw BotApiException.BadRequest("inline keyboard expected")
        : markup;

    private static int ReadMessageId(JsonElement element) => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var id)
        ? id
        : throw BotApiException.BadRequest("invalid message identifier specified");

    private static Task<string> Done(string result) => Task.FromResult(result);
}
