using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;

namespace DistressBot.Hosting;

/// <summary>Keeps the sealed timer index (<see cref="TimerIndexStore"/>) in every unit of work that saves a subject or a case, so it is never behind the store.</summary>
/// <remarks>
/// Installed on the store by <see cref="BotRuntime"/>, so the running bot and every admin command keep it alike. The looks are
/// the ones <see cref="TimerRegistry"/> offers after the commit, worked out from the same saved records under the same rules;
/// the index is stamped with <see cref="Fingerprint"/>, so one computed under other rules or by another build is never used.
/// </remarks>
/// <param name="rules">The rules looks are worked out under; null when the settings give none (the index is then dropped by any change to a timer, and rebuilt at the next start).</param>
public sealed class TimerIndexKeeper(BotRules? rules) : IUnitClosing
{
    private readonly byte[]? _fingerprint = rules is null ? null : Fingerprint(rules);

    /// <summary>
    /// SHA-256 over everything a look depends on besides the records: this build of the bot (its module version id, so a new
    /// release recomputes once) and the rules <see cref="DeadlineProcessor.NextEventAt"/> and <see cref="EscalationProcessor.NextEventAt"/> read
    /// (the reminder lead and the escalation timings). A settings change between runs then makes the start-up read every person.
    /// </summary>
    public static byte[] Fingerprint(BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var build = typeof(TimerIndexKeeper).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
        var input = new byte[32 + build.Length + 4 * 8];
        Encoding.ASCII.GetBytes("DistressBot timer index v1\0\0\0\0\0\0").CopyTo(input, 0);
        build.CopyTo(input, 32);
        var at = 32 + build.Length;
        foreach (var value in new[] { rules.ReminderLead, rules.Escalation.AcknowledgeTimeout, rules.Escalation.RepeatEvery, rules.Escalation.AcknowledgedReminder })
        {
            BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(at), value.Ticks);
            at += 8;
        }

        return SHA256.HashData(input);
    }

    /// <summary>A subject's index entry: its next look and alarm instant, or null when nothing is scheduled.</summary>
    public static TimerIndexEntry? SubjectEntry(Person subject, BotRules rules) =>
        DeadlineProcessor.NextEventAt(subject, rules) is { } at
            ? new TimerIndexEntry(TimerKind.Subject, subject.Id, at, DeadlineProcessor.AlarmAt(subject))
            : null;

    /// <summary>An open case's index entry under its subject's policy (every step urgent), or null when resolved.</summary>
    public static TimerIndexEntry? CaseEntry(Case @case, EscalationPolicyOverride? policy, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return EscalationProcessor.NextEventAt(@case, rules.Escalation.With(policy)) is { } at
            ? new TimerIndexEntry(TimerKind.Case, @case.Id, at, at)
            : null;
    }

    /// <inheritdoc/>
    public void Closing(DataSession db, StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Subjects.Count == 0 && changes.Cases.Count == 0 && db.Removed.Count == 0)
        {
            return;
        }

        if (rules is null || _fingerprint is null)
        {
            db.TimerIndex.Invalidate();
            return;
        }

        var updates = new List<TimerIndexChange>(changes.Subjects.Count + changes.Cases.Count + db.Removed.Count);
        updates.AddRange(changes.Subjects.Select(s => new TimerIndexChange(TimerKind.Subject, s.Id, SubjectEntry(s, rules))));
        updates.AddRange(changes.Cases.Select(c => new TimerIndexChange(TimerKind.Case, c.Case.Id, CaseEntry(c.Case, c.Policy, rules))));

        // Last, so a record saved and then deleted in one unit leaves no entry; one deleted and made again keeps its own.
        updates.AddRange(db.Removed.Where(r => r.Kind == TimerKind.Subject ? db.People.Find(r.Id) is null : db.Cases.Find(r.Id) is null));
        db.TimerIndex.Apply(updates, _fingerprint);
    }
}
