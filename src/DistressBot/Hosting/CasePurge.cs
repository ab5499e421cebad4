using DistressBot.Crypto;
using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>
/// Crypto-shreds one case: its record, log, checkpoints, queued publications, outbox rows and its own key record are deleted
/// in one unit of work, so any copy left (a backup taken before, a file block outside the store) no longer opens without the
/// key. LiteDB zero-fills the deleted key record in its page, and the checkpoint after the commit writes that page over the
/// old one in the data file (docs/crypto.md). The one purge, for
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

        // One unit: the records and the key go together, or (a rollback) neither does.
        return await store.RunAsync(
            db =>
            {
                var recordExisted = DeleteRecords(db, caseId);
                var keyExisted = caseKeys.Destroy(db.Backend, caseId);
                return recordExisted || keyExisted;
            },
            ct);
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

        // The case names its subject: only when it no longer opens (its key destroyed by an earlier, interrupted purge) is
        // every person read to find who still points at it.
        string? subjectId;
        try
        {
            subjectId = db.Cases.Find(caseId)?.SubjectId;
        }
        catch (RecordIntegrityException)
        {
            subjectId = null;
        }

        var existed = db.Cases.Delete(caseId);
        var candidates = subjectId is null ? db.People.All() : new[] { db.People.Find(subjectId) }.OfType<Person>();
        foreach (var subject in candidates.Where(p => p.Checkin?.OpenCaseId == caseId || p.Checkin?.OpenDrillCaseId == caseId).ToList())
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
