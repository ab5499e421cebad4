using System.Globalization;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>What became of a file sent as evidence.</summary>
public enum EvidenceOutcome
{
    /// <summary>Kept with the case and logged.</summary>
    Kept,

    /// <summary>No such case, or the sender is not on it (told exactly as for a missing case).</summary>
    NotFound,

    /// <summary>Over <see cref="AddEvidence.MaxBytes"/>: nothing kept.</summary>
    TooLarge,

    /// <summary>No bytes: nothing kept.</summary>
    Empty,
}

/// <summary>A file received as evidence, as the Telegram adapter hands it over (Telegram types stay there).</summary>
/// <param name="FileName">The file's name as sent (a photo has none: the adapter names it).</param>
/// <param name="MimeType">Its MIME type as Telegram gave it, or a default for the kind of file.</param>
/// <param name="Content">Its bytes as downloaded.</param>
/// <param name="TelegramDate">Telegram's date of the message that carried it.</param>
public sealed record EvidenceFile(string FileName, string MimeType, byte[] Content, DateTimeOffset? TelegramDate);

/// <summary>
/// A coordinator or lawyer on the case, or the subject of their own open case (<see cref="CaseAccess.EnterForEvidence"/>), keeps a file as evidence at <c>now</c>: its SHA-256 is computed on receipt, its
/// bytes kept sealed under the case's key (<see cref="EvidenceStore"/>), and an <c>evidence</c> step with
/// "sha256=hex bytes=n type=mime name=file name" goes into the timeline, counting as activity. Nobody else is told; a subject filing on their own case reads only the answer to their file.
/// </summary>
public static class AddEvidence
{
    /// <summary>The Bot API's download limit ("20 MB"), taken as binary megabytes: getFile refuses anything larger.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Longest file name kept, in characters; a longer one is cut.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Keeps <paramref name="file"/> with case <paramref name="caseId"/> (as typed) for <paramref name="actor"/>; the SHA-256 (lowercase hex) when kept.</summary>
    /// <returns><see cref="EvidenceOutcome.NotFound"/> when the actor may not file evidence on the case (the attempt is logged, see <see cref="CaseAccess.EnterForEvidence"/>); <see cref="EvidenceOutcome.TooLarge"/> or <see cref="EvidenceOutcome.Empty"/> with nothing kept; else <see cref="EvidenceOutcome.Kept"/>.</returns>
    public static (EvidenceOutcome Outcome, string? Sha256) Run(DataSession db, Person actor, string caseId, EvidenceFile file, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(file);
        if (CaseAccess.EnterForEvidence(db, actor, caseId, now) is not { Case: var @case })
        {
            return (EvidenceOutcome.NotFound, null);
        }

        if (file.Content.Length > MaxBytes)
        {
            return (EvidenceOutcome.TooLarge, null);
        }

        if (file.Content.Length == 0)
        {
            return (EvidenceOutcome.Empty, null);
        }

        var sha256 = db.EvidenceFiles.Put(@case.Id, file.Content);
        @case.Timeline.Add(new CaseEntry
        {
            At = now,
            Kind = CaseEntryKind.Evidence,
            PersonId = actor.Id,
            TelegramDate = file.TelegramDate,
            Detail = Content(sha256, file.Content.Length, file.MimeType, file.FileName),

            // The entry's text says what proof of its own the file carries and what of it was checked offline (or null).
            Text = Evidence.MediaProof.Describe(file.FileName, file.Content),
        });
        @case.LastActivityAt = now;
        @case.ActivityReminderAt = null;
        db.Cases.Save(@case);
        return (EvidenceOutcome.Kept, sha256);
    }

    /// <summary>The entry's content: "sha256=hex bytes=n type=mime name=file name" (the name last, as sent, cut to <see cref="MaxFileNameLength"/>).</summary>
    public static string Content(string sha256, long length, string mimeType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(mimeType);
        ArgumentNullException.ThrowIfNull(fileName);
        var type = string.IsNullOrWhiteSpace(mimeType) || mimeType.Any(char.IsWhiteSpace) ? "application/octet-stream" : mimeType;
        var name = string.IsNullOrWhiteSpace(fileName) ? "file" : TextCut.End(fileName.Trim(), MaxFileNameLength);
        return string.Create(CultureInfo.InvariantCulture, $"sha256={sha256} bytes={length} type={type} name={name}");
    }
}
