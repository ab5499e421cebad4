using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>
/// Removes routine check-in history older than the retention period (docs/retention.md). The store keeps no history of
/// check-ins beyond each subject's latest (<see cref="CheckinState.LastCheckinAt"/>, which deadlines need): what piles up is
/// the updates set aside after failing, raw messages (check-ins, PINs, anything a person sent) kept for the admin. Those
/// older than the period go, unless a case under legal hold covers them: sent by its subject at or after the last check-in
/// before it opened. Nothing of a case is touched here: its record, log, checkpoints and outbox rows stay until it is purged.
/// </summary>
public static class CheckinRetention
{
    /// <summary>Removes set-aside updates older than <paramref name="keep"/> at <paramref name="now"/> that no held case covers; returns how many.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">A record does not open (damaged): nothing is removed in this unit of work.</exception>
    public static int Run(DataSession db, DateTimeOffset now, TimeSpan keep)
    {
        ArgumentNullException.ThrowIfNull(db);
        var old = db.Inbox.SetAside(now).Where(u => now - u.At >= keep).ToList();
        if (old.Count == 0)
        {
            return 0;
        }

        // Held from the subject's last check-in before the case opened (or its opening, when there was none) onward.
        var holds = db.Cases.All()
            .Where(c => c.ReleasedAt is null)
            .Select(c => (c.SubjectId, From: c.LastCheckinAt is { } last && last < c.OpenedAt ? last : c.OpenedAt))
            .ToList();
        var removed = 0;
        foreach (var update in old)
        {
            if (update.SenderId is { } sender && holds.Exists(h => h.SubjectId == sender && update.At >= h.From))
            {
                continue;
            }

            if (db.Inbox.RemoveSetAside(update.Id))
            {
                removed++;
            }
        }

        return removed;
    }
}
