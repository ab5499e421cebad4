using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>Queues localised messages to enrolled people.</summary>
public static class Notify
{
    /// <summary>Queues <paramref name="id"/> in <paramref name="to"/>'s language.</summary>
    public static OutgoingMessage Send(
        DataSession db, Person to, MessagePriority priority, DateTimeOffset now, TextId id, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        var message = new OutgoingMessage
        {
            ChatId = to.ChatId,
            PersonId = to.Id,
            Priority = priority,
            Text = TextCatalogue.Format(to.Language, id, args),
            QueuedAt = now,
        };
        db.Enqueue(message);
        return message;
    }

    /// <summary>Queues a message built by the caller (buttons, case id).</summary>
    public static void Send(DataSession db, OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Enqueue(message);
    }
}
