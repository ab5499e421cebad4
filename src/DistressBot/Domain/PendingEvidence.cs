namespace DistressBot.Domain;

/// <summary>
/// A file someone on a case sent as evidence, recorded when the message was handled and waiting to be downloaded from
/// Telegram (<c>evidence_intake</c>, sealed under the case's key); the download commits the entry and removes the row in one unit of work.
/// </summary>
public sealed class PendingEvidence
{
    /// <summary>Store id ("e000000000042").</summary>
    public string Id { get; set; } = "";

    /// <summary>The case it is for, as the sender named it.</summary>
    public required string CaseId { get; init; }

    /// <summary>The sender's person id.</summary>
    public required string PersonId { get; init; }

    /// <summary>Telegram's file id to download it by.</summary>
    public required string FileId { get; init; }

    /// <summary>Its name as sent (or the name the bot gave a photo or voice note).</summary>
    public required string FileName { get; init; }

    /// <summary>Its MIME type as Telegram gave it, or the kind's usual one.</summary>
    public required string MimeType { get; init; }

    /// <summary>Telegram's date of the message that carried it.</summary>
    public required DateTimeOffset TelegramDate { get; init; }

    /// <summary>It came as a photo, which Telegram recompresses: the answer asks for the original as a file.</summary>
    public bool IsPhoto { get; init; }

    /// <summary>Downloads tried and failed for a passing reason.</summary>
    public int Attempts { get; set; }
}
