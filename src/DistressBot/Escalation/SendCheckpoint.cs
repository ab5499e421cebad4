using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>
/// A signed checkpoint of a case's log leaves the server through a person: a lawyer when the case is resolved, anyone on the
/// case who asks (/checkpoint C-0042). They get the case number, the number of entries and the signed note verbatim, and
/// the checkpoint records that it went to them (the bundle's <c>checkpoints/</c> lists it).
/// </summary>
public static class SendCheckpoint
{
    /// <summary>
    /// Queues <paramref name="case"/>'s checkpoint over its whole log to each of <paramref name="to"/> at <paramref name="now"/>
    /// (the latest one when it covers every entry, else one signed now for <paramref name="reason"/>); returns it.
    /// </summary>
    /// <exception cref="InvalidOperationException">No log key, or the case has no log.</exception>
    public static CheckpointRecord Run(DataSession db, Case @case, IReadOnlyList<Person> to, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(to);
        var checkpoint = Current(db, @case.Id, now, reason);
        foreach (var person in to)
        {
            checkpoint.Sent.Add(new CheckpointSent(person.Role == Role.Lawyer ? "lawyer" : "coordinator", person.Name, now));

            // Not tied to the case id: a resolved case drops its queued texts, and this one is sent because it was resolved.
            Notify.Send(db, person, MessagePriority.Reply, now, TextId.CheckpointMessage, @case.Id, checkpoint.Size, checkpoint.Note);
        }

        db.CaseLog.Update(checkpoint);
        return checkpoint;
    }

    /// <summary>The case's latest checkpoint when it covers the whole log, else one signed at <paramref name="now"/> for <paramref name="reason"/>.</summary>
    /// <exception cref="InvalidOperationException">No log key, or the case has no log.</exception>
    public static CheckpointRecord Current(DataSession db, string caseId, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = db.CaseLog.Latest(caseId);
        return latest is not null && latest.Size == db.CaseLog.Head(caseId).Size ? latest : db.CaseLog.Sign(caseId, now, reason);
    }

    /// <summary>The lawyers of the case's subject, as stored now.</summary>
    public static IReadOnlyList<Person> Lawyers(DataSession db, Case @case)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        return db.People.Find(@case.SubjectId) is { } subject
            ? [.. subject.LawyerIds.Select(db.People.Find).OfType<Person>()]
            : [];
    }
}
