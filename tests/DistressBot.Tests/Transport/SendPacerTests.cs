using DistressBot.Telegram;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DistressBot.Tests.Transport;

/// <summary>Send pacing and failure handling on a fake transport clock: Telegram's limits hold without waiting in real time.</summary>
public sealed class SendPacerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryTake_RightAfterStart_Waits_BecauseAPredecessorMayHaveJustSent()
    {
        var pacer = new SendPacer(_clock);

        Assert.False(pacer.TryTake(1, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 25), wait);

        _clock.Advance(wait);
        Assert.True(pacer.TryTake(1, out _));
    }

    [Fact]
    public void TryTake_ManyChatsForTenSeconds_NeverLetsMoreThanThirtyThroughInAnyOneSecond()
    {
        var pacer = new SendPacer(_clock);
        var sent = new List<DateTimeOffset>();
        var end = _clock.GetUtcNow().AddSeconds(10);
        long chat = 0;
        while (_clock.GetUtcNow() < end)
        {
            if (pacer.TryTake(++chat, out var wait))
            {
                sent.Add(_clock.GetUtcNow());
            }
            else
            {
                _clock.Advance(wait);
            }
        }

        Assert.InRange(sent.Count, 240, 260);
        Assert.All(sent, at => Assert.InRange(sent.Count(s => s >= at && s < at.AddSeconds(1)), 1, 30));
    }

    [Fact]
    public void TryTake_OneChat_BurstOfThreeThenOnePerSecond()
    {
        var pacer = Warm(new SendPacer(_clock, globalPerSecond: 1000, globalBurst: 1000));

        Assert.True(pacer.TryTake(7, out _));
        Assert.True(pacer.TryTake(7, out _));
        Assert.True(pacer.TryTake(7, out _));
        Assert.False(pacer.TryTake(7, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.True(pacer.TryTake(8, out _)); // another chat is not held back by the first
    }

    [Fact]
    public void PauseUntil_HoldsEveryChat_AndAnEarlierPauseDoesNotShortenIt()
    {
        var pacer = Warm(new SendPacer(_clock));
        var until = _clock.GetUtcNow().AddSeconds(30);

        pacer.PauseUntil(until);
        pacer.PauseUntil(until.AddSeconds(-20));

        Assert.False(pacer.TryTake(1, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.False(pacer.TryTake(2, out _));
        _clock.Advance(wait);
        Assert.True(pacer.TryTake(1, out _));
    }

    [Fact]
    public void TryTake_ThousandsOfChatsOnceEach_ForgetsEachBucketOnceItHasRefilled_WithoutScanningThem()
    {
        var pacer = Warm(new SendPacer(_clock, globalPerSecond: 100_000, globalBurst: 100_000));
        for (long chat = 1; chat <= 20_000; chat++)
        {
            Assert.True(pacer.TryTake(chat, out _));
        }

        Assert.Equal(20_000, pacer.TrackedChats); // none has refilled yet: each still limits its chat
        Assert.False(pacer.TryTake(1, out _) && pacer.TryTake(1, out _) && pacer.TryTake(1, out _));

        _clock.Advance(TimeSpan.FromSeconds(3)); // three tokens at one a second: every bucket is full again
        Assert.True(pacer.TryTake(20_001, out _));

        Assert.Equal(1, pacer.TrackedChats); // only the one just used; a forgotten chat starts again with a full burst
        Assert.True(pacer.TryTake(2, out _) && pacer.TryTake(2, out _) && pacer.TryTake(2, out _));
        Assert.False(pacer.TryTake(2, out _));
    }

    [Fact]
    public void GlobalWait_WhenTheGlobalBucketIsEmpty_SaysHowLong_AndZeroOnceItAllowsASend()
    {
        var pacer = new SendPacer(_clock);

        Assert.Equal(TimeSpan.FromSeconds(1.0 / 25), pacer.GlobalWait());
        _clock.Advance(TimeSpan.FromSeconds(1.0 / 25));
        Assert.Equal(TimeSpan.Zero, pacer.GlobalWait());
    }

    // The buckets start counting at the first attempt (the global one empty): one refused attempt, then time to fill.
    private SendPacer Warm(SendPacer pacer)
    {
        Assert.False(pacer.TryTake(0, out _));
        _clock.Advance(TimeSpan.FromSeconds(5));
        return pacer;
    }

    public static TheoryData<int, string, int?, SendFailureKind, int> Failures => new()
    {
        { 429, "Too Many Requests: retry after 12", 12, SendFailureKind.RateLimited, 12 },
        { 429, "Too Many Requests", null, SendFailureKind.RateLimited, 5 },
        { 429, "Too Many Requests: retry after 0", 0, SendFailureKind.RateLimited, 1 },
        { 500, "Internal Server Error", null, SendFailureKind.Transient, 0 },
        { 502, "Bad Gateway", null, SendFailureKind.Transient, 0 },
        { 401, "Unauthorized", null, SendFailureKind.Transient, 0 },
        { 403, "Forbidden: bot was blocked by the user", null, SendFailureKind.Permanent, 0 },
        { 400, "Bad Request: chat not found", null, SendFailureKind.Permanent, 0 },
        { 400, "Bad Request: user is deactivated", null, SendFailureKind.Permanent, 0 },
        { 400, "Bad Request: message is too long", null, SendFailureKind.Rejected, 0 },
        { 400, "Bad Request: message to edit not found", null, SendFailureKind.Rejected, 0 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_ApiErrors(int code, string description, int? retryAfter, SendFailureKind kind, int waitSeconds)
    {
        var error = new ApiRequestException(description, code, retryAfter is { } s ? new ResponseParameters { RetryAfter = s } : null);

        Assert.Equal((kind, TimeSpan.FromSeconds(waitSeconds)), SendFailure.Classify(error));
    }

    [Fact]
    public void Classify_NetworkFailure_IsTransient()
    {
        Assert.Equal((SendFailureKind.Transient, TimeSpan.Zero), SendFailure.Classify(new HttpRequestException("connection refused")));
        Assert.Equal((SendFailureKind.Transient, TimeSpan.Zero), SendFailure.Classify(new TaskCanceledException()));
    }
}
