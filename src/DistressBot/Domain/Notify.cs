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

    /// <summary>
    /// Queues a file to <paramref name="to"/> as a Telegram document (always sent protected: no forwarding or saving in the
    /// client), with <paramref name="caption"/> worded in their language when sent (cut to Telegram's 1,024 characters, saying
    /// so). With <paramref name="caseId"/> the row and the bytes are sealed under the case's key (a purge shreds them) and the
    /// delivery is written into the case. Returns the outbox id.
    /// </summary>
    /// <exception cref="DocumentRefusedException">Over <see cref="DocumentFile.MaxBytes"/>, empty, an unsafe <paramref name="fileName"/> (empty, a path separator, a control or format character, over 255 UTF-8 bytes), or a malformed <paramref name="mimeType"/>; nothing is queued.</exception>
    public static string SendDocument(DataSession db, Person to, MessagePriority priority, DateTimeOffset now, string fileName, string mimeType, ReadOnlySpan<byte> content, MessageText? caption = null, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        var file = DocumentFile.Create(fileName, mimeType, content);
        return db.Outbox.Enqueue(
            new OutgoingMessage
            {
                ChatId = to.ChatId,
                PersonId = to.Id,
                Priority = priority,
                Text = "",
                Content = new MessageContent { Kind = MessageKind.Document, Document = QueuedDocument.Of(file, caption) },
                CaseId = caseId,
                QueuedAt = now,
            },
            file);
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
