using System.Collections.Concurrent;
using DistressBot.Domain;

namespace DistressBot.Benchmarks.Harness;

/// <summary>Listens to the store's commits (the seam the bot's own timers and log use) and notes, per subject, when an alarm about them and a check-in of theirs were first committed.</summary>
internal sealed class CommitRecorder : IStoreObserver
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _alarms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _checkins = new(StringComparer.Ordinal);

    /// <summary>Subject id → wall-clock instant the first alarm about them (a new case or one joined) was committed.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Alarms => _alarms;

    /// <summary>Subject id → wall-clock instant the first commit that saved them with a check-in was made (the seeded subjects have none).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Checkins => _checkins;

    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        var at = TimeProvider.System.GetUtcNow();
        foreach (var raised in changes.Events.OfType<AlarmRaised>())
        {
            if (changes.Cases.FirstOrDefault(c => c.Case.Id == raised.CaseId).Case is { } @case)
            {
                _alarms.TryAdd(@case.SubjectId, at);
            }
        }

        foreach (var subject in changes.Subjects)
        {
            if (subject.Checkin?.LastCheckinAt is not null)
            {
                _checkins.TryAdd(subject.Id, at);
            }
        }
    }
}
