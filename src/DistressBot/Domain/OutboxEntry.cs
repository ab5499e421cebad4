namespace DistressBot.Domain;

/// <summary>What the dispatcher needs to choose a queued row without reading it: its id, send order class, chat, earliest send instant (transport clock) and case.</summary>
/// <param name="Id">Outbox id (ids sort in the order rows were queued).</param>
/// <param name="Priority">Send order class.</param>
/// <param name="ChatId">Recipient chat, for pacing.</param>
/// <param name="NotBefore">Not sent before this instant (after a failed attempt); null: at once.</param>
/// <param name="CaseId">The row's case, if any (named in the log when the row no longer opens).</param>
/// <param name="QueuedAt">When the row was queued (the oldest one's age is a gauge); null for an entry made without it.</param>
public sealed record OutboxEntry(string Id, MessagePriority Priority, long ChatId, DateTimeOffset? NotBefore, string? CaseId, DateTimeOffset? QueuedAt = null)
{
    /// <summary>The entry of a stored row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static OutboxEntry Of(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OutboxEntry(message.Id, message.Priority, message.ChatId, message.NotBefore, message.CaseId, message.QueuedAt);
    }
}

/// <summary>A row of the outbox as a unit of work left it: stored as <paramref name="Entry"/>, or removed (null).</summary>
/// <param name="Id">Outbox id.</param>
/// <param name="Entry">The row as stored after the unit of work; null when it was removed.</param>
public sealed record OutboxChange(string Id, OutboxEntry? Entry);
