using System.Diagnostics;
using System.Net;
using System.Text;
using DistressBot.Telegram.FakeApi;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DistressBot.Tests.Telegram;

/// <summary>The fake Bot API, driven by the real Telegram.Bot client over HTTP.</summary>
public sealed class FakeBotApiServerTests : IAsyncLifetime, IDisposable
{
    private const long Alice = 1001;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly HttpClient _http = new();
    private FakeBotApiServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = _time, BotUsername = "checkin_bot" });
        _bot = Client(_server.Token);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Transcript_EntriesAcrossChats_CarryTheOrderTheyWereRecordedIn()
    {
        // Telegram dates are whole seconds, the bot's own sends are not: only the recorded order tells what came first.
        const long Bob = 1002;
        _server.EnqueueMessage(Alice, "first");
        await _bot.SendMessage(Alice, "second");
        _server.EnqueueMessage(Bob, "third");
        await _bot.SendMessage(Bob, "fourth");

        var entries = _server.Transcript(Alice).Concat(_server.Transcript(Bob)).OrderBy(e => e.Sequence).Select(e => e.Text);

        Assert.Equal(["first", "second", "third", "fourth"], entries);
    }

    [Fact]
    public async Task GetMe_ReturnsTheBotUser()
    {
        var me = await _bot.GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(123456, me.Id);
        Assert.Equal("checkin_bot", me.Username);
        Assert.StartsWith("http://127.0.0.1:", _server.BaseUrl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUpdates_AfterEnqueueMessage_ReturnsItWithCommandEntityAndDate()
    {
        var sentAt = Start.AddMinutes(-7);
        var queued = _server.EnqueueMessage(Alice, "/checkin now", new FakeUser(Alice, "Alice", "ru", "alice"), sentAt);

        var updates = await _bot.GetUpdates();

        var update = Assert.Single(updates);
        Assert.Equal(queued.Id, update.Id);
        var message = update.Message!;
        Assert.Equal("/checkin now", message.Text);
        Assert.Equal(Alice, message.Chat.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal("ru", message.From!.LanguageCode);
        Assert.Equal(sentAt.UtcDateTime, message.Date);
        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal((0, 8), (entity.Offset, entity.Length));
    }

    [Fact]
    public async Task GetUpdates_PlainTextWithoutDate_HasNoEntitiesAndServerTime()
    {
        _server.EnqueueMessage(Alice, "hello");

        var message = Assert.Single(await _bot.GetUpdates()).Message!;

        Assert.Null(message.Entities);
        Assert.Equal(Start.UtcDateTime, message.Date);
    }

    [Fact]
    public async Task GetUpdates_WithOffsetPastAnUpdate_ConfirmsIt()
    {
        var first = _server.EnqueueMessage(Alice, "one");
        var second = _server.EnqueueMessage(Alice, "two");
        var consumed = _server.WaitUntilUpdatesConsumedAsync();

        Assert.Equal([first.Id, second.Id], (await _bot.GetUpdates()).Select(u => u.Id));
        Assert.Equal([second.Id], (await _bot.GetUpdates(offset: first.Id + 1)).Select(u => u.Id));
        Assert.False(consumed.IsCompleted);
        Assert.Empty(await _bot.GetUpdates(offset: second.Id + 1));

        await consumed;
    }

    [Fact]
    public async Task GetUpdates_WithNegativeOffset_ForgetsAllButTheLast()
    {
        _server.EnqueueMessage(Alice, "one");
        _server.EnqueueMessage(Alice, "two");
        var last = _server.EnqueueMessage(Alice, "three");

        Assert.Equal([last.Id], (await _bot.GetUpdates(offset: -1)).Select(u => u.Id));
        Assert.Equal([last.Id], (await _bot.GetUpdates()).Select(u => u.Id));
    }

    [Fact]
    public async Task GetUpdates_WithLimit_ReturnsTheOldestFirst()
    {
        var first = _server.EnqueueMessage(Alice, "one");
        _server.EnqueueMessage(Alice, "two");

        Assert.Equal([first.Id], (await _bot.GetUpdates(limit: 1)).Select(u => u.Id));
    }

    [Fact]
    public async Task GetUpdates_LongPoll_WakesOnEnqueueLongBeforeItsTimeout()
    {
        var polled = _server.WaitForGetUpdatesAsync();
        var poll = _bot.GetUpdates(timeout: 30);
        await polled;
        Assert.False(poll.IsCompleted);
        var clock = Stopwatch.StartNew();

        _server.EnqueueMessage(Alice, "wake up");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("wake up", Assert.Single(updates).Message!.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DisposeAsync_WithLongPollWaiting_EndsItPromptly()
    {
        var polled = _server.WaitForGetUpdatesAsync();
        var poll = _bot.GetUpdates(timeout: 30);
        await polled;

        await _server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        // Either an empty answer or a closed connection is a prompt end; what matters is that it did not wait 30 s.
        var outcome = await Record.ExceptionAsync(() => poll.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.IsNotType<TimeoutException>(outcome);
    }

    [Fact]
    public async Task SendMessage_WithInlineKeyboard_AppearsInTranscriptWithButtons()
    {
        _server.EnqueueMessage(Alice, "/start");
        var keyboard = new InlineKeyboardMarkup([
            [InlineKeyboardButton.WithCallbackData("I'm OK", "ok"), InlineKeyboardButton.WithCallbackData("Help", "help")],
            [InlineKeyboardButton.WithCallbackData("Later", "later")],
        ]);

        var sent = await _bot.SendMessage(Alice, "Are you OK?", ParseMode.Html, replyMarkup: keyboard, protectContent: true);

        Assert.Equal(2, sent.Id); // the person's /start took id 1: one counter per chat, both sides
        Assert.Equal(_server.BotId, sent.From!.Id);
        Assert.Equal(Start.UtcDateTime, sent.Date);
        Assert.Equal("ok", sent.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        var transcript = _server.Transcript(Alice);
        Assert.Equal([Direction.FromUser, Direction.FromBot], transcript.Select(e => e.Direction));
        var entry = transcript[1];
        Assert.Equal("Are you OK?", entry.Text);
        Assert.Equal("HTML", entry.ParseMode);
        Assert.True(entry.ProtectContent);
        Assert.Equal(
            [[new FakeInlineButton("I'm OK", "ok"), new FakeInlineButton("Help", "help")], [new FakeInlineButton("Later", "later")]],
            entry.InlineKeyboard.Select(row => row.ToArray()).ToArray());
        Assert.Equal(sent.Id, (await _server.WaitForBotMessageAsync(Alice, e => e.Text == "Are you OK?")).MessageId);
    }

    [Fact]
    public async Task SendMessage_WithReplyKeyboardThenRemoval_RecordsBoth()
    {
        await _bot.SendMessage(Alice, "Pick", replyMarkup: new ReplyKeyboardMarkup([["Yes", "No"]]));
        await _bot.SendMessage(Alice, "Thanks", replyMarkup: new ReplyKeyboardRemove());

        var messages = _server.BotMessagesTo(Alice);
        Assert.Equal([["Yes", "No"]], messages[0].ReplyKeyboard.Select(r => r.ToArray()).ToArray());
        Assert.True(messages[1].RemovesReplyKeyboard);
        Assert.Empty(messages[0].InlineKeyboard);
    }

    [Fact]
    public async Task EditMessageText_ChangesTextAndCountsEdits()
    {
        var sent = await _bot.SendMessage(Alice, "Waiting...", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Cancel", "cancel")));
        var recorded = _server.WaitForBotMessageAsync(Alice, e => e.Text == "Check-in recorded");
        Assert.False(recorded.IsCompleted);

        var edited = await _bot.EditMessageText(Alice, sent.Id, "Check-in recorded");

        Assert.Equal("Check-in recorded", edited.Text);
        Assert.NotNull(edited.EditDate);
        var entry = await recorded;
        Assert.Equal(sent.Id, entry.MessageId);
        Assert.Equal(1, entry.EditCount);
        Assert.Empty(entry.InlineKeyboard); // an edit that does not repeat the keyboard drops it, as in Telegram
    }

    [Fact]
    public async Task EditMessageText_SameTextAndMarkup_ThrowsNotModified400()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("OK", "ok"));
        var sent = await _bot.SendMessage(Alice, "Same", replyMarkup: keyboard);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(Alice, sent.Id, "Same", replyMarkup: keyboard));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: message is not modified", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Transcript(Alice).Single().EditCount);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_RemovingKeyboard_CountsAnEdit()
    {
        var sent = await _bot.SendMessage(Alice, "Choose", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("A", "a")));

        await _bot.EditMessageReplyMarkup(Alice, sent.Id, replyMarkup: null);

        var entry = _server.BotMessagesTo(Alice).Single();
        Assert.Empty(entry.InlineKeyboard);
        Assert.Equal(1, entry.EditCount);
        Assert.Equal("Choose", entry.Text);
    }

    [Fact]
    public async Task EditMessageText_UnknownMessage_Throws400NotFound()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(Alice, 77, "x"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message to edit not found", error.Message);
    }

    [Fact]
    public async Task DeleteMessage_MarksDeletedAndHidesFromBotMessages()
    {
        var keep = await _bot.SendMessage(Alice, "keep");
        var gone = await _bot.SendMessage(Alice, "gone");

        await _bot.DeleteMessage(Alice, gone.Id);

        Assert.Equal([keep.Id], _server.BotMessagesTo(Alice).Select(e => e.MessageId));
        Assert.True(_server.Transcript(Alice).Single(e => e.MessageId == gone.Id).Deleted);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.DeleteMessage(Alice, gone.Id));
        Assert.Equal("Bad Request: message to delete not found", again.Message);
    }

    [Fact]
    public async Task DeleteMessages_MarksEachDeleted()
    {
        var one = await _bot.SendMessage(Alice, "one");
        var two = await _bot.SendMessage(Alice, "two");

        await _bot.DeleteMessages(Alice, [one.Id, two.Id, 999]);

        Assert.Empty(_server.BotMessagesTo(Alice));
    }

    [Fact]
    public async Task DeleteMessages_OlderThan48Hours_StaysInTheChat_AsTelegramRefuses()
    {
        var old = await _bot.SendMessage(Alice, "old");
        _time.Advance(TimeSpan.FromHours(47));
        var recent = await _bot.SendMessage(Alice, "recent");
        _time.Advance(TimeSpan.FromHours(1));

        await _bot.DeleteMessages(Alice, [old.Id, recent.Id]);

        Assert.Equal([old.Id], _server.BotMessagesTo(Alice).Select(e => e.MessageId));
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.DeleteMessage(Alice, old.Id));
        Assert.Equal("Bad Request: message can't be deleted for everyone", refused.Message);
        Assert.False(_server.Transcript(Alice).Single(e => e.MessageId == old.Id).Deleted);
    }

    [Fact]
    public async Task DeleteMessages_APersonsMessage_LeavesTheTranscriptShowingOnlyTheRest()
    {
        var update = _server.EnqueueMessage(Alice, "a secret");
        var reply = await _bot.SendMessage(Alice, "reply");

        await _bot.DeleteMessages(Alice, [update.Message!.Id]);

        var visible = _server.Transcript(Alice).Where(e => !e.Deleted).Select(e => e.MessageId).ToList();
        Assert.Equal([reply.Id], visible);
    }

    [Fact]
    public async Task AnswerCallbackQuery_AfterButtonPress_IsRecorded()
    {
        var sent = await _bot.SendMessage(Alice, "Are you OK?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("I'm OK", "ok")));
        _server.EnqueueCallbackQuery(Alice, sent.Id, "ok");

        var query = Assert.Single(await _bot.GetUpdates()).CallbackQuery!;
        await _bot.AnswerCallbackQuery(query.Id, "Noted", showAlert: true);

        Assert.Equal("ok", query.Data);
        Assert.Equal(sent.Id, query.Message!.Id);
        Assert.Equal("Are you OK?", query.Message.Text);
        Assert.Equal(new FakeCallbackAnswer(query.Id, "Noted", true), _server.CallbackAnswer(query.Id));
        var press = _server.Transcript(Alice)[^1];
        Assert.Equal((FakeEntryKind.ButtonPress, "ok"), (press.Kind, press.CallbackData));
        await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery(query.Id));
    }

    [Fact]
    public async Task SendDocument_WithStream_RecordsNameBytesAndCaption()
    {
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF];
        using var content = new MemoryStream(bytes);

        var sent = await _bot.SendDocument(Alice, InputFile.FromStream(content, "case-17.pdf"), caption: "Case file");

        Assert.Equal("case-17.pdf", sent.Document!.FileName);
        Assert.Equal("Case file", sent.Caption);
        var document = _server.BotMessagesTo(Alice).Single().Document!;
        Assert.Equal("case-17.pdf", document.FileName);
        Assert.Equal(bytes, document.Content.ToArray());
        Assert.Equal("Case file", document.Caption);
    }

    [Fact]
    public async Task SendDocument_WithProtectContent_RecordsItAsTheRealBotApiWould()
    {
        using var content = new MemoryStream([1, 2, 3]);

        await _bot.SendDocument(Alice, InputFile.FromStream(content, "C-0042.zip"), protectContent: true);

        var entry = _server.BotMessagesTo(Alice).Single();
        Assert.Equal(FakeEntryKind.Document, entry.Kind);
        Assert.True(entry.ProtectContent);
        Assert.Null(entry.Text); // no caption sent, none recorded
    }

    [Fact]
    public async Task SendDocument_CaptionOver1024Characters_Throws400AndSendsNothing()
    {
        using var content = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(Alice, InputFile.FromStream(content, "a.zip"), caption: new string('x', 1025)));

        Assert.Equal((400, "Bad Request: message caption is too long"), (error.ErrorCode, error.Message));
        Assert.Empty(_server.Transcript(Alice));
    }

    [Fact]
    public async Task SendDocument_EmptyFile_Throws400AndSendsNothing()
    {
        using var content = new MemoryStream();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(Alice, InputFile.FromStream(content, "a.zip")));

        Assert.Equal((400, "Bad Request: file must be non-empty"), (error.ErrorCode, error.Message));
        Assert.Empty(_server.Transcript(Alice));
    }

    [Fact]
    public async Task SendDocument_AtTheUploadLimit_IsTaken_AndABodyOverTheLimitIs413()
    {
        var limit = new byte[50 * 1024 * 1024];
        limit[^1] = 7;
        using (var content = new MemoryStream(limit))
        {
            await _bot.SendDocument(Alice, InputFile.FromStream(content, "big.zip"));
        }

        using var over = new MemoryStream(new byte[(51 * 1024 * 1024) + 1]);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(Alice, InputFile.FromStream(over, "bigger.zip")));

        Assert.Equal((413, "Request Entity Too Large"), (error.ErrorCode, error.Message));
        var taken = Assert.Single(_server.BotMessagesTo(Alice)).Document!;
        Assert.Equal(limit.Length, taken.Content.Length);
        Assert.Equal(7, taken.Content.Span[^1]);
    }

    [Fact]
    public async Task SendDocument_ToAChatTelegramDoesNotKnow_Throws400ChatNotFound()
    {
        _server.BlockChat(Alice, 400, "Bad Request: chat not found");
        using var content = new MemoryStream([1]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(Alice, InputFile.FromStream(content, "a.zip")));

        Assert.Equal((400, "Bad Request: chat not found"), (error.ErrorCode, error.Message));
        Assert.Empty(_server.Transcript(Alice));
    }

    [Fact]
    public async Task AnyMethod_WithWrongToken_Throws401()
    {
        var stranger = Client("999:WRONG");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task SendMessage_ToBlockedChat_Throws403AndLeavesNoTrace()
    {
        _server.BlockChat(Alice);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(Alice, "hello?"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Empty(_server.Transcript(Alice));
        _server.Unblock(Alice);
        await _bot.SendMessage(Alice, "hello again");
        Assert.Single(_server.BotMessagesTo(Alice));
    }

    [Fact]
    public async Task SendMessage_WithTooManyRequestsFault_Throws429WithRetryAfter()
    {
        _server.Faults.TooManyRequestsProbability = 1;
        _server.Faults.RetryAfter = TimeSpan.FromSeconds(7);
        var noRetries = Client(_server.Token, retry: false);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => noRetries.SendMessage(Alice, "flood"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters!.RetryAfter);
        Assert.Empty(_server.Transcript(Alice));
        Assert.Equal(("sendMessage", (long?)Alice, 429), (_server.Requests[^1].Method, _server.Requests[^1].ChatId, _server.Requests[^1].StatusCode));
        Assert.Empty(await noRetries.GetUpdates()); // getUpdates is not a sending method: no fault
    }

    [Fact]
    public async Task SendMessage_WithServerErrorFault_Throws502()
    {
        _server.Faults.ServerErrorProbability = 1;

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(Alice, "x"));

        Assert.Equal((502, "Bad Gateway"), (error.ErrorCode, error.Message));
        Assert.Empty(_server.Transcript(Alice));
    }

    [Fact]
    public async Task SendMessage_WithAbortFault_FailsAsConnectionError()
    {
        _server.Faults.AbortProbability = 1;

        await Assert.ThrowsAsync<RequestException>(() => _bot.SendMessage(Alice, "x"));

        Assert.Empty(_server.Transcript(Alice));
        Assert.Equal(0, _server.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task SendMessage_WithDelayFault_TimesOutTheClientAndIsNotApplied()
    {
        _server.Faults.DelayProbability = 1;
        _server.Faults.Delay = TimeSpan.FromSeconds(30);
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()), impatient);

        var error = await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(Alice, "slow"));

        Assert.Contains("timed out", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_server.Transcript(Alice));
    }

    [Fact]
    public async Task ReceiveAsync_PollingLoop_GetsUpdatesAndConfirmsThem()
    {
        using var stop = new CancellationTokenSource();
        var polled = _server.WaitForGetUpdatesAsync();
        var loop = _bot.ReceiveAsync(
            async (bot, update, ct) => await bot.SendMessage(update.Message!.Chat, "echo: " + update.Message.Text, cancellationToken: ct),
            (_, _, _) => Task.CompletedTask,
            cancellationToken: stop.Token);
        await polled;

        _server.EnqueueMessage(Alice, "/start");
        var reply = await _server.WaitForBotMessageAsync(Alice);
        await _server.WaitUntilUpdatesConsumedAsync();
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("echo: /start", reply.Text);
    }

    [Fact]
    public async Task AnyMethod_DuringOutage_FailsUntilReachableAgain()
    {
        _server.SetReachable(false);
        await Assert.ThrowsAsync<RequestException>(() => _bot.GetMe());

        _server.SetReachable(true);
        Assert.True((await _bot.GetMe()).IsBot);
    }

    [Fact]
    public async Task Outage_WithLongPollWaiting_DropsIt()
    {
        var polled = _server.WaitForGetUpdatesAsync();
        var poll = _bot.GetUpdates(timeout: 30);
        await polled;

        _server.SetReachable(false);

        await Assert.ThrowsAsync<RequestException>(() => poll.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task EnqueueRawUpdateJson_UnknownKind_IsDeliveredAsWrittenWithAnId()
    {
        _server.EnqueueMessage(Alice, "before");
        _server.EnqueueRawUpdateJson("""{"mystery_kind":{"field":[1,2,3]}}""");

        var raw = await PostRawAsync("getUpdates", """{"offset":2}""");
        var update = Assert.Single(await _bot.GetUpdates(offset: 2));

        Assert.Contains("""{"mystery_kind":{"field":[1,2,3]},"update_id":2}""", raw, StringComparison.Ordinal);
        Assert.Equal(2, update.Id);
        Assert.Equal(UpdateType.Unknown, update.Type);
    }

    [Fact]
    public async Task UnknownMethod_Answers404MethodNotFound()
    {
        var raw = await PostRawAsync("sendTelepathy", "{}", HttpStatusCode.NotFound);

        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found: method not found"}""", raw);
    }

    [Fact]
    public async Task MalformedBody_Answers400WithDescription()
    {
        var raw = await PostRawAsync("sendMessage", "{\"chat_id\":", HttpStatusCode.BadRequest);

        Assert.Contains("\"description\":\"Bad Request: can't parse JSON object", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWithQueryString_IsServedLikeJson()
    {
        using var response = await _http.GetAsync(new Uri(MethodUri("sendMessage") + "?chat_id=1001&text=from%20a%20query"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from a query", _server.BotMessagesTo(Alice).Single().Text);
    }

    [Fact]
    public async Task FormEncodedSendMessage_IsServedLikeJson()
    {
        using var form = new FormUrlEncodedContent([new("chat_id", "1001"), new("text", "from a form")]);
        using var response = await _http.PostAsync(MethodUri("sendMessage"), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from a form", _server.BotMessagesTo(Alice).Single().Text);
    }

    [Fact]
    public async Task WaitForBotMessageAsync_WhenNothingMatches_TimesOutWithTranscript()
    {
        _server.EnqueueMessage(Alice, "/checkin");
        await _bot.SendMessage(Alice, "Something else");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _server.WaitForBotMessageAsync(Alice, e => e.Text == "never", TimeSpan.FromMilliseconds(50)));

        Assert.Contains("> /checkin", error.Message, StringComparison.Ordinal);
        Assert.Contains("< Something else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderConversation_ShowsBothSidesButtonsAndEdits()
    {
        _server.EnqueueMessage(Alice, "/checkin");
        var sent = await _bot.SendMessage(Alice, "Check-in recorded.", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Undo", "undo")));
        _server.EnqueueCallbackQuery(Alice, sent.Id, "undo");
        await _bot.EditMessageText(Alice, sent.Id, "Check-in undone.");

        var text = _server.RenderConversation(Alice, "Alice");

        Assert.Equal(
            "== Alice ==\n> /checkin\n< (edited) Check-in undone.\n> pressed [Undo]\n",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task EnqueueKinds_ProduceTheMatchingUpdateTypes()
    {
        var first = _server.EnqueueMessage(Alice, "hi");
        _server.EnqueueEditedMessage(Alice, first.Message!.Id, "hi there");
        _server.EnqueueGroupMessage(-500, Alice, "group hi");
        _server.EnqueueChannelPost(-1009, "news");
        _server.EnqueueSticker(Alice);
        _server.EnqueueDocumentFromUser(Alice, "notes.txt");
        _server.EnqueueLocation(Alice, 55.75, 37.62, livePeriod: 900);

        var updates = await _bot.GetUpdates();

        Assert.Equal(
            [UpdateType.Message, UpdateType.EditedMessage, UpdateType.Message, UpdateType.ChannelPost, UpdateType.Message, UpdateType.Message, UpdateType.Message],
            updates.Select(u => u.Type));
        Assert.Equal("hi there", updates[1].EditedMessage!.Text);
        Assert.Equal(ChatType.Group, updates[2].Message!.Chat.Type);
        Assert.Null(updates[3].ChannelPost!.From);
        Assert.Equal(MessageType.Sticker, updates[4].Message!.Type);
        Assert.Equal("notes.txt", updates[5].Message!.Document!.FileName);
        Assert.Equal(900, updates[6].Message!.Location!.LivePeriod);
        Assert.Equal(1, _server.Transcript(Alice)[0].EditCount);
    }

    private TelegramBotClient Client(string token, bool retry = true)
    {
        // Telegram.Bot retries a 429 itself when retry_after is under its threshold; tests of the 429 itself turn that off.
        var options = new TelegramBotClientOptions(token, _server.BaseUrl.ToString());
        if (!retry)
        {
            options.RetryThreshold = 0;
        }

        return new TelegramBotClient(options, _http);
    }

    private async Task<string> PostRawAsync(string method, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(MethodUri(method), body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // Built as a string: a relative "bot123456:..." would parse as a URI scheme.
    private Uri MethodUri(string method) => new($"{_server.BaseUrl}bot{_server.Token}/{method}");
}
