using DistressBot.Transport;

namespace DistressBot.Tests.Health;

/// <summary>A revoked bot token (401) is said once and asked again only every 10 minutes; other failures keep the short backoff.</summary>
public sealed class TelegramLinkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failed_401_WaitsTenMinutes_AndIsNewsOnlyTheFirstTime()
    {
        var link = new TelegramLink();

        var first = link.Failed(TelegramErrorClass.Unauthorized, T0, TimeSpan.FromSeconds(2));
        var second = link.Failed(TelegramErrorClass.Unauthorized, T0.AddMinutes(10), TimeSpan.FromSeconds(4));

        Assert.Equal(new PollFailureVerdict(TimeSpan.FromMinutes(10), TokenNewlyRevoked: true), first);
        Assert.Equal(new PollFailureVerdict(TimeSpan.FromMinutes(10), TokenNewlyRevoked: false), second);
        Assert.Equal(new TelegramLinkState(null, TelegramErrorClass.Unauthorized, T0, TokenRevoked: true), link.State);
    }

    [Fact]
    public void Answered_AfterA401_SaysTheTokenWorksAgain_AndClearsTheFailure()
    {
        var link = new TelegramLink();
        link.Failed(TelegramErrorClass.Unauthorized, T0, TimeSpan.FromSeconds(2));

        var wasRevoked = link.Answered(T0.AddMinutes(20));
        var again = link.Answered(T0.AddMinutes(21));

        Assert.True(wasRevoked);
        Assert.False(again);
        Assert.Equal(new TelegramLinkState(T0.AddMinutes(21), null, null, TokenRevoked: false), link.State);
    }

    [Fact]
    public void Failed_NetworkOr5xx_KeepsTheBackoff_AndTheFirstFailureTime_NeverSaysRevoked()
    {
        var link = new TelegramLink();
        link.Answered(T0);

        var network = link.Failed(TelegramErrorClass.Network, T0.AddSeconds(10), TimeSpan.FromSeconds(2));
        var server = link.Failed(TelegramErrorClass.ServerError, T0.AddSeconds(20), TimeSpan.FromSeconds(4));

        Assert.Equal(new PollFailureVerdict(TimeSpan.FromSeconds(2), false), network);
        Assert.Equal(new PollFailureVerdict(TimeSpan.FromSeconds(4), false), server);
        Assert.Equal(new TelegramLinkState(T0, TelegramErrorClass.ServerError, T0.AddSeconds(10), TokenRevoked: false), link.State);
    }

    [Theory]
    [InlineData(401, "401")]
    [InlineData(403, "403")]
    [InlineData(400, "400")]
    [InlineData(404, "400")]
    [InlineData(429, "429")]
    [InlineData(502, "5xx")]
    public void Classify_ByStatusCode_GivesTheTagWord(int code, string word) =>
        Assert.Equal(word, TelegramErrors.Word(TelegramErrors.Classify(code, new InvalidOperationException())));

    [Fact]
    public void Classify_NoAnswer_IsTimeoutOrNetwork()
    {
        Assert.Equal(TelegramErrorClass.Timeout, TelegramErrors.Classify(0, new TaskCanceledException()));
        Assert.Equal(TelegramErrorClass.Network, TelegramErrors.Classify(0, new HttpRequestException("Connection refused")));
    }
}
