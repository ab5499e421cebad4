using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>
/// The admin changes one subject's escalation timings: the timings given replace the subject's own and the others are kept; a
/// reset returns the subject to the deployment's timings. Open cases follow the new timings from their next step. Nobody is
/// told. Returns the timings now in force for the subject.
/// </summary>
public static class SetPolicy
{
    /// <summary>Applies <paramref name="change"/> (null fields: keep the subject's own) over <paramref name="deployment"/>'s timings.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject.</exception>
    public static EscalationPolicy Run(DataSession db, Person subject, EscalationPolicyOverride change, EscalationPolicy deployment)
    {
        ArgumentNullException.ThrowIfNull(change);
        Check(db, subject, deployment);
        subject.Policy = new EscalationPolicyOverride(
            change.AcknowledgeTimeout ?? subject.Policy?.AcknowledgeTimeout,
            change.RepeatEvery ?? subject.Policy?.RepeatEvery,
            change.AcknowledgedReminder ?? subject.Policy?.AcknowledgedReminder);
        db.People.Save(subject);
        return deployment.With(subject.Policy);
    }

    /// <summary>Drops the subject's own timings: <paramref name="deployment"/>'s apply again.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject.</exception>
    public static EscalationPolicy Reset(DataSession db, Person subject, EscalationPolicy deployment)
    {
        Check(db, subject, deployment);
        subject.Policy = null;
        db.People.Save(subject);
        return deployment;
    }

    private static void Check(DataSession db, Person subject, EscalationPolicy deployment)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(deployment);
        if (subject.Role != Role.Subject)
        {
            throw new ArgumentException("Only a subject has escalation timings of their own.", nameof(subject));
        }
    }
}
