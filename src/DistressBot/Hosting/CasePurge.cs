using DistressBot.Crypto;
using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>
/// Crypto-shreds one case: its record, log, checkpoints, queued publications and outbox rows are deleted in one unit of work,
/// then its own key is destroyed, so any copy left (a backup, a deleted page in the file) no longer opens. The one purge, for
/// `distressbot cases purge` and for the retention step's purge of a released case.
/// </summary>
public static class CasePurge
{
    /// <summary>Purges case <paramref name="caseId"/>; true when there was a record or a key to destroy (false: no such case, or purged already).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<bool> RunAsync(BotStore store, CaseKeyStore caseKeys, string caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caseKeys);
        ArgumentNullException.ThrowIfNull(caseId);

        // Record first, key second: a crash in between leaves a key without a record, and purging again destroys it.
        var recordExisted = await store.RunAsync(db => DeleteRecords(db, caseId), ct);
        var keyExisted = caseKeys.Destroy(caseId);
        return recordExisted || keyExisted;
    }

    private static bool DeleteRecords(DataSession db, string caseId)
    {
        try
        {
            db.CaseLog.Delete(caseId);
        }
        catch (RecordIntegrityException)
        {
            // Its key is gone already: the log is shredded with it.
        }

        var existed = db.Cases.Delete(caseId);
        foreach (var subject in db.People.All().Where(p => p.Checkin?.OpenCaseId == caseId || p.Checkin?.OpenDrillCaseId == caseId))
        {
            if (subject.Checkin!.OpenCaseId == caseId)
            {
                subject.Checkin.OpenCaseId = null;
            }

            if (subject.Checkin.OpenDrillCaseId == caseId)
            {
                subject.Checkin.OpenDrillCaseId = null;
            }

            db.People.Save(subject);
        }

        // Its evidence files go too: they are sealed under the key about to be destroyed.
        db.EvidenceFiles.Delete(caseId);
        db.CaseReplies.Delete(caseId);
        foreach (var pending in db.EvidenceIntake.All().Where(p => p.CaseId == caseId))
        {
            db.EvidenceIntake.Remove(pending.Id);
        }

        // Its unsent alerts go too: they are sealed under the key about to be destroyed.
        foreach (var message in db.Outbox.All().Where(m => m.CaseId == caseId))
        {
            db.Outbox.Remove(message.Id);
        }

        return existed;
    }
}
