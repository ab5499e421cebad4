using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Messages;

/// <summary>What became of a queued row at send time: its words, or why it is not sent.</summary>
/// <param name="Ready">The message to send, or null when it was dropped (it has then left the outbox).</param>
/// <param name="Dropped">Why it was dropped; <see cref="DropReason.None"/> when <paramref name="Ready"/> is set.</param>
/// <param name="Problem">For <see cref="DropReason.Unrenderable"/>: what is wrong with the stored content (no values of it).</param>
public sealed record PreparedMessage(ReadyMessage? Ready, DropReason Dropped, string? Problem = null);

/// <summary>
/// The one entry point that words a queued row when it is sent, inside the unit of work that takes it: case alerts and
/// status edits from the case as it stands (<see cref="CaseMessages"/>), texts in the reader's language and zone as
/// stored now, documents with their bytes and caption, and rows queued with final words by an earlier version exactly as stored.
/// </summary>
public static class OutboxRenderer
{
    private const string StrangerZone = "UTC";

    /// <summary>
    /// The words for outbox row <paramref name="messageId"/> at <paramref name="now"/>. A row whose reader was removed, or whose
    /// content this version cannot word, is taken out of the outbox and returned as dropped; other rows are not touched.
    /// </summary>
    /// <remarks>
    /// A reader who is not enrolled (no person) reads the language chosen when queued, else <paramref name="defaultLanguage"/>, with times in UTC.
    /// A subject reads cover wording (texts and reply-keyboard labels) when <paramref name="coverAll"/> or their own switch is on.
    /// </remarks>
    /// <exception cref="Crypto.RecordIntegrityException">The row, its case, its reader or a document's bytes do not open (purged meanwhile, or damaged).</exception>
    public static PreparedMessage Prepare(DataSession db, string messageId, DateTimeOffset now, Language defaultLanguage, bool coverAll = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Outbox.Find(messageId) is not { } row)
        {
            return new PreparedMessage(null, DropReason.Gone);
        }

        if (row.Content is { Kind: MessageKind.Document } document)
        {
            return PrepareDocument(db, row, document, defaultLanguage, coverAll);
        }

        if (row.Content is not { Kind: MessageKind.Texts or MessageKind.CaseView or MessageKind.OpenCases } content)
        {
            // Case alerts and edits as before; a row without content carries its final words (queued by an earlier version).
            return AsPrepared(row.CaseId is null ? (ReadyMessage.AsQueued(row), DropReason.None) : CaseMessages.Prepare(db, messageId, now));
        }

        Person? person = null;
        if (row.PersonId is { } personId && (person = db.People.Find(personId)) is null)
        {
            db.Outbox.Remove(row.Id);
            return new PreparedMessage(null, DropReason.ReaderGone);
        }

        string text;
        List<string>? replyButtons;
        try
        {
            var reader = person is null ? new Reader(content.Language ?? defaultLanguage, StrangerZone) : Reader.Of(person, coverAll);
            text = OutgoingMessage.Fit(content.Kind switch
            {
                MessageKind.Texts => Wording.Render(content, reader),
                _ => View(db, content, person ?? throw new UnrenderableMessageException("A view of kind " + content.Kind + " has no reader."), now),
            });
            replyButtons = row.ReplyButtonTexts is { Count: > 0 } labels ? [.. labels.Select(l => Wording.Render(l, reader))] : row.ReplyButtons;
        }
        catch (UnrenderableMessageException ex)
        {
            db.Outbox.Remove(row.Id);
            return new PreparedMessage(null, DropReason.Unrenderable, ex.Message);
        }

        if (row.CaseId is null)
        {
            return new PreparedMessage(new ReadyMessage(text, row.InlineButtons, ReplyButtons: replyButtons), DropReason.None);
        }

        // A message about a case: the case decides whether it still goes (not after the case was resolved).
        var (ready, dropped) = CaseMessages.Prepare(db, messageId, now);
        return new PreparedMessage(ready is null ? null : ready with { Text = text, CopyText = row.TrackCopy ? text : null, ReplyButtons = replyButtons }, dropped);
    }

    /// <summary>
    /// <paramref name="caption"/> itself when it fits Telegram's <see cref="QueuedDocument.MaxCaptionLength"/>; otherwise cut
    /// on whole characters (with "…") and ended by a line that says it was shortened, in <paramref name="reader"/>'s words.
    /// </summary>
    public static string FitCaption(string caption, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(reader);
        if (caption.Length <= QueuedDocument.MaxCaptionLength)
        {
            return caption;
        }

        var note = MessageContent.LineBreak + TextCatalogue.Format(reader.Voice, reader.Language, TextId.DocumentCaptionCut);
        return TextCut.End(caption, QueuedDocument.MaxCaptionLength - note.Length) + note;
    }

    // A document goes whatever became of its case since it was asked for (an export of a case resolved meanwhile is still
    // wanted); its case must still open, so a purge (the case key destroyed) stops it. Its caption is worded now.
    private static PreparedMessage PrepareDocument(DataSession db, OutgoingMessage row, MessageContent content, Language defaultLanguage, bool coverAll)
    {
        Person? person = null;
        if (row.PersonId is { } personId && (person = db.People.Find(personId)) is null)
        {
            db.Outbox.Remove(row.Id);
            return new PreparedMessage(null, DropReason.ReaderGone);
        }

        if (row.CaseId is { } caseId)
        {
            _ = db.Cases.Find(caseId);
        }

        string caption;
        try
        {
            var document = content.Document ?? throw new UnrenderableMessageException("A document row carries no file.");
            var reader = person is null ? new Reader(content.Language ?? defaultLanguage, StrangerZone) : Reader.Of(person, coverAll);
            caption = document.Caption is { } text ? FitCaption(Wording.Render(text, reader), reader) : "";
        }
        catch (UnrenderableMessageException ex)
        {
            db.Outbox.Remove(row.Id);
            return new PreparedMessage(null, DropReason.Unrenderable, ex.Message);
        }

        return new PreparedMessage(new ReadyMessage(caption, row.InlineButtons, Document: db.Outbox.ReadDocument(row)), DropReason.None);
    }

    // A view is worded from the state as it stands, as the reader may see it now (access is checked again: it may have
    // been taken away since the question was asked).
    private static string View(DataSession db, MessageContent content, Person reader, DateTimeOffset now)
    {
        if (content.Kind == MessageKind.OpenCases)
        {
            return CaseViews.OpenCases(db, reader, now);
        }

        var caseId = content.About ?? throw new UnrenderableMessageException("A case view names no case.");
        return CaseAccess.FindCase(db, reader, caseId) is { } found
            ? CaseViews.Timeline(db, found.Case, found.Subject, reader, now)
            : Wording.Render(MessageText.Of(TextId.CaseNotFound, caseId), Reader.Of(reader));
    }

    private static PreparedMessage AsPrepared((ReadyMessage? Ready, DropReason Dropped) prepared) => new(prepared.Ready, prepared.Dropped);
}
