using System.Globalization;
using System.Text;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>Why an alert about a case goes out now.</summary>
public enum AlertReason
{
    /// <summary>The alarm that opened or joined the case.</summary>
    Alarm,

    /// <summary>Nobody acknowledged in time: level 2 is brought in.</summary>
    Escalated,

    /// <summary>Still unacknowledged: told again.</summary>
    Repeat,

    /// <summary>Acknowledged, then nothing: escalated again.</summary>
    Reopened,
}

/// <summary>Composes and queues the alerts about a case: who is told at each level, what each reads, and the edits after a press.</summary>
public static class CaseAlerts
{
    /// <summary>The subject's coordinators.</summary>
    public static IReadOnlyList<Person> LevelOne(DataSession db, Person subject)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.CoordinatorIds.Distinct().Select(db.Person).OfType<Person>()];
    }

    /// <summary>Backup coordinators and lawyers (anyone already at level 1 is not counted twice).</summary>
    public static IReadOnlyList<Person> LevelTwo(DataSession db, Person subject)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.BackupCoordinatorIds.Concat(subject.LawyerIds).Distinct()
            .Where(id => !subject.CoordinatorIds.Contains(id)).Select(db.Person).OfType<Person>()];
    }

    /// <summary>Everyone who may act on the subject's cases.</summary>
    public static bool IsInChain(Person actor, Person subject)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subject);
        return actor.Role is Role.Coordinator or Role.Lawyer
            && (subject.CoordinatorIds.Contains(actor.Id) || subject.BackupCoordinatorIds.Contains(actor.Id) || subject.LawyerIds.Contains(actor.Id));
    }

    /// <summary>Queues an alert with Acknowledge/Resolve buttons to each of <paramref name="recipients"/>.</summary>
    public static void Send(DataSession db, Case @case, Person subject, IEnumerable<Person> recipients, AlertReason reason, DateTimeOffset now, CaseTrigger? headline = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(recipients);
        foreach (var reader in recipients)
        {
            Queue(
                db,
                @case,
                reader,
                now,
                Compose(db, @case, subject, reader, reason, now, headline),
                [[
                    new InlineButton(TextCatalogue.Format(reader.Language, TextId.ButtonAcknowledge), new AcknowledgeCase(@case.Id)),
                    new InlineButton(TextCatalogue.Format(reader.Language, TextId.ButtonResolve), new ResolveCase(@case.Id)),
                ]],
                trackCopy: true);
            if (!@case.Recipients.Contains(reader.Id))
            {
                @case.Recipients.Add(reader.Id);
            }

            if (reader.Role == Role.Lawyer && @case.LawyerToldAt is null)
            {
                @case.LawyerToldAt = now;
            }

            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AlertQueued, PersonId = reader.Id, Detail = reason.ToString() });
        }

        @case.LastNotifiedAt = now;
    }

    /// <summary>Queues a plain message about the case to everyone alerted so far (a check-in, a location).</summary>
    public static void TellRecipients(DataSession db, Case @case, DateTimeOffset now, Func<Person, string> text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var reader in @case.Recipients.Select(db.Person).OfType<Person>())
        {
            Queue(db, @case, reader, now, text(reader));
        }
    }

    /// <summary>Queues one alarm-priority message about the case to <paramref name="reader"/>; a drill's is marked as such.</summary>
    public static void Queue(DataSession db, Case @case, Person reader, DateTimeOffset now, string text, List<List<InlineButton>>? buttons = null, bool trackCopy = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        db.Enqueue(new OutgoingMessage
        {
            ChatId = reader.ChatId,
            PersonId = reader.Id,
            Priority = MessagePriority.Alarm,
            CaseId = @case.Id,
            TrackCopy = trackCopy,
            QueuedAt = now,
            Text = (@case.IsDrill ? TextCatalogue.Format(reader.Language, TextId.DrillPrefix) : "") + text,
            InlineButtons = buttons,
        });
    }

    /// <summary>Edits every delivered copy of the case's alerts so each recipient sees who took it, or how it ended.</summary>
    public static void UpdateCopies(DataSession db, Case @case, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        foreach (var copy in @case.Copies)
        {
            UpdateCopy(db, @case, copy, now);
        }
    }

    /// <summary>Edits one delivered copy to show who took the case or how it ended; nothing while the case is open.</summary>
    /// <remarks>Also for a copy Telegram accepted only after the press: it went out with the old buttons.</remarks>
    public static void UpdateCopy(DataSession db, Case @case, AlertCopy copy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(copy);
        if (@case.Status == CaseStatus.Open || db.Person(copy.PersonId) is not { } reader)
        {
            return;
        }

        var actorId = @case.Status == CaseStatus.Resolved ? @case.ResolvedBy : @case.AcknowledgedBy;
        var actor = actorId is null ? null : db.Person(actorId);
        var status = @case.Status == CaseStatus.Resolved
            ? TextCatalogue.Format(reader.Language, TextId.StatusResolvedBy, actor?.Name ?? "?", LocalTime.Format(@case.ResolvedAt!.Value, reader.TimeZone, LocalTime.PrecisionFor(db.Person(@case.SubjectId)?.Checkin?.Schedule)), OutcomeWord(@case.Outcome!.Value, reader.Language))
            : TextCatalogue.Format(reader.Language, TextId.StatusAcknowledgedBy, actor?.Name ?? "?", LocalTime.FormatClock(@case.AcknowledgedAt!.Value, reader.TimeZone, LocalTime.PrecisionFor(db.Person(@case.SubjectId)?.Checkin?.Schedule)));
        db.Enqueue(new OutgoingMessage
        {
            ChatId = copy.ChatId,
            PersonId = reader.Id,
            Priority = MessagePriority.Alarm,
            CaseId = @case.Id,
            QueuedAt = now,
            EditMessageId = copy.MessageId,
            Text = Shorten(copy.Text, OutgoingMessage.MaxTextLength - status.Length - 2) + "\n\n" + status,
            InlineButtons = @case.Status == CaseStatus.Resolved
                ? null
                : [[new InlineButton(TextCatalogue.Format(reader.Language, TextId.ButtonResolve), new ResolveCase(@case.Id))]],
        });
    }

    private static string Shorten(string text, int room) => text.Length <= room ? text : text[..Math.Max(0, room - 1)] + "…";

    /// <summary>The localised word for an outcome.</summary>
    public static string OutcomeWord(CaseOutcome outcome, Language language) => TextCatalogue.Format(language, outcome switch
    {
        CaseOutcome.Safe => TextId.OutcomeSafe,
        CaseOutcome.Detained => TextId.OutcomeDetained,
        CaseOutcome.Missing => TextId.OutcomeMissing,
        CaseOutcome.Hospitalised => TextId.OutcomeHospitalised,
        _ => TextId.OutcomeOther,
    });

    /// <summary>The alert text as <paramref name="reader"/> reads it: headline, why now, last known location, response plan.</summary>
    public static string Compose(DataSession db, Case @case, Person subject, Person reader, AlertReason reason, DateTimeOffset now, CaseTrigger? headline = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var zone = reader.TimeZone;
        var precision = LocalTime.PrecisionFor(subject.Checkin?.Schedule);
        var text = new StringBuilder();
        var reporter = @case.ReportedBy is null ? null : db.Person(@case.ReportedBy);
        text.Append((headline ?? @case.Trigger) switch
        {
            CaseTrigger.MissedCheckin => TextCatalogue.Format(
                language,
                TextId.MissedAlert,
                @case.Id,
                subject.Name,
                @case.LastCheckinAt is { } last ? LocalTime.Format(last, zone, precision) : TextCatalogue.Format(language, TextId.Never),
                LocalTime.Format(@case.MissedDeadline ?? @case.OpenedAt, zone, precision),
                LocalTime.Format(@case.GraceEnd ?? @case.OpenedAt, zone, precision)),
            CaseTrigger.Sos => TextCatalogue.Format(language, TextId.SosAlert, @case.Id, subject.Name, LocalTime.Format(@case.OpenedAt, zone, precision)),
            CaseTrigger.MissingReport => TextCatalogue.Format(language, TextId.MissingAlert, @case.Id, subject.Name, reporter?.Name ?? "?", LocalTime.Format(@case.OpenedAt, zone, precision), @case.ReportText ?? ""),
            CaseTrigger.Drill => TextCatalogue.Format(language, TextId.DrillAlert, @case.Id, subject.Name, reporter?.Name ?? "?", LocalTime.Format(@case.OpenedAt, zone, precision)),
            _ => TextCatalogue.Format(language, TextId.UnreachableAlert, @case.Id, subject.Name, LocalTime.Format(@case.OpenedAt, zone, precision)),
        });

        var joined = @case.Timeline.Count(e => e.Kind == CaseEntryKind.Joined);
        if (joined > 0)
        {
            text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertJoined, joined + 1));
        }

        switch (reason)
        {
            case AlertReason.Escalated:
                text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertEscalated, HumanDuration.Format(now - @case.OpenedAt, language)));
                break;
            case AlertReason.Repeat:
                text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertRepeat, HumanDuration.Format(now - @case.OpenedAt, language)));
                break;
            case AlertReason.Reopened:
                var taker = @case.AcknowledgedBy is null ? null : db.Person(@case.AcknowledgedBy);
                text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertReopened, taker?.Name ?? "?", @case.AcknowledgedAt is { } at ? LocalTime.FormatClock(at, zone, precision) : "?"));
                break;
        }

        if (@case.BotDownFrom is { } downFrom && @case.BotDownTo is { } downTo)
        {
            text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertDowntime, LocalTime.Format(downFrom, zone, precision), LocalTime.Format(downTo, zone, precision)));
        }

        if (subject.LastLocation is { } location)
        {
            text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertLocation, FormatLocation(location), LocalTime.Format(location.At, zone, precision)));
        }

        if (!string.IsNullOrWhiteSpace(subject.ResponsePlan))
        {
            text.Append("\n\n").Append(TextCatalogue.Format(language, TextId.AlertPlan, subject.ResponsePlan));
        }

        return text.ToString();
    }

    /// <summary>"43.31790, 45.69810 https://www.openstreetmap.org/…"</summary>
    public static string FormatLocation(SharedLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var lat = location.Latitude.ToString("F5", CultureInfo.InvariantCulture);
        var lon = location.Longitude.ToString("F5", CultureInfo.InvariantCulture);
        return $"{lat}, {lon} https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }
}
