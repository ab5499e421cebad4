using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>Queues localised messages to enrolled people.</summary>
public static class Notify
{
    /// <summary>Queues <paramref name="id"/> in <paramref name="to"/>'s language.</summary>
    public static void Send(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, TextId id, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(to);
        Text(db, to, priority, now, TextCatalogue.Format(to.Language, id, args));
    }

    /// <summary>Queues a text already composed in <paramref name="to"/>'s language.</summary>
    public static void Text(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        db.Enqueue(new OutgoingMessage
        {
            ChatId = to.ChatId,
            PersonId = to.Id,
            Priority = priority,
            Text = text,
            QueuedAt = now,
        });
    }
}
