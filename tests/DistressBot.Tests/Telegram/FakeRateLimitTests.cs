using DistressBot.Telegram.FakeApi;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace DistressBot.Tests.Telegram;

/// <summary>The fake Bot API's mode that enforces Telegram's flood limits (30 a second overall, 1 a second per chat), on a fake transport clock.</summary>
public sealed class FakeRateLimitTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _transport = new(Start);
    private readonly HttpClient _http = new();
    private FakeBotApiServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { TransportTime = _transport, RateLimits = FakeRateLimits.Telegram });

        // Telegram.Bot would wait out a short retry_after itself: these tests look at the 429.
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 }, _http);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SendMessage_SecondToTheSameChatWithinASecond_Gets429WithRetryAfterAndIsNotDelivered()
    {
        await _bot.SendMessage(1001, "first");
        _transport.Advance(TimeSpan.FromMilliseconds(400));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(1001, "second"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters!.RetryAfter);
        Assert.Equal(["first"], _server.BotMessagesTo(1001).Select(m => m.Text));
    }

    [Fact]
    public async Task SendMessage_SameChatAfterASecond_IsAccepted()
    {
        await _bot.SendMessage(1001, "first");
        _transport.Advance(TimeSpan.FromSeconds(1));

        await _bot.SendMessage(1001, "second");

        Assert.Equal(["first", "second"], _server.BotMessagesTo(1001).Select(m => m.Text));
        Assert.DoesNotContain(_server.Requests, r => r.StatusCode == 429);
    }

    [Fact]
    public async Task SendMessage_ThirtyFirstChatWithinOneSecond_Gets429UntilTheWindowMoves()
    {
        for (var chat = 1; chat <= 30; chat++)
        {
            await _bot.SendMessage(chat, "hello");
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(31, "hello"));
        Assert.Equal(429, error.ErrorCode);
        Assert.Empty(_server.BotMessagesTo(31));

        _transport.Advance(TimeSpan.FromSeconds(1));
        await _bot.SendMessage(31, "hello");
        Assert.Single(_server.BotMessagesTo(31));
        Assert.Equal(1, _server.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task GetUpdates_ManyWithinASecond_AreNeverLimited()
    {
        for (var i = 0; i < 40; i++)
        {
            await _bot.GetUpdates(timeout: 0);
        }

        Assert.DoesNotContain(_server.Requests, r => r.StatusCode == 429);
    }

    [Fact]
    public async Task RateLimits_NotSet_ManySendsToOneChatAreAllAccepted()
    {
        await using var unlimited = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { TransportTime = _transport });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(unlimited.Token, unlimited.BaseUrl.ToString()) { RetryThreshold = 0 }, _http);

        for (var i = 0; i < 5; i++)
        {
            await bot.SendMessage(1001, "hello");
        }

        Assert.Equal(5, unlimited.BotMessagesTo(1001).Count);
        Assert.DoesNotContain(unlimited.Requests, r => r.StatusCode == 429);
    }
}
