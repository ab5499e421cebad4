using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace DistressBot.Telegram;

/// <summary>
/// Downloads the evidence files the router recorded (<see cref="PendingEvidence"/>): <c>getFile</c>, then the file itself, outside
/// any unit of work; then, in one unit of work, keeps it with the case (<see cref="AddEvidence"/>), answers the sender with its
/// SHA-256 and removes the row, so a crash before that commit downloads it again and the entry is written once. A file over the
/// Bot API's 20 MB limit, or one Telegram refuses, is answered and dropped with nothing kept; a passing failure is retried.
/// </summary>
public sealed partial class EvidenceDownloader(
    ITelegramBotClient bot,
    BotStore store,
    TimeProvider time,
    TransportClock transport,
    ILogger<EvidenceDownloader> logger) : BackgroundService
{
    /// <summary>Passing failures after which a file is given up (and its sender told).</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(3);

    /// <summary>Rung after each pass (tests wait on it).</summary>
    internal AsyncSignal Passed { get; } = new();

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PassLoop.RunAsync(PassAsync, Idle, LogPassFailed, Passed, transport, stoppingToken);

    /// <summary>One pass over the waiting files, oldest first; false when a passing failure left one waiting.</summary>
    internal async Task<bool> PassAsync(CancellationToken ct)
    {
        var waiting = await store.RunAsync(db => db.EvidenceIntake.All(), ct);
        var allTaken = true;
        foreach (var row in waiting)
        {
            allTaken &= await TakeAsync(row, ct);
        }

        return allTaken;
    }

    private async Task<bool> TakeAsync(PendingEvidence row, CancellationToken ct)
    {
        byte[]? content = null;
        TextId? refusal = null;
        try
        {
            var file = await bot.GetFile(row.FileId, ct);
            if (file.FileSize > AddEvidence.MaxBytes)
            {
                refusal = TextId.EvidenceTooLarge;
            }
            else if (file.FilePath is null)
            {
                refusal = TextId.EvidenceNotDownloaded;
            }
            else
            {
                using var buffer = new MemoryStream();
                await bot.DownloadFile(file.FilePath, buffer, ct);
                content = buffer.ToArray();
            }
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500 && ex.ErrorCode != 429)
        {
            // "Bad Request: file is too big" is Telegram's word for a file over the download limit.
            refusal = ex.Message.Contains("too big", StringComparison.OrdinalIgnoreCase) ? TextId.EvidenceTooLarge : TextId.EvidenceNotDownloaded;
            LogRefusedByTelegram(row.Id, ex.ErrorCode);
        }
        catch (RequestException ex) when (!ct.IsCancellationRequested)
        {
            LogDownloadFailed(row.Id, ex.GetType().Name);
            var givenUp = await store.RunAsync(
                db =>
                {
                    if (db.EvidenceIntake.Find(row.Id) is not { } current)
                    {
                        return false;
                    }

                    current.Attempts++;
                    db.EvidenceIntake.Update(current);
                    return current.Attempts >= MaxAttempts;
                },
                ct);
            if (!givenUp)
            {
                return false;
            }

            refusal = TextId.EvidenceNotDownloaded;
        }

        var now = time.GetUtcNow();
        await store.RunAsync(db => Keep(db, row, content, refusal, now), ct);
        return true;
    }

    private void Keep(DataSession db, PendingEvidence row, byte[]? content, TextId? refusal, DateTimeOffset now)
    {
        // Another pass may have kept it already: the row goes in the same unit of work as the entry.
        if (db.EvidenceIntake.Find(row.Id) is null)
        {
            return;
        }

        db.EvidenceIntake.Remove(row.Id);
        if (db.People.Find(row.PersonId) is not { } sender)
        {
            return;
        }

        // A subject reads words that never name the case (their phone may not be theirs); the case's people read its number.
        var subject = sender.Role == Role.Subject;
        MessageText TooLarge() => subject ? new(TextId.EvidenceTooLargeSubject, row.FileName) : new(TextId.EvidenceTooLarge, row.CaseId, row.FileName);
        MessageText NotDownloaded() => subject ? new(TextId.EvidenceNotDownloadedSubject, row.FileName) : new(TextId.EvidenceNotDownloaded, row.CaseId, row.FileName);
        if (content is null)
        {
            Notify.Send(db, sender, MessagePriority.Reply, now, MessageContent.Of(refusal == TextId.EvidenceTooLarge ? TooLarge() : NotDownloaded()));
            return;
        }

        var (outcome, sha256) = AddEvidence.Run(db, sender, row.CaseId, new EvidenceFile(row.FileName, row.MimeType, content, row.TelegramDate), now);
        LogTaken(row.Id, outcome.ToString());
        var parts = new List<MessageText>();
        switch (outcome)
        {
            case EvidenceOutcome.Kept:
                parts.Add(subject ? new MessageText(TextId.EvidenceKeptSubject, row.FileName, content.Length, sha256) : new MessageText(TextId.EvidenceKept, row.CaseId, row.FileName, content.Length, sha256));
                if (row.IsPhoto)
                {
                    parts.Add(new MessageText(subject ? TextId.EvidencePhotoAsFileSubject : TextId.EvidencePhotoAsFile));
                }

                break;
            case EvidenceOutcome.TooLarge:
                parts.Add(TooLarge());
                break;
            case EvidenceOutcome.Empty:
                parts.Add(NotDownloaded());
                break;
            default:
                parts.Add(subject ? new MessageText(TextId.EvidenceNotFoundSubject, TextCut.End(row.CaseId, 16)) : new MessageText(TextId.CaseNotFound, TextCut.End(row.CaseId, 16)));
                break;
        }

        // The answer to a kept file is about its case: more files sent in reply to it go there too.
        var about = outcome == EvidenceOutcome.Kept ? row.CaseId : null;
        Notify.Send(db, sender, MessagePriority.Reply, now, new MessageContent { Kind = MessageKind.Texts, Parts = parts, Separator = "\n", About = about });
    }

    [LoggerMessage(EventId = 3563, Level = LogLevel.Information, Message = "Evidence file {PendingId} downloaded: {Outcome}")]
    private partial void LogTaken(string pendingId, string outcome);

    [LoggerMessage(EventId = 3564, Level = LogLevel.Warning, Message = "Evidence file {PendingId} refused by Telegram ({ErrorCode}); its sender is told and nothing is kept")]
    private partial void LogRefusedByTelegram(string pendingId, int errorCode);

    [LoggerMessage(EventId = 3565, Level = LogLevel.Warning, Message = "Evidence file {PendingId} not downloaded ({Error}); it is tried again")]
    private partial void LogDownloadFailed(string pendingId, string error);

    [LoggerMessage(EventId = 3566, Level = LogLevel.Error, Message = "Evidence download pass failed; it is tried again with backoff")]
    private partial void LogPassFailed(Exception exception);
}
