using DistressBot.Telegram;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DistressBot.Tests.Transport;

/// <summary>Send pacing and failure handling on a fake transport clock: Telegram's limits hold without waiting in real time.</summary>
public sealed class SendPacerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void TryTake_RightAfterStart_WaitsAFullWindow_BecauseAPredecessorMayHaveJustSentThirty()
    {
        var pacer = new SendPacer(_clock);

        Assert.False(pacer.TryTake(1, out var wait));
        Assert.Equal(Second, wait);

        _clock.Advance(wait);
        Assert.True(pacer.TryTake(1, out _));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(300)]
    public void TryTake_ManyChatsForTenSeconds_ThirtyTelegramCouldCountInAnyOneSecond_AtMost_WhateverTheRoundTrip(int roundTripMs)
    {
        var pacer = Warm(new SendPacer(_clock));
        var sends = SendToNewChats(pacer, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(roundTripMs));

        // Telegram counts a send when it arrives, anywhere between the take and the end of its request: even with every earlier
        // send arriving as late and every later one as early as it could, no second holds more than 30.
        for (var i = 30; i < sends.Count; i++)
        {
            Assert.True(sends[i].Taken >= sends[i - 30].Ended + Second, $"send {i} started {(sends[i].Taken - sends[i - 30].Ended).TotalMilliseconds} ms after send {i - 30} ended");
        }

        // And no slower than that allows: 30 per (one second plus the round trip of the send 30 back), or one send per round trip
        // (these sends go one after another), whichever is fewer.
        var roundTrip = roundTripMs / 1000.0;
        var expected = 10 * Math.Min(30 / (1 + roundTrip), 1 / roundTrip);
        Assert.InRange(sends.Count, (int)(expected * 0.95), 300);
    }

    [Fact]
    public void TryTake_OneChat_OneASecondCountedFromWhenTheLastRequestEnded_NoBurst()
    {
        var pacer = Warm(new SendPacer(_clock));

        Assert.True(pacer.TryTake(7, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(80)); // the round trip
        pacer.Ended(7);

        Assert.False(pacer.TryTake(7, out var wait));
        Assert.Equal(Second, wait); // a second from the end, not from the take: Telegram may have counted it as late as that
        Assert.Equal(Second, pacer.Wait(7));
        Assert.True(pacer.TryTake(8, out _)); // another chat is not held back by the first
        pacer.Ended(8);
        _clock.Advance(wait);
        Assert.True(pacer.TryTake(7, out _));
    }

    [Fact]
    public void RateLimited_ForOneChat_HoldsThatChatForRetryAfter_AndNoOtherChat()
    {
        var pacer = Warm(new SendPacer(_clock));
        Assert.True(pacer.TryTake(1, out _));

        pacer.RateLimited(1, TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Wait(1));
        Assert.Equal(TimeSpan.Zero, pacer.GlobalWait());
        Assert.True(pacer.TryTake(2, out _));
        pacer.Ended(2);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(pacer.TryTake(1, out _));
    }

    [Fact]
    public void RateLimited_ForTwoChatsInARow_HoldsEveryChat_ButNotWhenASendWasAcceptedBetween()
    {
        var pacer = Warm(new SendPacer(_clock));
        Take(pacer, 1);
        pacer.RateLimited(1, TimeSpan.FromSeconds(10));
        Take(pacer, 2);
        pacer.Ended(2); // accepted: the limit was chat 1's
        Take(pacer, 3);
        pacer.RateLimited(3, TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.Wait(4));

        Take(pacer, 4);
        pacer.RateLimited(4, TimeSpan.FromSeconds(20)); // two chats refused in a row: the bot's own limit

        Assert.Equal(TimeSpan.FromSeconds(20), pacer.GlobalWait());
        Assert.False(pacer.TryTake(5, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(20), wait);
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
    public void TryTake_ThousandsOfChatsOnceEach_ForgetsEachChatOnceItsSecondHasPassed_WithoutScanningThem()
    {
        var pacer = Warm(new SendPacer(_clock, globalPerSecond: 100_000, globalBurst: 100_000));
        for (long chat = 1; chat <= 20_000; chat++)
        {
            Take(pacer, chat);
            pacer.Ended(chat);
        }

        Assert.Equal(20_000, pacer.TrackedChats); // none has had its second yet: each still limits its chat
        Assert.False(pacer.TryTake(1, out _));

        _clock.Advance(Second);
        Take(pacer, 20_001);

        Assert.Equal(1, pacer.TrackedChats); // only the one just used
        Take(pacer, 2);
        pacer.Ended(2);
        Assert.False(pacer.TryTake(2, out _));
    }

    [Fact]
    public void GlobalWait_WhenThirtyEndedWithinTheSecond_SaysHowLong_AndZeroOnceItAllowsASend()
    {
        var pacer = Warm(new SendPacer(_clock));
        for (long chat = 1; chat <= 30; chat++)
        {
            Take(pacer, chat);
            pacer.Ended(chat);
        }

        Assert.Equal(Second, pacer.GlobalWait());
        _clock.Advance(Second);
        Assert.Equal(TimeSpan.Zero, pacer.GlobalWait());
    }

    [Fact]
    public void Constructor_ARateOrBurstThatCannotWork_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPacer(_clock, globalPerSecond: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPacer(_clock, globalBurst: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPacer(_clock, chatBurst: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPacer(_clock, chatPerSecond: -1));
    }

    // Sends one message to a new chat whenever the pacer allows, each request taking `roundTrip`, for `duration`.
    private List<(DateTimeOffset Taken, DateTimeOffset Ended)> SendToNewChats(SendPacer pacer, TimeSpan duration, TimeSpan roundTrip)
    {
        var sends = new List<(DateTimeOffset Taken, DateTimeOffset Ended)>();
        var end = _clock.GetUtcNow() + duration;
        long chat = 100;
        while (_clock.GetUtcNow() < end)
        {
            if (pacer.TryTake(++chat, out var wait))
            {
                var taken = _clock.GetUtcNow();
                _clock.Advance(roundTrip);
                pacer.Ended(chat);
                sends.Add((taken, _clock.GetUtcNow()));
            }
            else
            {
                _clock.Advance(wait);
            }
        }

        return sends;
    }

    private static void Take(SendPacer pacer, long chat) => Assert.True(pacer.TryTake(chat, out _), $"chat {chat} was held back");

    // The overall window starts full (a predecessor may have just sent): wait it out once.
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
