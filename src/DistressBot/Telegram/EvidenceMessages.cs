using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace DistressBot.Telegram;

/// <summary>
/// Files sent as evidence: <c>/evidence C-0042</c> opens <see cref="Window"/> for files (by Telegram's dates), a file's
/// caption names the case, or a file comes as a reply to a message the bot delivered about a case (found by chat and
/// message id in <see cref="CaseReplyStore"/>, never by the replied text). Coordinators and lawyers on the case may, and
/// a subject for their own open case (<see cref="CaseAccess.EnterForEvidence"/>): each file is recorded to be downloaded
/// (<see cref="EvidenceDownloader"/>), in the handling unit of work. Anyone else is told there is no such case; a subject is
/// answered in words that never name a case.
/// </summary>
public static partial class EvidenceMessages
{
    /// <summary>How long after /evidence the files someone sends go to that case.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>/evidence C-0042 sent at <paramref name="sentAt"/> (Telegram's date): opens the window for <paramref name="actor"/>'s files on the case.</summary>
    public static void Command(DataSession db, Person actor, string arguments, DateTimeOffset sentAt, DateTimeOffset now, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(arguments);
        var subject = actor.Role == Role.Subject;
        var caseId = FirstWord(arguments);
        if (caseId.Length == 0)
        {
            Reply(db, actor, now, new MessageText(subject ? TextId.EvidenceUsageSubject : TextId.EvidenceUsage));
            return;
        }

        if (CaseAccess.EnterForEvidence(db, actor, caseId, now) is not { Case: var @case })
        {
            LogRefused(logger);
            Reply(db, actor, now, NotFound(actor, caseId));
            return;
        }

        actor.EvidenceCaseId = @case.Id;
        actor.EvidenceUntil = sentAt + Window;
        db.People.Save(actor);
        Reply(db, actor, now, subject ? new MessageText(TextId.EvidenceWaitingSubject, Window) : new MessageText(TextId.EvidenceWaiting, @case.Id, Window), @case.Id);
    }

    /// <summary>
    /// A message of <paramref name="actor"/> carrying a file: recorded to be downloaded, or answered why not; false when it
    /// carries no file, or when a subject's file names no case (it is then answered as any message without text).
    /// </summary>
    public static bool File(DataSession db, Person actor, Message message, DateTimeOffset now, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(message);
        if (Describe(message) is not { } file)
        {
            return false;
        }

        var subject = actor.Role == Role.Subject;
        var sentAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        var captioned = BotCommand.TryParse(message.Caption) is { Name: "evidence" } caption ? caption : null;
        var replied = captioned is null && message.ReplyToMessage is { } to ? RepliedCase(db, actor, message.Chat.Id, to.MessageId) : null;
        var caseId = captioned is not null ? FirstWord(captioned.Arguments)
            : replied ?? (actor.EvidenceUntil is { } until && sentAt <= until ? actor.EvidenceCaseId ?? "" : "");
        if (caseId.Length == 0)
        {
            if (subject && captioned is null)
            {
                return false;
            }

            Reply(db, actor, now, new MessageText(subject ? TextId.EvidenceUsageSubject : TextId.EvidenceNoCase));
            return true;
        }

        if (CaseAccess.EnterForEvidence(db, actor, caseId, now) is not { Case: var @case })
        {
            LogRefused(logger);
            Reply(db, actor, now, NotFound(actor, caseId));
            return true;
        }

        if (file.Size > AddEvidence.MaxBytes)
        {
            LogTooLarge(logger, @case.Id, file.Size.Value);
            Reply(db, actor, now, subject ? new MessageText(TextId.EvidenceTooLargeSubject, file.Name) : new MessageText(TextId.EvidenceTooLarge, @case.Id, file.Name));
            return true;
        }

        var pending = new PendingEvidence
        {
            CaseId = @case.Id,
            PersonId = actor.Id,
            FileId = file.FileId,
            FileName = file.Name,
            MimeType = file.MimeType,
            TelegramDate = sentAt,
            IsPhoto = file.IsPhoto,
        };
        db.EvidenceIntake.Add(pending);
        LogQueued(logger, pending.Id, @case.Id);
        if (replied is not null)
        {
            LogByReply(logger, @case.Id);
        }

        return true;
    }

