using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>What kind of thing a queued message says; its words are chosen when it is sent.</summary>
public enum MessageKind
{
    /// <summary>The words were chosen when it was queued: <see cref="OutgoingMessage.Text"/>.</summary>
    Text,

    /// <summary>An alert about <see cref="OutgoingMessage.CaseId"/> to <see cref="OutgoingMessage.PersonId"/>, composed from the case as it stands.</summary>
    CaseAlert,

    /// <summary>An edit of a delivered alert copy (<see cref="OutgoingMessage.EditMessageId"/>) to show who took the case or how it ended.</summary>
    CaseStatus,

    /// <summary>Texts of the catalogue with their arguments (<see cref="MessageContent.Parts"/>), worded for the reader at send time.</summary>
    Texts,

    /// <summary>The /case view of case <see cref="MessageContent.About"/> as its reader may see it when sent: summary and timeline.</summary>
    CaseView,

    /// <summary>The /cases view: the open cases its reader may see when sent.</summary>
    OpenCases,

    /// <summary>A file (<see cref="MessageContent.Document"/>) sent as a Telegram document, always protected, with its caption worded at send time.</summary>
    Document,
}

/// <summary>
/// What a queued message is to say, as a kind and its parameters, not the final words: the dispatcher composes the words
/// in the reader's language from the state at send time (the reader and the case come from the message's own fields).
/// </summary>
/// <remarks>A second wording (cover wording) is one more renderer of these kinds, not a change where messages are queued.</remarks>
public sealed class MessageContent
{
    /// <summary>Line breaks between <see cref="Parts"/> unless <see cref="Separator"/> says otherwise.</summary>
    public const string LineBreak = "\n";

    /// <summary>What the message is.</summary>
    public required MessageKind Kind { get; init; }

    /// <summary>For an alert: why it goes out now.</summary>
    public AlertReason? Reason { get; set; }

    /// <summary>For an alert: the trigger its headline names (another alarm joining the case), or null for the case's own.</summary>
    public CaseTrigger? Headline { get; set; }

    /// <summary>For <see cref="MessageKind.Texts"/>: the texts, in order.</summary>
    public List<MessageText>? Parts { get; init; }

    /// <summary>For <see cref="MessageKind.Texts"/>: what goes between parts; null for <see cref="LineBreak"/>.</summary>
    public string? Separator { get; init; }

    /// <summary>For <see cref="MessageKind.CaseView"/>: the case number asked about; for a reply about a case its reader is on (or, for a subject, their own open case): that case, so a file sent in reply to it is evidence for it (<see cref="CaseReplyStore"/>).</summary>
    public string? About { get; init; }

    /// <summary>For a reader who is not enrolled (no person to ask): the language chosen when queued; null for the bot's default.</summary>
    public Language? Language { get; init; }

    /// <summary>For <see cref="MessageKind.Document"/>: the file's name, type, size, hash and caption (its bytes are stored apart).</summary>
    public QueuedDocument? Document { get; init; }

    /// <summary>One text of the catalogue with its arguments.</summary>
    /// <exception cref="ArgumentException">An argument's type cannot be worded at send time (see <see cref="MessageArg.From"/>).</exception>
    public static MessageContent Of(TextId id, params object?[] args) => Of(new MessageText(id, args));

    /// <summary>Texts joined by <paramref name="separator"/> (null: a line break).</summary>
    public static MessageContent Of(IEnumerable<MessageText> parts, string? separator = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new() { Kind = MessageKind.Texts, Parts = [.. parts], Separator = separator };
    }

    /// <summary>One text.</summary>
    public static MessageContent Of(MessageText text) => Of([text]);
}

/// <summary>A queued message with its words chosen, ready for Telegram.</summary>
/// <param name="Text">The text to send (within <see cref="OutgoingMessage.MaxTextLength"/>).</param>
/// <param name="Buttons">Inline buttons, or null.</param>
/// <param name="CopyText">For an alert copy: its text without a status line (later edits append the status to it).</param>
/// <param name="Shows">For an alert copy or status edit: the case state it shows (<see cref="CaseAlerts.StateShown"/>).</param>
/// <param name="ReplyButtons">Labels of a one-time reply keyboard, worded for the reader; null when the row has none.</param>
/// <param name="Document">For a document: the file to send, with <paramref name="Text"/> as its caption (empty for none).</param>
public sealed record ReadyMessage(string Text, List<List<InlineButton>>? Buttons, string? CopyText = null, string? Shows = null, List<string>? ReplyButtons = null, DocumentFile? Document = null)
{
    /// <summary>The message as it was queued.</summary>
    public static ReadyMessage AsQueued(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ReadyMessage(message.Text, message.InlineButtons, message.TrackCopy ? message.Text : null, ReplyButtons: message.ReplyButtons);
    }
}

/// <summary>Why a queued message was not sent.</summary>
public enum DropReason
{
    /// <summary>Not dropped.</summary>
    None,

    /// <summary>It left the outbox meanwhile.</summary>
    Gone,

    /// <summary>Its case was resolved after it was queued.</summary>
    CaseClosed,

    /// <summary>An edit whose copy already shows the case as it stands, or is no longer the reader's latest.</summary>
    EditNotNeeded,

    /// <summary>Its reader was removed from the bot after it was queued.</summary>
    ReaderGone,

    /// <summary>Its stored content cannot be worded by this version (an unknown text id, a wrong number of arguments).</summary>
    Unrenderable,
}
