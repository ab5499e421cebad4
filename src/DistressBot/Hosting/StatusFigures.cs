using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Storage.LiteDb;

namespace DistressBot.Hosting;

/// <summary>What the store says about the bot's health: read in one unit of work, which opens (and so authenticates) every person and outbox row.</summary>
/// <param name="OutboxLength">Rows waiting.</param>
/// <param name="OldestQueuedAt">When the oldest row was queued (domain time); null when none waits.</param>
/// <param name="OpenCases">Open cases (drills not counted).</param>
/// <param name="CoverageGaps">Subjects with no reachable coordinator.</param>
public sealed record StatusFigures(int OutboxLength, DateTimeOffset? OldestQueuedAt, int OpenCases, int CoverageGaps)
{
    /// <summary>Reads the figures from <paramref name="store"/>.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">A record does not open: the store is damaged (or under another keyring).</exception>
    public static Task<StatusFigures> ReadAsync(BotStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.RunAsync(
            db =>
            {
                var outbox = db.Outbox.All();
                var people = db.People.All().ToList();
                return new StatusFigures(
                    outbox.Count,
                    outbox.Count == 0 ? null : outbox.Min(m => m.QueuedAt),
                    people.Count(p => p.Checkin?.OpenCaseId is not null),
                    PersonReachability.CoverageGaps(people).Count);
            },
            ct);
    }

    /// <summary>Open cases (drills not counted), read from the case records alone: the gauge's figure, refreshed after a commit changed a case without reading every person.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">A case record does not open.</exception>
    public static Task<int> ReadOpenCasesAsync(BotStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.RunAsync(db => db.Cases.All().Count(c => c.Status != CaseStatus.Resolved && !c.IsDrill), ct);
    }

    /// <summary>Bytes of the data file and its write-ahead log in <paramref name="dataDirectory"/>; null when there is no data file.</summary>
    public static long? DataFileBytes(string dataDirectory)
    {
        var data = new FileInfo(Path.Combine(dataDirectory, LiteRecordStore.DataFileName));
        if (!data.Exists)
        {
            return null;
        }

        var log = new FileInfo(Path.Combine(dataDirectory, Path.GetFileNameWithoutExtension(LiteRecordStore.DataFileName) + "-log.db"));
        return data.Length + (log.Exists ? log.Length : 0);
    }
}