    // The case of the bot's own message replied to, as recorded when it was delivered to this very person; null for any other message.
    private static string? RepliedCase(DataSession db, Person actor, long chatId, int messageId) =>
        db.CaseReplies.Find(chatId, messageId) is { } about && about.PersonId == actor.Id && about.ChatId == chatId ? about.CaseId : null;

    // "No such case", in words a subject's chat may show (never the word "case").
    private static MessageText NotFound(Person actor, string typed) =>
        actor.Role == Role.Subject
            ? new MessageText(TextId.EvidenceNotFoundSubject, TextCut.End(typed, 16))
            : new MessageText(TextId.CaseNotFound, TextCut.End(typed, 16));

    /// <summary>The file a message carries (a document, the largest size of a photo, a voice note, a video, an audio file, a video note), or null.</summary>
    public static IncomingFile? Describe(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Id;
        return message switch
        {
            { Document: { } d } => new IncomingFile(d.FileId, Named(d.FileName, $"document-{id}"), d.MimeType ?? "application/octet-stream", d.FileSize, false),
            { Photo: { Length: > 0 } sizes } => sizes.OrderBy(p => (long)p.Width * p.Height).Last() is var p
                ? new IncomingFile(p.FileId, $"photo-{id}.jpg", "image/jpeg", p.FileSize, true)
                : null,
            { Voice: { } v } => new IncomingFile(v.FileId, $"voice-{id}.ogg", v.MimeType ?? "audio/ogg", v.FileSize, false),
            { Video: { } v } => new IncomingFile(v.FileId, Named(v.FileName, $"video-{id}.mp4"), v.MimeType ?? "video/mp4", v.FileSize, false),
            { Audio: { } a } => new IncomingFile(a.FileId, Named(a.FileName, $"audio-{id}"), a.MimeType ?? "audio/mpeg", a.FileSize, false),
            { VideoNote: { } n } => new IncomingFile(n.FileId, $"video-note-{id}.mp4", "video/mp4", n.FileSize, false),
            _ => null,
        };
    }

    private static string Named(string? name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name;

    private static string FirstWord(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? trimmed : trimmed[..space];
    }

    // With the case it is about, so a file sent in reply to it goes to that case.
    private static void Reply(DataSession db, Person to, DateTimeOffset now, MessageText text, string? about = null) =>
        Notify.Send(db, to, MessagePriority.Reply, now, new MessageContent { Kind = MessageKind.Texts, Parts = [text], About = about });

    [LoggerMessage(EventId = 3560, Level = LogLevel.Information, Message = "Evidence file {PendingId} for case {CaseId} recorded; it is downloaded next")]
    private static partial void LogQueued(ILogger logger, string pendingId, string caseId);

    [LoggerMessage(EventId = 3561, Level = LogLevel.Information, Message = "Evidence file for case {CaseId} refused: {Bytes} bytes, over the Bot API's download limit")]
    private static partial void LogTooLarge(ILogger logger, string caseId, long bytes);

    [LoggerMessage(EventId = 3562, Level = LogLevel.Warning, Message = "Evidence refused: not the sender's case, or no such case")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(EventId = 3580, Level = LogLevel.Information, Message = "Evidence file for case {CaseId} came as a reply to the bot's message about that case")]
    private static partial void LogByReply(ILogger logger, string caseId);
}

/// <summary>A file a Telegram message carries, as the bot keeps it.</summary>
/// <param name="FileId">Telegram's file id to download it by.</param>
/// <param name="Name">Its name as sent, or one the bot gives it ("photo-17.jpg").</param>
/// <param name="MimeType">Its MIME type as Telegram gave it, or the kind's usual one.</param>
/// <param name="Size">Its size as Telegram states it, if it does.</param>
/// <param name="IsPhoto">A photo, recompressed by Telegram.</param>
public sealed record IncomingFile(string FileId, string Name, string MimeType, long? Size, bool IsPhoto);
