using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>What happens when Telegram refuses messages to a person for good, and the check that every subject still has someone reachable.</summary>
public static class PersonReachability
{
    /// <summary>
    /// Marks <paramref name="person"/> unreachable. A subject that becomes unreachable is a danger signal and opens a case;
    /// a coordinator or lawyer that becomes unreachable moves the case's alert on to the next level at once and the rest of the chain is told.
    /// </summary>
    public static void Unreachable(DataSession db, Person person, string reason, string? caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var first = person.UnreachableSince is null;
        if (first)
        {
            person.UnreachableSince = now;
            person.UnreachableReason = reason;
            db.People.Save(person);
            db.Record(new PersonUnreachable(person.Role, caseId));
        }

        if (person.Role == Role.Subject)
        {
            if (first)
            {
                Alarms.SubjectUnreachable(db, person, reason, now);
            }

            return;
        }

        if (caseId is not null && db.Cases.Find(caseId) is { Status: not CaseStatus.Resolved } @case && db.People.Find(@case.SubjectId) is { } subject)
        {
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.RecipientUnreachable, PersonId = person.Id, Detail = reason });
            if (@case.Level < 2)
            {
                // Do not wait out the acknowledge timeout for someone who cannot get the alert.
                @case.Level = 2;
                @case.LevelTwoAt = now;
                @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Escalated, Detail = "a level-1 recipient is unreachable" });
                db.Record(new CaseLevelChanged(@case.Id, 2, LevelChangeReason.RecipientUnreachable));
                CaseAlerts.Send(db, @case, subject, CaseAlerts.LevelTwo(db, subject).Where(p => p.UnreachableSince is null), AlertReason.Escalated, now);
            }

            db.Cases.Save(@case);
        }

        if (first)
        {
            TellColleagues(db, person, now);
            CheckCoverage(db, now, force: true);
        }
    }

    /// <summary>Clears the unreachable mark of someone who wrote to the bot again (they unblocked it).</summary>
    public static void Reached(DataSession db, Person person)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (person.UnreachableSince is not null)
        {
            person.UnreachableSince = null;
            person.UnreachableReason = null;
            db.People.Save(person);
        }
    }

    /// <summary>Subjects whose coordinators (primary and backup) are all missing or unreachable; reported to every reachable coordinator, at most daily per subject unless <paramref name="force"/>.</summary>
    /// <param name="db">The unit of work.</param>
    /// <param name="now">The unit's instant.</param>
    /// <param name="force">Report every gap, even one reported within the day.</param>
    /// <param name="people">Every person, as read in this same unit of work (the start-up scan's); null: read them here.</param>
    public static IReadOnlyList<Person> CheckCoverage(DataSession db, DateTimeOffset now, bool force = false, IReadOnlyList<Person>? people = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        people ??= db.People.All().ToList();
        var byId = people.ToDictionary(p => p.Id);
        var gaps = CoverageGaps(people);
        var due = gaps.Where(s => force || s.CoverageGapReportedAt is null || now - s.CoverageGapReportedAt >= TimeSpan.FromHours(23)).ToList();
        if (due.Count == 0)
        {
            return gaps;
        }

        // Least knowledge first: whoever is still reachable in the subject's own chain (backups, lawyers). Only when that
        // is nobody do all coordinators hear the alias, because someone must act before an incident, not during one.
        var told = new Dictionary<string, (Person Reader, List<string> Aliases)>(StringComparer.Ordinal);
        foreach (var subject in due)
        {
            var chain = subject.CoordinatorIds.Concat(subject.BackupCoordinatorIds).Concat(subject.LawyerIds)
                .Select(id => byId.GetValueOrDefault(id)).OfType<Person>().Where(p => p.UnreachableSince is null).ToList();
            var readers = chain.Count > 0 ? chain : people.Where(p => p.Role == Role.Coordinator && p.UnreachableSince is null).ToList();
            foreach (var reader in readers)
            {
                if (!told.TryGetValue(reader.Id, out var entry))
                {
                    entry = told[reader.Id] = (reader, []);
                }

                entry.Aliases.Add(subject.Name);
            }
        }

        foreach (var (reader, aliases) in told.Values)
        {
            Notify.Send(db, reader, MessagePriority.Alarm, now, TextId.CoverageGap, string.Join(", ", aliases));
        }

        db.Record(new CoverageGapReported(due.Count, told.Count));
        foreach (var subject in due)
        {
            subject.CoverageGapReportedAt = now;
            db.People.Save(subject);
        }

        return gaps;
    }

    /// <summary>Subjects among <paramref name="people"/> (everyone enrolled) whose coordinators, primary and backup, are all missing or unreachable; reads only, tells nobody.</summary>
    public static IReadOnlyList<Person> CoverageGaps(IReadOnlyCollection<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var byId = people.ToDictionary(p => p.Id);
        return people
            .Where(p => p.Role == Role.Subject)
            .Where(s => !s.CoordinatorIds.Concat(s.BackupCoordinatorIds).Any(id => byId.TryGetValue(id, out var c) && c.UnreachableSince is null))
            .ToList();
    }

    private static void TellColleagues(DataSession db, Person person, DateTimeOffset now)
    {
        var subjects = person.SubjectIds.Concat(person.BackupSubjectIds).Distinct().Select(db.People.Find).OfType<Person>().ToList();
        var colleagues = subjects
            .SelectMany(s => s.CoordinatorIds.Concat(s.BackupCoordinatorIds).Concat(s.LawyerIds))
            .Distinct()
            .Where(id => id != person.Id)
            .Select(db.People.Find)
            .OfType<Person>()
            .Where(p => p.UnreachableSince is null);
        foreach (var colleague in colleagues)
        {
            var shared = subjects.Where(s => CaseAccess.MayActOnCases(colleague, s)).Select(s => s.Name);
            Notify.Send(db, colleague, MessagePriority.Alarm, now, TextId.ColleagueUnreachable, person.Name, string.Join(", ", shared));
        }
    }
}
