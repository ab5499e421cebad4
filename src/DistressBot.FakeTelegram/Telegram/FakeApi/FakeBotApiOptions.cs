namespace DistressBot.Telegram.FakeApi;

/// <summary>Settings for a <see cref="FakeBotApiServer"/>; every one has a default that suits tests.</summary>
public sealed class FakeBotApiOptions
{
    private volatile bool _tokenRevoked;

    /// <summary>Token the server accepts; the digits before ':' are the bot's user id, as with real tokens.</summary>
    public string Token { get; init; } = "123456:TEST-TOKEN";

    /// <summary>True after <see cref="FakeBotApiServer.RevokeToken"/>: every call is answered 401, as Telegram answers a revoked token.</summary>
    internal bool TokenRevoked { get => _tokenRevoked; set => _tokenRevoked = value; }

    /// <summary>The bot's @username (without '@'), reported by getMe.</summary>
    public string BotUsername { get; init; } = "distress_test_bot";

    /// <summary>The bot's display name, reported by getMe.</summary>
    public string BotFirstName { get; init; } = "DistressBot";

    /// <summary>Clock for message dates; inject a fake one to control what the bot sees.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Clock for request times (<see cref="FakeRequest.ReceivedAt"/>): the one the bot paces its sends by, so rate limits are checked on it.</summary>
    public TimeProvider TransportTime { get; init; } = TimeProvider.System;

    /// <summary>Faults to inject; it can also be changed while the server runs.</summary>
    public FaultPlan Faults { get; init; } = new();

    /// <summary>Telegram's flood limits to enforce (429 with retry_after beyond them), e.g. <see cref="FakeRateLimits.Telegram"/>; null (default): none.</summary>
    public FakeRateLimits? RateLimits { get; init; }

    /// <summary>Write Kestrel's own logs to the console; off so tests and the demo stay quiet.</summary>
    public bool EnableServerLogging { get; init; }

    /// <summary>The bot's user id, taken from the token.</summary>
    internal long BotId => long.Parse(Token.AsSpan(0, Token.IndexOf(':', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Throws when a setting cannot work, naming it and saying how to fix it.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Time);
        ArgumentNullException.ThrowIfNull(TransportTime);
        ArgumentNullException.ThrowIfNull(Faults);
        RateLimits?.Validate();
        var colon = Token?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (Token is null || colon < 1 || colon > 16 || !long.TryParse(Token.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException("FakeBotApiOptions.Token must look like a bot token, digits then ':' then text (\"123456:ABC\"); Telegram.Bot rejects anything else.", nameof(Token));
        }

        if (string.IsNullOrWhiteSpace(BotUsername))
        {
            throw new ArgumentException("FakeBotApiOptions.BotUsername must not be empty; getMe always reports a username for bots.", nameof(BotUsername));
        }
    }
}
