using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;

namespace DistressBot.Hosting;

/// <summary>
/// The one read of every person at start: deadline instants for the <see cref="DeadlineMonitor"/>, open cases' instants for
/// the <see cref="EscalationMonitor"/>, and the coverage check, all in one unit of work that opens each person once.
/// </summary>
/// <remarks>
/// Before, each monitor and the health service's first coverage check read and decrypted every person on its own: three
/// full scans on the start-up path. The result is handed to both monitors and then dropped; only ids and instants are
/// kept (in the timer indexes), never the decrypted people.
/// </remarks>
public sealed class StartupScan(BotStore store, BotRules rules, TimeProvider time)
{
    private const int Consumers = 2;

    private readonly Lock _gate = new();
    private Task<StartupTimers>? _scan;
    private int _taken;

    /// <summary>The scan's result, made by the first caller and shared with the second; a failed scan is made again by the next call.</summary>
    public Task<StartupTimers> TakeAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_scan is null || _scan.IsFaulted || _scan.IsCanceled)
            {
                _scan = store.RunAsync(Scan, ct);
                _taken = 0;
            }

            var scan = _scan;

            // Both monitors have it: let it go, so the lists of a large network are not held for the process's life.
            if (++_taken == Consumers)
            {
                _scan = null;
                _ = GiveBackAsync(scan);
            }

            return scan;
        }
    }

    // The scan's garbage (every person opened, every blob read: about 200 MiB at 100,000 people) would otherwise stay
    // mapped: the GC keeps the heap it grew to. One aggressive, compacting collection after start returns it to the OS
    // (measured 383 → 175 MiB resident at 100,000 people); LiteDB's own page cache, which 5.0.21 never shrinks, stays.
    private static async Task GiveBackAsync(Task scan)
    {
        try
        {
            await scan.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The monitors see the failure and scan again; nothing to give back.
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private StartupTimers Scan(DataSession db)
    {
        var now = time.GetUtcNow();
        var people = db.People.All().ToList();
        var deadlines = new List<TimerLook>();
        var escalations = new List<TimerLook>();
        foreach (var subject in people.Where(p => p.Checkin is not null))
        {
            deadlines.Add(new TimerLook(subject.Id, DeadlineProcessor.NextEventAt(subject, rules), DeadlineProcessor.AlarmAt(subject)));
            foreach (var caseId in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
            {
                if (db.Cases.Find(caseId) is { } @case)
                {
                    // Every step of a case is urgent: an escalation is an alarm to the next people in the chain.
                    var at = EscalationProcessor.NextEventAt(@case, rules.Escalation.With(subject.Policy));
                    escalations.Add(new TimerLook(caseId, at, at));
                }
            }
        }

        // Same unit, same people: a gap found here is reported as the health service's daily check would.
        PersonReachability.CheckCoverage(db, now, people: people);
        return new StartupTimers(deadlines, escalations);
    }
}

/// <summary>What <see cref="StartupScan"/> found: each subject's next deadline or reminder, and each open case's next escalation step.</summary>
/// <param name="Deadlines">Each subject's next look: id, next instant (null: nothing scheduled), and when an alarm becomes due.</param>
/// <param name="Escalations">Each open case's next look: id and next instant (null: nothing due), every step urgent.</param>
public sealed record StartupTimers(IReadOnlyList<TimerLook> Deadlines, IReadOnlyList<TimerLook> Escalations);
