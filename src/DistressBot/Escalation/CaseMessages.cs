using System.Globalization;
using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>
/// Case messages at send time: chooses an alert's words from the case as it stands, drops what a resolved case no longer
/// needs, and records what Telegram accepted. The dispatcher calls these, each inside its own unit of work.
/// </summary>
public static class CaseMessages
{
    /// <summary>
    /// The words for outbox row <paramref name="messageId"/> at <paramref name="now"/>, or null with the reason it was dropped
    /// (then it has left the outbox, and a dropped alert is written into the case's timeline).
    /// </summary>
    /// <remarks>
    /// A row for a resolved case is not sent, except that a reader who never got any copy of the case's alert gets one copy
    /// that already reads as resolved. Rows without a case are returned as queued.
    /// </remarks>
    public static (ReadyMessage? Ready, DropReason Dropped) Prepare(DataSession db, string messageId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Outbox.Find(messageId) is not { } row)
        {
            return (null, DropReason.Gone);
        }

        if (row.CaseId is not { } caseId || db.Cases.Find(caseId) is not { } @case)
        {
            return (ReadyMessage.AsQueued(row), DropReason.None);
        }

        var reader = row.PersonId is null ? null : db.People.Find(row.PersonId);
        if (row.EditMessageId is { } editId)
        {
            return PrepareEdit(db, row, @case, reader, editId);
        }

        if (@case.Status == CaseStatus.Resolved && (row.TrackCopy || row.QueuedAt <= @case.ResolvedAt))
        {
            if (!row.TrackCopy || reader is null || @case.Copies.Any(c => c.PersonId == reader.Id))
            {
                return Drop(db, row, @case, now);
            }

            // Never told at all: one copy, already reading as resolved, so they learn what happened and that it is over.
            var text = AlertText(db, row, @case, reader, now);
            return (new ReadyMessage(CaseAlerts.WithStatus(text, CaseAlerts.StatusLine(db, @case, reader)), null, text, CaseAlerts.StateShown(@case)), DropReason.None);
        }

        if (row.Content is { Kind: MessageKind.CaseAlert } && reader is not null)
        {
            var text = AlertText(db, row, @case, reader, now);
            return (new ReadyMessage(
                CaseAlerts.WithStatus(text, CaseAlerts.StatusLine(db, @case, reader)),
                CaseAlerts.Buttons(@case, reader),
                text,
                @case.Status == CaseStatus.Open ? null : CaseAlerts.StateShown(@case)), DropReason.None);
        }

        return (ReadyMessage.AsQueued(row), DropReason.None);
    }

    /// <summary>Records that Telegram accepted row <paramref name="message"/> as message <paramref name="telegramId"/> dated <paramref name="telegramDate"/>: the step in the timeline (with the words sent, for the case log), and an alert's copy (edited at once if the case changed since it was composed).</summary>
    public static void Delivered(DataSession db, OutgoingMessage message, ReadyMessage ready, int telegramId, DateTimeOffset? telegramDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(ready);
        if (message.CaseId is not { } caseId || db.Cases.Find(caseId) is not { } @case)
        {
            return;
        }

        @case.Timeline.Add(new CaseEntry
        {
            At = now,
            Kind = CaseEntryKind.AlertDelivered,
            PersonId = message.PersonId,
            Detail = "telegram message " + telegramId.ToString(CultureInfo.InvariantCulture),
            MessageId = telegramId,
            TelegramDate = telegramDate,
            Text = ready.Document is { } document
                ? $"{ready.Text}\n[{document.FileName}, {document.Length.ToString(CultureInfo.InvariantCulture)} bytes, SHA-256 {document.Sha256Hex()}]"
                : ready.Text,
        });
        if (message.TrackCopy && message.PersonId is { } personId)
        {
            var copy = new AlertCopy(personId, message.ChatId, telegramId, ready.CopyText ?? message.Text) { Shows = ready.Shows };
            @case.Copies.Add(copy);

            // Taken or resolved while this copy waited for Telegram: it went out saying neither.
            CaseAlerts.UpdateCopy(db, @case, copy, now);
        }

        db.Cases.Save(@case);
    }

    /// <summary>Records that an edit of a copy went through (or was already there): the copy now shows what the edit said.</summary>
    public static void Edited(DataSession db, OutgoingMessage message, ReadyMessage ready)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(ready);
        if (ready.Shows is null || message.CaseId is not { } caseId || db.Cases.Find(caseId) is not { } @case)
        {
            return;
        }

        var index = @case.Copies.FindIndex(c => c.ChatId == message.ChatId && c.MessageId == message.EditMessageId);
        if (index >= 0)
        {
            @case.Copies[index] = @case.Copies[index] with { Shows = ready.Shows };
            db.Cases.Save(@case);
        }
    }

    private static (ReadyMessage? Ready, DropReason Dropped) PrepareEdit(DataSession db, OutgoingMessage row, Case @case, Person? reader, int editId)
    {
        if (row.Content is not { Kind: MessageKind.CaseStatus })
        {
            return (ReadyMessage.AsQueued(row), DropReason.None);
        }

        var copy = @case.Copies.Find(c => c.ChatId == row.ChatId && c.MessageId == editId);
        if (copy is null || reader is null || !CaseAlerts.NeedsEdit(@case, copy))
        {
            db.Outbox.Remove(row.Id);
            return (null, DropReason.EditNotNeeded);
        }

        return (new ReadyMessage(CaseAlerts.WithStatus(copy.Text, CaseAlerts.StatusLine(db, @case, reader)), CaseAlerts.Buttons(@case, reader), null, CaseAlerts.StateShown(@case)), DropReason.None);
    }

    private static string AlertText(DataSession db, OutgoingMessage row, Case @case, Person reader, DateTimeOffset now)
    {
        if (row.Content is not { Kind: MessageKind.CaseAlert } content || db.People.Find(@case.SubjectId) is not { } subject)
        {
            return row.Text;
        }

        return OutgoingMessage.Fit(CaseAlerts.Marked(@case, reader, CaseAlerts.Compose(db, @case, subject, reader, content.Reason ?? AlertReason.Alarm, now, content.Headline)));
    }

    private static (ReadyMessage? Ready, DropReason Dropped) Drop(DataSession db, OutgoingMessage row, Case @case, DateTimeOffset now)
    {
        db.Outbox.Remove(row.Id);
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AlertDropped, PersonId = row.PersonId, Detail = row.Content?.Reason?.ToString() });
        db.Cases.Save(@case);
        return (null, DropReason.CaseClosed);
    }
}
