using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>What became of an admin's release of a case from legal hold.</summary>
public enum ReleaseOutcome
{
    /// <summary>Released now: written into its log, purged once the retention period has passed.</summary>
    Released,

    /// <summary>No case has that number (or it was purged already).</summary>
    NoSuchCase,

    /// <summary>The case is not resolved: an open case is evidence in the making and stays held.</summary>
    StillOpen,

    /// <summary>It was released before; the first release stands (and its purge date with it).</summary>
    AlreadyReleased,
}

/// <summary>
/// Legal hold: every case is held from the moment it opens, with everything about it (its record, log, checkpoints and queued
/// rows), and nothing purges a held case. The admin releases a resolved one (`distressbot cases release C-0042`); from then
/// the retention step purges it after <c>Retention:ReleasedCaseDays</c>.
/// </summary>
public static class ReleaseCase
{
    /// <summary>Releases case <paramref name="caseId"/> at <paramref name="now"/> as the admin; the step goes into its log in this unit of work.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">The case record does not open (damaged).</exception>
    public static (ReleaseOutcome Outcome, Case? Case) Run(DataSession db, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseId);
        if (db.Cases.Find(caseId) is not { } @case)
        {
            return (ReleaseOutcome.NoSuchCase, null);
        }

        if (@case.Status != CaseStatus.Resolved)
        {
            return (ReleaseOutcome.StillOpen, @case);
        }

        if (@case.ReleasedAt is not null)
        {
            return (ReleaseOutcome.AlreadyReleased, @case);
        }

        @case.ReleasedAt = now;
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Released, ByAdmin = true });
        db.Cases.Save(@case);
        return (ReleaseOutcome.Released, @case);
    }

    /// <summary>The cases released at least <paramref name="keep"/> before <paramref name="now"/>, due for purging; a held (unreleased) case never is.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">A case record does not open (damaged).</exception>
    public static IReadOnlyList<string> DueForPurge(DataSession db, DateTimeOffset now, TimeSpan keep)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Cases.All().Where(c => c.ReleasedAt is { } released && now - released >= keep).Select(c => c.Id)];
    }
}
