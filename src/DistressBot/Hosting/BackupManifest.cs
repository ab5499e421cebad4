using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistressBot.Hosting;

/// <summary>
/// manifest.json of a backup (docs/backups.md, "Backups"): what made it and when, the keyring it belongs to, every file with its
/// size and SHA-256, and what it holds. Its exact bytes are authenticated by manifest.mac.
/// </summary>
public sealed class BackupManifest
{
    /// <summary>The format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>What <see cref="Kind"/> says in every backup.</summary>
    public const string BackupKind = "distressbot-backup";

    /// <summary>The manifest's file name in a backup.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The MAC's file name in a backup: 64 lowercase hex digits of HMAC-SHA256 over manifest.json, and a newline.</summary>
    public const string MacFileName = "manifest.mac";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Format version; a reader refuses versions it does not know.</summary>
    public int Format { get; init; }

    /// <summary>Always <see cref="BackupKind"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>When the copy was taken (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The version of distressbot that made it.</summary>
    public string? BotVersion { get; init; }

    /// <summary>The keyring it belongs to (<see cref="Crypto.BackupMac.KeyringId"/>).</summary>
    public string? KeyringId { get; init; }

    /// <summary>The deployment's log key name ("distressbot-1a2b3c4d"), for a person telling deployments apart.</summary>
    public string? LogKey { get; init; }

    /// <summary>Every file of the backup but the manifest and its MAC, each restored into the data directory under its name.</summary>
    public IReadOnlyList<BackupFile>? Files { get; init; }

    /// <summary>What the copy holds.</summary>
    public BackupHolds? Holds { get; init; }

    /// <summary>The manifest as indented camelCase JSON (the bytes the MAC covers).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest in <paramref name="json"/>, or null when it is not a manifest's JSON.</summary>
    public static BackupManifest? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One file of a backup.</summary>
/// <param name="Name">Its name, the same in the backup and in the data directory (a plain file name).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of its content.</param>
public sealed record BackupFile(string Name, long Bytes, string Sha256);

/// <summary>What a backup holds, read from the data as it was copied (people and cases opened; no message, log or evidence).</summary>
/// <param name="Subjects">Subjects enrolled.</param>
/// <param name="Coordinators">Coordinators enrolled.</param>
/// <param name="Lawyers">Lawyers enrolled.</param>
/// <param name="OpenCases">Cases open or acknowledged.</param>
/// <param name="ClosedCases">Cases resolved.</param>
/// <param name="LatestCheckIn">The latest check-in of any subject (UTC), or null when none checked in yet.</param>
public sealed record BackupHolds(int Subjects, int Coordinators, int Lawyers, int OpenCases, int ClosedCases, DateTimeOffset? LatestCheckIn)
{
    /// <summary>One line for an admin: "2 subjects, 1 coordinator, 0 lawyers, 1 open case, 3 closed, latest check-in 2026-11-30 09:00 UTC".</summary>
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Subjects} subject(s), {Coordinators} coordinator(s), {Lawyers} lawyer(s), {OpenCases} open case(s), {ClosedCases} closed, latest check-in {(LatestCheckIn is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC" : "none")}");
}

/// <summary>Counts what a backup holds from one unit of work.</summary>
public static class BackupHoldsReader
{
    /// <summary>What <paramref name="db"/> holds; null when a person or case record does not open (the backup is made all the same).</summary>
    public static BackupHolds? Read(Domain.DataSession db)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            var people = db.People.All().ToList();
            var cases = db.Cases.All().ToList();
            return new BackupHolds(
                people.Count(p => p.Role == Domain.Role.Subject),
                people.Count(p => p.Role == Domain.Role.Coordinator),
                people.Count(p => p.Role == Domain.Role.Lawyer),
                cases.Count(c => c.Status != Domain.CaseStatus.Resolved),
                cases.Count(c => c.Status == Domain.CaseStatus.Resolved),
                people.Select(p => p.Checkin?.LastCheckinAt).Max());
        }
        catch (Crypto.RecordIntegrityException)
        {
            return null;
        }
    }
}
