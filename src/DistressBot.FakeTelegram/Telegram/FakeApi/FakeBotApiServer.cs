using DistressBot.Telegram.FakeApi.Internal;
using Microsoft.AspNetCore.Builder;
using Telegram.Bot.Types;

namespace DistressBot.Telegram.FakeApi;

/// <summary>An in-process Telegram Bot API on 127.0.0.1 that a real Telegram.Bot client can talk to: for the demo and end-to-end tests.</summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly ChatBook _chats;
    private readonly UpdateQueue _updates;
    private readonly CallbackLedger _callbacks;
    private readonly RequestLog _log;
    private readonly FakeReachability _reachability;
    private readonly UpdateInjector _inject;
    private readonly ProfileBook _profile;
    private int _disposed;

    private FakeBotApiServer(FakeBotApiOptions options, WebApplication app, Uri baseUrl, CancellationTokenSource stopping, ChatBook chats, UpdateQueue updates, CallbackLedger callbacks, RequestLog log, FakeReachability reachability, ProfileBook profile, FileBook files)
    {
        _profile = profile;
        Options = options;
        _app = app;
        BaseUrl = baseUrl;
        _stopping = stopping;
        _chats = chats;
        _updates = updates;
        _callbacks = callbacks;
        _log = log;
        _reachability = reachability;
        _inject = new UpdateInjector(chats, updates, callbacks, files, options.Time);
    }

    /// <summary>The settings the server runs with.</summary>
    public FakeBotApiOptions Options { get; }

    /// <summary>The only token the server accepts; pass it to TelegramBotClientOptions.</summary>
    public string Token => Options.Token;

    /// <summary>Where the server listens, http://127.0.0.1:PORT/; pass it to TelegramBotClientOptions as baseUrl.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The bot's user id (the digits of the token).</summary>
    public long BotId => Options.BotId;

    /// <summary>The live fault plan; change its probabilities at any time.</summary>
    public FaultPlan Faults => Options.Faults;

    /// <summary>Every call answered so far, in order.</summary>
    public IReadOnlyList<FakeRequest> Requests => _log.Snapshot();

    /// <summary>Every command menu the bot set (setMyCommands), in order, with its scope.</summary>
    public IReadOnlyList<FakeCommandMenu> CommandMenus => _profile.Menus;

    /// <summary>The first command menu set (already, or within the wait) that <paramref name="match"/> accepts.</summary>
    /// <exception cref="TimeoutException">None came in time.</exception>
    public Task<FakeCommandMenu> WaitForCommandMenuAsync(Func<FakeCommandMenu, bool> match, TimeSpan? timeout = null) =>
        _profile.WaitForMenuAsync(match, timeout ?? DefaultWait);

    /// <summary>The bot's public name as it last set it (setMyName), or null.</summary>
    public string? BotName => _profile.Text("name");

    /// <summary>The bot's public description as it last set it (setMyDescription), or null.</summary>
    public string? BotDescription => _profile.Text("description");

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<FakeBotApiServer> StartAsync(FakeBotApiOptions? options = null, CancellationToken ct = default)
    {
        options ??= new FakeBotApiOptions();
        options.Validate();
        var bot = new User { Id = options.BotId, IsBot = true, FirstName = options.BotFirstName, Username = options.BotUsername, CanJoinGroups = true };
        var chats = new ChatBook(bot);
        var updates = new UpdateQueue();
        var callbacks = new CallbackLedger();
        var log = new RequestLog();
        var reachability = new FakeReachability();
        var stopping = new CancellationTokenSource();
        var profile = new ProfileBook();
        var files = new FileBook();
        var methods = new BotApiMethods(chats, updates, callbacks, profile, files, options.Time);
        var endpoint = new BotApiEndpoint(options, methods, updates, chats, log, reachability, files, stopping.Token);
        try
        {
            var (app, baseUrl) = await KestrelHost.StartAsync(endpoint.HandleAsync, options.EnableServerLogging, ct);
            return new FakeBotApiServer(options, app, baseUrl, stopping, chats, updates, callbacks, log, reachability, profile, files);
        }
        catch
        {
            stopping.Dispose();
            reachability.Dispose();
            throw;
        }
    }

    /// <summary>A person sends text in their private chat (chat id = user id); a leading "/command" gets a bot_command entity.</summary>
    public Update EnqueueMessage(long userId, string text, FakeUser? from = null, DateTimeOffset? date = null)
        => _inject.Message(userId, text, from, date);

    /// <summary>A person presses an inline button on bot message <paramref name="messageId"/> in their private chat.</summary>
    public Update EnqueueCallbackQuery(long userId, int messageId, string data, FakeUser? from = null)
        => _inject.CallbackQuery(userId, messageId, data, from);

    /// <summary>A person edits the text of their own earlier message.</summary>
    public Update EnqueueEditedMessage(long userId, int messageId, string newText, DateTimeOffset? editDate = null)
        => _inject.EditedMessage(userId, messageId, newText, editDate);

    /// <summary>A member writes in a group chat.</summary>
    public Update EnqueueGroupMessage(long chatId, long userId, string text, FakeUser? from = null, DateTimeOffset? date = null)
        => _inject.GroupMessage(chatId, userId, text, from, date);

    /// <summary>A post appears in a channel the bot is in.</summary>
    public Update EnqueueChannelPost(long chatId, string text, DateTimeOffset? date = null)
        => _inject.ChannelPost(chatId, text, date);

    /// <summary>A person sends a sticker.</summary>
    public Update EnqueueSticker(long userId, FakeUser? from = null, DateTimeOffset? date = null)
        => _inject.Sticker(userId, from, date);

    /// <summary>A person sends a file.</summary>
    public Update EnqueueDocumentFromUser(long userId, string fileName, FakeUser? from = null, DateTimeOffset? date = null)
        => _inject.Document(userId, fileName, from, date);

    /// <summary>A file the person sends with its bytes (a document, a photo or a voice note), which getFile and /file/bot{token}/{path} then serve.</summary>
    public Update EnqueueFileFromUser(long userId, FakeFileShape shape, ReadOnlyMemory<byte> content, string? fileName = null, string? mimeType = null, string? caption = null, FakeUser? from = null, DateTimeOffset? date = null)
        => _inject.File(userId, shape, fileName, content, mimeType, caption, from, date);

    /// <summary>A person shares a location, live for <paramref name="livePeriod"/> seconds when given.</summary>
    public Update EnqueueLocation(long userId, double latitude, double longitude, int? livePeriod = null, FakeUser? from = null, DateTimeOffset? date = null)
        => _inject.Location(userId, latitude, longitude, livePeriod, from, date);

    /// <summary>Queues a JSON object as an update exactly as written (adding update_id when absent), for shapes Telegram.Bot may not model.</summary>
    public void EnqueueRawUpdateJson(string json) => _inject.Raw(json);

    /// <summary>The chat as it happened: people's messages and presses, the bot's messages with their current text.</summary>
    public IReadOnlyList<FakeChatEntry> Transcript(long chatId) => _chats.Transcript(chatId);

    /// <summary>The bot's messages in the chat that are still visible.</summary>
    public IReadOnlyList<FakeChatEntry> BotMessagesTo(long chatId)
        => [.. _chats.Transcript(chatId).Where(e => e.Direction == Direction.FromBot && !e.Deleted)];

    /// <summary>How the bot answered a callback query, or null while unanswered.</summary>
    public FakeCallbackAnswer? CallbackAnswer(string callbackQueryId) => _callbacks.AnswerTo(callbackQueryId);

    /// <summary>
    /// The first visible bot message in the chat that matches (any, without <paramref name="match"/>), already there or yet to
    /// come, an edit included; throws <see cref="TimeoutException"/> with the transcript after <paramref name="timeout"/> (10 s).
    /// </summary>
    public Task<FakeChatEntry> WaitForBotMessageAsync(long chatId, Func<FakeChatEntry, bool>? match = null, TimeSpan? timeout = null)
        => _chats.WaitForBotMessageAsync(chatId, match ?? (_ => true), timeout ?? DefaultWait, () => RenderConversation(chatId, $"chat {chatId}"));

    /// <summary>Completes when getUpdates is next called: the sign that the bot is polling.</summary>
    public Task WaitForGetUpdatesAsync(TimeSpan? timeout = null) => _updates.WaitForPollAsync(timeout ?? DefaultWait);

    /// <summary>Completes when every update queued so far has been confirmed by a later getUpdates offset.</summary>
    public Task WaitUntilUpdatesConsumedAsync(TimeSpan? timeout = null) => _updates.WaitUntilConsumedAsync(timeout ?? DefaultWait);

    /// <summary>A readable transcript: "&gt; " for the person, "&lt; " for the bot, buttons in [brackets], edits and deletions marked.</summary>
    public string RenderConversation(long chatId, string title)
        => ConversationRenderer.Render(title, _chats.Transcript(chatId), _callbacks.Answers());

    /// <summary>Every call aimed at the chat fails with this error, as when a person blocks the bot, until <see cref="Unblock"/>.</summary>
    public void BlockChat(long chatId, int errorCode = 403, string description = "Forbidden: bot was blocked by the user")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(errorCode, 400);
        ArgumentException.ThrowIfNullOrEmpty(description);
        _chats.Block(chatId, errorCode, description);
    }

    /// <summary>Lets calls to the chat succeed again.</summary>
    public void Unblock(long chatId) => _chats.Unblock(chatId);

    /// <summary>False starts an outage: every call, long polls in flight included, ends with a dropped connection; true ends it.</summary>
    public void SetReachable(bool reachable) => _reachability.Set(reachable);

    /// <summary>From now on every call is answered 401 Unauthorized, as Telegram answers a token revoked in @BotFather.</summary>
    public void RevokeToken() => Options.TokenRevoked = true;

    /// <summary>Ends waiting long polls with an empty answer, then stops Kestrel.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
        _reachability.Dispose();
    }
}
