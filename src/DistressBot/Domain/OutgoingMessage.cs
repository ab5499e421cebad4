using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>Which queued messages go first when sending is limited.</summary>
public enum MessagePriority
{
    /// <summary>Alerts about a person in danger.</summary>
    Alarm = 0,

    /// <summary>Reminders to check in.</summary>
    Reminder = 1,

    /// <summary>Replies and confirmations.</summary>
    Reply = 2,

    /// <summary>Edits of alert copies already delivered: after everything else, so no answer waits behind them.</summary>
    Edit = 3,

    /// <summary>The neutral line to someone not enrolled: sent only when nothing for the people the bot serves is waiting.</summary>
    Stranger = 4,
}

/// <summary>An inline button: its label and what pressing it asks for (Telegram/ encodes it as callback data when sending).</summary>
/// <param name="Text">Label.</param>
/// <param name="Action">What the press asks for.</param>
public sealed record InlineButton(string Text, CaseButton Action);

/// <summary>A message queued in the outbox in the same transaction as the state change it reports.</summary>
public sealed class OutgoingMessage
{
    /// <summary>Outbox id; ids sort in the order the messages were queued.</summary>
    public string Id { get; set; } = "";

    /// <summary>Recipient chat.</summary>
    public required long ChatId { get; init; }

    /// <summary>Recipient person id, when the recipient is enrolled.</summary>
    public string? PersonId { get; init; }

    /// <summary>Send order class.</summary>
    public required MessagePriority Priority { get; init; }

    /// <summary>Telegram refuses longer texts; <see cref="Fit"/> keeps within it.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Plain text (no parse mode, so user-supplied words cannot inject markup); at most <see cref="MaxTextLength"/> characters once queued.</summary>
    public required string Text { get; set; }

    /// <summary>The text cut on whole characters to <see cref="MaxTextLength"/> UTF-16 code units, marked with "…" where it was cut.</summary>
    public static string Fit(string text) => TextCut.End(text, MaxTextLength);

    /// <summary>Inline buttons, rows of buttons.</summary>
    public List<List<InlineButton>>? InlineButtons { get; init; }

    /// <summary>A one-time reply keyboard with these labels (one per row), final as queued (rows of an earlier version; prefer <see cref="ReplyButtonTexts"/>).</summary>
    public List<string>? ReplyButtons { get; init; }

    /// <summary>A one-time reply keyboard whose labels are worded at send time, in the reader's language and wording (one per row).</summary>
    public List<MessageText>? ReplyButtonTexts { get; init; }

    /// <summary>Removes a reply keyboard the chat still shows.</summary>
    public bool RemoveReplyKeyboard { get; init; }

    /// <summary>The case this message belongs to, so delivery is written into its timeline.</summary>
    public string? CaseId { get; init; }

    /// <summary>Record Telegram's message id in the case when delivered, so later presses can edit this copy.</summary>
    public bool TrackCopy { get; init; }

    /// <summary>Edit this earlier message instead of sending a new one.</summary>
    public int? EditMessageId { get; init; }

    /// <summary>What to say when the words are chosen at send time; null when <see cref="Text"/> is final.</summary>
    public MessageContent? Content { get; init; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this instant (retry backoff, 429).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>The last error, for the admin.</summary>
    public string? LastError { get; set; }
}
