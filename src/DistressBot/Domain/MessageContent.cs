using DistressBot.Escalation;

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
}

/// <summary>
/// What a queued message is to say, as a kind and its parameters, not the final words: the dispatcher composes the words
/// in the reader's language from the state at send time (the reader and the case come from the message's own fields).
/// </summary>
/// <remarks>Kinds grow here as more messages are rendered at send time (a text id and its arguments, a second wording).</remarks>
public sealed class MessageContent
{
    /// <summary>What the message is.</summary>
    public required MessageKind Kind { get; init; }

    /// <summary>For an alert: why it goes out now.</summary>
    public AlertReason? Reason { get; set; }

    /// <summary>For an alert: the trigger its headline names (another alarm joining the case), or null for the case's own.</summary>
    public CaseTrigger? Headline { get; set; }
}

/// <summary>A queued message with its words chosen, ready for Telegram.</summary>
/// <param name="Text">The text to send (within <see cref="OutgoingMessage.MaxTextLength"/>).</param>
/// <param name="Buttons">Inline buttons, or null.</param>
/// <param name="CopyText">For an alert copy: its text without a status line (later edits append the status to it).</param>
/// <param name="Shows">For an alert copy or status edit: the case state it shows (<see cref="CaseAlerts.StateShown"/>).</param>
public sealed record ReadyMessage(string Text, List<List<InlineButton>>? Buttons, string? CopyText = null, string? Shows = null)
{
    /// <summary>The message as it was queued.</summary>
    public static ReadyMessage AsQueued(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ReadyMessage(message.Text, message.InlineButtons, message.TrackCopy ? message.Text : null);
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
}
