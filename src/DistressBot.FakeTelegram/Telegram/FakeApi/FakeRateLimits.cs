namespace DistressBot.Telegram.FakeApi;

/// <summary>Telegram's flood limits, enforced by the fake when set in <see cref="FakeBotApiOptions.RateLimits"/>: sends beyond them get 429 with retry_after.</summary>
/// <remarks>Counted over sending methods (send*, edit*, deleteMessage*, answer*) that were accepted, by <see cref="FakeBotApiOptions.TransportTime"/>; a refused call does not count.</remarks>
public sealed record FakeRateLimits
{
    /// <summary>Telegram's published limits: about 30 messages a second overall, 1 a second per chat.</summary>
    public static FakeRateLimits Telegram { get; } = new();

    /// <summary>Sends accepted within any one <see cref="Window"/> over all chats (Telegram: about 30).</summary>
    public int MessagesPerWindow { get; init; } = 30;

    /// <summary>The window the overall limit counts in (one second).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The least time between two accepted sends to the same chat (Telegram: about one second).</summary>
    public TimeSpan PerChatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws when a limit cannot work, naming it.</summary>
    internal void Validate()
    {
        if (MessagesPerWindow < 1)
        {
            throw new ArgumentException("FakeRateLimits.MessagesPerWindow must be at least 1 (Telegram allows about 30).", nameof(MessagesPerWindow));
        }

        if (Window <= TimeSpan.Zero || PerChatInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("FakeRateLimits.Window must be positive and PerChatInterval not negative (Telegram: 1s and 1s).", nameof(Window));
        }
    }
}
