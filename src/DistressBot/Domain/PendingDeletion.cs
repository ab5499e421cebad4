namespace DistressBot.Domain;

/// <summary>A message in a subject's chat the bot still has to delete (Telegram's message id and chat, never its text).</summary>
public sealed class PendingDeletion
{
    /// <summary>Store id "d000000000042"; ids sort in the order the deletions were queued.</summary>
    public string Id { get; set; } = "";

    /// <summary>The chat the message is in.</summary>
    public required long ChatId { get; init; }

    /// <summary>Telegram's id of the message in that chat.</summary>
    public required int MessageId { get; init; }

    /// <summary>When the message was sent (Telegram's date): Telegram lets a bot delete it only until <see cref="ChatCleaning.DeletableFor"/> after this.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Not deleted before this instant (domain time); null while held as the subject's latest reminder.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>The subject whose latest reminder this is, while held; null otherwise.</summary>
    public string? HeldFor { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried again before this instant (transport clock: retry backoff, 429).</summary>
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>Telegram refused it in a batch: it is tried on its own, so one message cannot hold back the others.</summary>
    public bool Alone { get; set; }
}
