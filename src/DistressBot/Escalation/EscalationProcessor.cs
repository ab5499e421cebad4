using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>A case's escalation as a pure function of its timing fields and one <c>now</c>: level 2, repeats, reminders to a quiet taker.</summary>
public static class EscalationProcessor
{
    /// <summary>When the case next needs attention under <paramref name="policy"/>, or null (resolved).</summary>
    public static DateTimeOffset? NextEventAt(Case @case, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(policy);
        switch (@case.Status)
        {
            case CaseStatus.Open:
                var repeat = @case.LastNotifiedAt + policy.RepeatEvery;
                if (@case.Level < 2)
                {
                    var levelTwo = @case.OpenedAt + policy.AcknowledgeTimeout;
                    return levelTwo < repeat ? levelTwo : repeat;
                }

                return repeat;
            case CaseStatus.Acknowledged:
                return @case.ActivityReminderAt is { } reminded
                    ? reminded + policy.AcknowledgedReminder
                    : (@case.LastActivityAt ?? @case.AcknowledgedAt ?? @case.OpenedAt) + policy.AcknowledgedReminder;
            default:
                return null;
        }
    }

    /// <summary>Does what is due for the case at <paramref name="now"/> (in the caller's unit of work); returns its next instant.</summary>
    public static DateTimeOffset? Process(DataSession db, string caseId, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var @case = db.Cases.Find(caseId);
        var subject = @case is null ? null : db.People.Find(@case.SubjectId);
        if (@case is null || subject is null || @case.Status == CaseStatus.Resolved)
        {
            return null;
        }

        var policy = rules.Escalation.With(subject.Policy);
        if (NextEventAt(@case, policy) is not { } due || due > now)
        {
            return NextEventAt(@case, policy);
        }

        if (@case.Status == CaseStatus.Open)
        {
            // Someone Telegram refuses for good gets no repeats (they were told once; the chain was told they are unreachable).
            var levelOne = CaseAlerts.LevelOne(db, subject).Where(p => p.UnreachableSince is null).ToList();
            var levelTwo = CaseAlerts.LevelTwo(db, subject).Where(p => p.UnreachableSince is null).ToList();
            if (@case.Level < 2 && now >= @case.OpenedAt + policy.AcknowledgeTimeout)
            {
                @case.Level = 2;
                @case.LevelTwoAt = now;
                @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Escalated, Detail = "nobody acknowledged" });
                db.Record(new CaseLevelChanged(@case.Id, 2, LevelChangeReason.NobodyAcknowledged));
                CaseAlerts.Send(db, @case, subject, levelTwo, AlertReason.Escalated, now);
                CaseAlerts.Send(db, @case, subject, levelOne, AlertReason.Repeat, now);
            }
            else
            {
                @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Repeated });
                db.Record(new CaseRepeated(@case.Id, @case.Level));
                CaseAlerts.Send(db, @case, subject, @case.Level >= 2 ? levelOne.Concat(levelTwo) : levelOne, AlertReason.Repeat, now);
            }
        }
        else if (@case.ActivityReminderAt is null)
        {
            // Acknowledged but quiet: remind the taker first.
            if (@case.AcknowledgedBy is { } takerId && db.People.Find(takerId) is { } taker)
            {
                CaseAlerts.Queue(
                    db,
                    @case,
                    taker,
                    now,
                    new MessageText(Localization.TextId.AcknowledgedReminder, @case.Id, subject.Name),
                    [[new InlineButton(Localization.TextCatalogue.Format(taker.Language, Localization.TextId.ButtonResolve), new ResolveCase(@case.Id))]]);
            }

            @case.ActivityReminderAt = now;
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AcknowledgedReminder, PersonId = @case.AcknowledgedBy });
            db.Record(new QuietTakerReminded(@case.Id));
        }
        else
        {
            // Still quiet after the reminder: people acknowledge and fall asleep. Widen again.
            @case.Status = CaseStatus.Open;
            if (@case.Level < 2)
            {
                @case.Level = 2;
                @case.LevelTwoAt = now;
            }

            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Escalated, Detail = "acknowledged but quiet", PersonId = @case.AcknowledgedBy });
            db.Record(new CaseLevelChanged(@case.Id, @case.Level, LevelChangeReason.AcknowledgedButQuiet));
            CaseAlerts.Send(db, @case, subject, CaseAlerts.LevelOne(db, subject).Concat(CaseAlerts.LevelTwo(db, subject)), AlertReason.Reopened, now);
            @case.AcknowledgedBy = null;
            @case.AcknowledgedAt = null;
            @case.ActivityReminderAt = null;
        }

        db.Cases.Save(@case);
        return NextEventAt(@case, policy);
    }
}
