using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>
/// The one read at start that gives both timer monitors their looks: from the sealed timer index (a few MiB, <see cref="TimerIndexStore"/>)
/// when it can be used, else from every person, once, rebuilding the index in the same unit of work.
/// </summary>
/// <remarks>
/// Before, each monitor and the health service's first coverage check read and decrypted every person on its own: three
/// full scans on the start-up path; then one shared scan (6.9 to 8.6 s and 245 MiB resident at 100,000 subjects). The index
/// is kept in the unit of work of every change that moves a timer (<see cref="TimerIndexKeeper"/>), so it is never behind
/// the store; one that is missing, computed under other rules or by another build, short of entries or damaged is not used.
/// The coverage check, which needs every person, runs later in its own unit (<see cref="HealthService"/>). The result is
/// handed to both monitors and then dropped; only ids and instants are kept (in the timer indexes), never people.
/// </remarks>
public sealed partial class StartupScan(BotStore store, BotRules rules, ILogger<StartupScan> logger)
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

    // What the start-up left behind (host, JIT, the looks handed over) would otherwise stay mapped: the GC keeps the heap it
    // grew to. One aggressive, compacting collection once the timers are loaded returns it to the OS (measured 143 → 112 MiB
    // resident at 10,000 people). A fallback read of every person is given back by the store itself (it reopens the file).
    private static async Task GiveBackAsync(Task scan)
    {
        try
        {
            await scan.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The monitors see the failure and read again; nothing to give back.
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private StartupTimers Scan(DataSession db)
    {
        var fingerprint = TimerIndexKeeper.Fingerprint(rules);
        var read = db.TimerIndex.Read(fingerprint);
        if (read.Entries is { } entries)
        {
            var timers = new StartupTimers(
                [.. entries.Where(e => e.Kind == TimerKind.Subject).Select(e => new TimerLook(e.Id, e.At, e.UrgentAt))],
                [.. entries.Where(e => e.Kind == TimerKind.Case).Select(e => new TimerLook(e.Id, e.At, e.UrgentAt))]);
            LogFromIndex(timers.Deadlines.Count, timers.Escalations.Count);
            return timers;
        }

        // The store is the truth: read every person (the store gives the pages of this large read back afterwards).
        LogScanning(read.Problem);
        var deadlines = new List<TimerLook>();
        var escalations = new List<TimerLook>();
        var rebuilt = new List<TimerIndexEntry>();
        foreach (var subject in db.People.All().Where(p => p.Checkin is not null))
        {
            deadlines.Add(new TimerLook(subject.Id, DeadlineProcessor.NextEventAt(subject, rules), DeadlineProcessor.AlarmAt(subject)));
            if (TimerIndexKeeper.SubjectEntry(subject, rules) is { } own)
            {
                rebuilt.Add(own);
            }

            foreach (var caseId in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
            {
                if (db.Cases.Find(caseId) is { } @case)
                {
                    // Every step of a case is urgent: an escalation is an alarm to the next people in the chain.
                    var at = EscalationProcessor.NextEventAt(@case, rules.Escalation.With(subject.Policy));
                    escalations.Add(new TimerLook(caseId, at, at));
                    if (TimerIndexKeeper.CaseEntry(@case, subject.Policy, rules) is { } entry)
                    {
                        rebuilt.Add(entry);
                    }
                }
            }
        }

        db.TimerIndex.Rebuild(rebuilt, fingerprint);
        LogRebuilt(rebuilt.Count);
        return new StartupTimers(deadlines, escalations);
    }

    [LoggerMessage(EventId = 3680, Level = LogLevel.Information, Message = "Timers loaded from the sealed timer index: {Subjects} subjects and {Cases} open cases")]
    private partial void LogFromIndex(int subjects, int cases);

    [LoggerMessage(EventId = 3681, Level = LogLevel.Warning, Message = "The sealed timer index cannot be used ({Problem}): every person is read instead and the index rebuilt")]
    private partial void LogScanning(TimerIndexProblem problem);

    [LoggerMessage(EventId = 3682, Level = LogLevel.Information, Message = "The sealed timer index was rebuilt with {Entries} entries")]
    private partial void LogRebuilt(int entries);
}

/// <summary>What <see cref="StartupScan"/> found: each subject's next deadline or reminder, and each open case's next escalation step.</summary>
/// <param name="Deadlines">Each subject's next look: id, next instant (null: nothing scheduled), and when an alarm becomes due.</param>
/// <param name="Escalations">Each open case's next look: id and next instant (null: nothing due), every step urgent.</param>
public sealed record StartupTimers(IReadOnlyList<TimerLook> Deadlines, IReadOnlyList<TimerLook> Escalations);
