using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>Queues messages to enrolled people as data: what to say and its arguments; the words are chosen when sent.</summary>
public static class Notify
{
    /// <summary>Queues <paramref name="id"/> with <paramref name="args"/> to <paramref name="to"/>, worded in their language and zone when sent.</summary>
    /// <remarks>Pass values, not words: a name or code as a string, an instant, a duration, a schedule, a nested <see cref="TextId"/> or <see cref="MessageText"/>, a number (see <see cref="MessageArg.From"/>).</remarks>
    /// <exception cref="ArgumentException">An argument's type cannot be worded at send time.</exception>
    public static void Send(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, TextId id, params object?[] args) =>
        Send(db, to, priority, now, MessageContent.Of(id, args));

    /// <summary>Queues <paramref name="parts"/> to <paramref name="to"/>, one after another with <paramref name="separator"/> (null: a line break) between them.</summary>
    public static void Send(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, IEnumerable<MessageText> parts, string? separator = null) =>
        Send(db, to, priority, now, MessageContent.Of(parts, separator));

    /// <summary>Queues <paramref name="content"/> to <paramref name="to"/>.</summary>
    public static void Send(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(content);
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = to.ChatId,
            PersonId = to.Id,
            Priority = priority,
            Text = "",
            Content = content,
            QueuedAt = now,
        });
    }

    /// <summary>Queues a text already composed in <paramref name="to"/>'s language; it is sent as it stands (prefer <see cref="Send(DataSession, Person, MessagePriority, DateTimeOffset, TextId, object?[])"/>, which follows the reader's language and zone at send time).</summary>
    public static void Text(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = to.ChatId,
            PersonId = to.Id,
            Priority = priority,
            Text = text,
            QueuedAt = now,
        });
    }
}
