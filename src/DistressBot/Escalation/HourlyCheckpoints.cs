using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>
/// While a case is open its log gets a signed checkpoint at least hourly, even when nothing happens: with a witness or a
/// timestamp authority configured, each one later proves the log held no more than this at that hour.
/// </summary>
public static class HourlyCheckpoints
{
    /// <summary>How often the host asks (<see cref="Run"/> signs only what is due, so asking more often costs reads, not checkpoints).</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(10);

    /// <summary>The longest an open case's log goes without a checkpoint.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Signs a checkpoint for every open case whose last one will be an hour old before the next check at <paramref name="now"/> + <see cref="CheckEvery"/>; returns how many.</summary>
    /// <exception cref="InvalidOperationException">No log key.</exception>
    public static int Run(DataSession db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var signed = 0;
        foreach (var @case in db.Cases.All().Where(c => c.Status != CaseStatus.Resolved))
        {
            var head = db.CaseLog.Head(@case.Id);
            if (head.Size > 0 && (head.LastCheckpointAt is not { } last || last + Every - CheckEvery <= now))
            {
                db.CaseLog.Sign(@case.Id, now, "hourly");
                signed++;
            }
        }

        return signed;
    }
}
