using System.Globalization;
using System.Text;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>Composes and queues the alerts about a case: who is told at each level, what each reads, and the edits after a press.</summary>
public static class CaseAlerts
{
    /// <summary>The subject's coordinators.</summary>
    public static IReadOnlyList<Person> LevelOne(DataSession db, Person subject)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.CoordinatorIds.Distinct().Select(db.People.Find).OfType<Person>()];
    }

    /// <summary>Backup coordinators and lawyers (anyone already at level 1 is not counted twice).</summary>
    public static IReadOnlyList<Person> LevelTwo(DataSession db, Person subject)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.BackupCoordinatorIds.Concat(subject.LawyerIds).Distinct()
            .Where(id => !subject.CoordinatorIds.Contains(id)).Select(db.People.Find).OfType<Person>()];
    }

    /// <summary>
    /// Queues an alert about the case to each of <paramref name="recipients"/>; its words are composed when it is sent
    /// (<see cref="CaseMessages.Prepare"/>). A reader whose earlier alert about the case is still undelivered gets no second
    /// one behind it: that one will tell the case as it stands when it goes.
    /// </summary>
    public static void Send(DataSession db, Case @case, Person subject, IEnumerable<Person> recipients, AlertReason reason, DateTimeOffset now, CaseTrigger? headline = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(recipients);
        var waiting = WaitingAlerts(db, @case.Id);
        foreach (var reader in recipients)
        {
            if (!@case.Recipients.Contains(reader.Id))
            {
                @case.Recipients.Add(reader.Id);
            }

            if (reader.Role == Role.Lawyer && @case.LawyerToldAt is null)
            {
                @case.LawyerToldAt = now;
            }

            if (waiting.TryGetValue(reader.Id, out var pending))
            {
                Merge(db, pending, reason, headline);
                @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AlertMerged, PersonId = reader.Id, Detail = reason.ToString() });
                continue;
            }

            db.Outbox.Enqueue(new OutgoingMessage
            {
                ChatId = reader.ChatId,
                PersonId = reader.Id,
                Priority = MessagePriority.Alarm,
                CaseId = @case.Id,
                TrackCopy = true,
                QueuedAt = now,
                Text = "",
                Content = new MessageContent { Kind = MessageKind.CaseAlert, Reason = reason, Headline = headline },
            });
            @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AlertQueued, PersonId = reader.Id, Detail = reason.ToString() });
        }

        @case.LastNotifiedAt = now;
    }

    /// <summary>Queues a plain message about the case to everyone alerted so far (a check-in, a location).</summary>
    public static void TellRecipients(DataSession db, Case @case, DateTimeOffset now, MessageText text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var reader in @case.Recipients.Select(db.People.Find).OfType<Person>())
        {
            Queue(db, @case, reader, now, text);
        }
    }

    /// <summary>Queues one alarm-priority message about the case to <paramref name="reader"/>, worded when sent (not an alert copy, which <see cref="Send"/> queues); a drill's is marked as such.</summary>
    public static void Queue(DataSession db, Case @case, Person reader, DateTimeOffset now, MessageText text, List<List<InlineButton>>? buttons = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(text);
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = reader.ChatId,
            PersonId = reader.Id,
            Priority = MessagePriority.Alarm,
            CaseId = @case.Id,
            QueuedAt = now,
            Text = "",
            Content = @case.IsDrill ? MessageContent.Of([new MessageText(TextId.DrillPrefix), text], "")
                : @case.IsDuress ? MessageContent.Of([new MessageText(TextId.DuressPrefix), text], "")
                : MessageContent.Of(text),
            InlineButtons = buttons,
        });
    }

    /// <summary>Edits each recipient's latest delivered copy so it shows who took the case, or how it ended; older copies are left as they are.</summary>
    public static void UpdateCopies(DataSession db, Case @case, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        foreach (var copy in @case.Copies.GroupBy(c => c.PersonId, StringComparer.Ordinal).Select(g => g.Last()))
        {
            UpdateCopy(db, @case, copy, now);
        }
    }

    /// <summary>
    /// Queues an edit of <paramref name="copy"/>, last in the send order, when it does not show the case as it stands; nothing
    /// while the case is open, or for a copy that is not its reader's latest. The words are chosen when the edit is sent.
    /// </summary>
    /// <remarks>Also for a copy Telegram accepted only after the press: it went out with the old buttons.</remarks>
    public static void UpdateCopy(DataSession db, Case @case, AlertCopy copy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(copy);
        if (!NeedsEdit(@case, copy) || db.People.Find(copy.PersonId) is not { } reader)
        {
            return;
        }

        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = copy.ChatId,
            PersonId = reader.Id,
            Priority = MessagePriority.Edit,
            CaseId = @case.Id,
            QueuedAt = now,
            EditMessageId = copy.MessageId,
            Text = "",
            Content = new MessageContent { Kind = MessageKind.CaseStatus },
        });
    }

    /// <summary>True when <paramref name="copy"/> is its reader's latest and does not show the case's present state (open cases need no edit).</summary>
    public static bool NeedsEdit(Case @case, AlertCopy copy)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(copy);
        return @case.Status != CaseStatus.Open
            && copy.Shows != StateShown(@case)
            && @case.Copies.LastOrDefault(c => c.PersonId == copy.PersonId) is { } latest
            && latest.MessageId == copy.MessageId
            && latest.ChatId == copy.ChatId;
    }

    /// <summary>The state an alert composed now shows: "Open", "Acknowledged:p7" (by whom) or "Resolved".</summary>
    public static string StateShown(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Status switch
        {
            CaseStatus.Open => nameof(CaseStatus.Open),
            CaseStatus.Acknowledged => nameof(CaseStatus.Acknowledged) + ":" + @case.AcknowledgedBy,
            _ => nameof(CaseStatus.Resolved),
        };
    }

    /// <summary>The line under an alert saying who took the case or how it ended, in <paramref name="reader"/>'s words; null while it is open.</summary>
    public static string? StatusLine(DataSession db, Case @case, Person reader)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        if (@case.Status == CaseStatus.Open)
        {
            return null;
        }

        var actorId = @case.Status == CaseStatus.Resolved ? @case.ResolvedBy : @case.AcknowledgedBy;
        var actor = actorId is null ? null : db.People.Find(actorId);
        return @case.Status == CaseStatus.Resolved
            ? TextCatalogue.Format(reader.Language, TextId.StatusResolvedBy, actor?.Name ?? "?", LocalTime.Format(@case.ResolvedAt!.Value, reader.TimeZone, SchedulePrecision.For(db.People.Find(@case.SubjectId)?.Checkin?.Schedule)), OutcomeWord(@case.Outcome!.Value, reader.Language))
            : TextCatalogue.Format(reader.Language, TextId.StatusAcknowledgedBy, actor?.Name ?? "?", LocalTime.FormatClock(@case.AcknowledgedAt!.Value, reader.TimeZone, SchedulePrecision.For(db.People.Find(@case.SubjectId)?.Checkin?.Schedule)));
    }

    /// <summary>The buttons an alert carries in the case's present state: Acknowledge and Resolve while open, Resolve once taken, none once resolved.</summary>
    public static List<List<InlineButton>>? Buttons(Case @case, Person reader)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        var resolve = new InlineButton(TextCatalogue.Format(reader.Language, TextId.ButtonResolve), new ResolveCase(@case.Id));
        return @case.Status switch
        {
            CaseStatus.Open => [[new InlineButton(TextCatalogue.Format(reader.Language, TextId.ButtonAcknowledge), new AcknowledgeCase(@case.Id)), resolve]],
            CaseStatus.Acknowledged => [[resolve]],
            _ => null,
        };
    }

    /// <summary><paramref name="text"/> with <paramref name="status"/> under it, the text shortened so both fit one message.</summary>
    public static string WithStatus(string text, string? status)
    {
        ArgumentNullException.ThrowIfNull(text);
        return status is null ? text : Shorten(text, OutgoingMessage.MaxTextLength - status.Length - 2) + "\n\n" + status;
    }

    /// <summary><paramref name="text"/> with a drill's mark in front when the case is a drill, and the duress warning when it is a duress case.</summary>
    public static string Marked(Case @case, Person reader, string text)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        return (@case.IsDrill ? TextCatalogue.Format(reader.Language, TextId.DrillPrefix) : "")
            + (@case.IsDuress ? TextCatalogue.Format(reader.Language, TextId.DuressPrefix) : "")
            + text;
    }

    private static string Shorten(string text, int room) => TextCut.End(text, Math.Max(1, room));

    // Undelivered alert rows about the case, by reader (at most one each: Send never queues a second). A case opened in this
    // unit of work has none but those queued in it, and finding that reads nothing: a mass event opens many cases at once.
    private static Dictionary<string, OutgoingMessage> WaitingAlerts(DataSession db, string caseId)
    {
        var waiting = new Dictionary<string, OutgoingMessage>(StringComparer.Ordinal);
        foreach (var row in db.Outbox.AboutCase(caseId))
        {
            if (row.CaseId == caseId && row.TrackCopy && row.EditMessageId is null && row.PersonId is { } personId)
            {
                waiting.TryAdd(personId, row);
            }
        }

        return waiting;
    }

    private static int Weight(AlertReason reason) => reason switch
    {
        AlertReason.Alarm => 0,
        AlertReason.Repeat => 1,
        AlertReason.Escalated => 2,
        _ => 3,
    };

    // The waiting alert takes the weightier reason (a repeat says more than the first alarm; reopened says the most) and a joining alarm's headline.
    private static void Merge(DataSession db, OutgoingMessage pending, AlertReason reason, CaseTrigger? headline)
    {
        if (pending.Content is not { Kind: MessageKind.CaseAlert } content)
        {
            return;
        }

        var changed = false;
        if (content.Reason is not { } was || Weight(reason) > Weight(was))
        {
            content.Reason = reason;
            changed = true;
        }

        if (headline is not null && headline != content.Headline)
        {
            content.Headline = headline;
            changed = true;
        }

        if (changed)
        {
            db.Outbox.Update(pending);
        }
    }

    /// <summary>The localised word for an outcome.</summary>
    public static string OutcomeWord(CaseOutcome outcome, Language language) => TextCatalogue.Format(language, OutcomeText(outcome));

    /// <summary>The catalogue text that names an outcome (for a message worded when it is sent).</summary>
    public static TextId OutcomeText(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Safe => TextId.OutcomeSafe,
        CaseOutcome.Detained => TextId.OutcomeDetained,
        CaseOutcome.Missing => TextId.OutcomeMissing,
        CaseOutcome.Hospitalised => TextId.OutcomeHospitalised,
        _ => TextId.OutcomeOther,
    };

    /// <summary>The alert text as <paramref name="reader"/> reads it: headline, why now, last known location, response plan.</summary>
    public static string Compose(DataSession db, Case @case, Person subject, Person reader, AlertReason reason, DateTimeOffset now, CaseTrigger? headline = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var zone = reader.TimeZone;
        var precision = SchedulePrecision.For(subject.Checkin?.Schedule);
        var text = new StringBuilder();
        var reporter = @case.ReportedBy is null ? null : db.People.Find(@case.ReportedBy);
        text.Append((headline ?? @case.Trigger) switch
        {
            CaseTrigger.MissedCheckin => TextCatalogue.Format(
                language,
                TextId.MissedAlert,
                @case.Id,
                subject.Name,
                LastCheckin(@case, subject) is { } last ? LocalTime.Format(last, zone, precision) : TextCatalogue.Format(language, TextId.Never),
                LocalTime.Format(@case.MissedDeadline ?? @case.OpenedAt, zone, precision),
                LocalTime.Format(@case.GraceEnd ?? @case.OpenedAt, zone, precision)),
            CaseTrigger.Sos => TextCatalogue.Format(language, TextId.SosAlert, @case.Id, subject.Name, LocalTime.Format(@case.OpenedAt, zone, precision)),
            CaseTrigger.MissingReport => TextCatalogue.Format(language, TextId.MissingAlert, @case.Id, subject.Name, reporter?.Name ?? "?", LocalTime.Format(@case.OpenedAt, zone, precision), @case.ReportText ?? ""),
            CaseTrigger.Drill => TextCatalogue.Format(language, TextId.DrillAlert, @case.Id, subject.Name, reporter?.Name ?? "?", LocalTime.Format(@case.OpenedAt, zone, precision)),
            CaseTrigger.Duress => TextCatalogue.Format(language, TextId.DuressAlert, @case.Id, subject.Name, LocalTime.Format(@case.DuressAt ?? @case.OpenedAt, zone, precision)),
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
                var taken = QuietAcknowledgement(@case);
                var taker = taken?.PersonId is { } takerId ? db.People.Find(takerId) : null;
                text.Append('\n').Append(TextCatalogue.Format(language, TextId.AlertReopened, taker?.Name ?? "?", taken is { } entry ? LocalTime.FormatClock(entry.At, zone, precision) : "?"));
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

    /// <summary>The subject's last check-in as it stands now (a check-in after the case opened included), else the one the case opened with.</summary>
    public static DateTimeOffset? LastCheckin(Case @case, Person subject)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Checkin?.LastCheckinAt is { } latest && (@case.LastCheckinAt is not { } atOpening || latest > atOpening) ? latest : @case.LastCheckinAt;
    }

    // The acknowledgement that went quiet before the case was widened again (the case forgets its taker when it reopens).
    private static CaseEntry? QuietAcknowledgement(Case @case)
    {
        var reopened = @case.Timeline.FindLastIndex(e => e.Kind == CaseEntryKind.Escalated && e.PersonId is not null);
        var before = reopened < 0 ? @case.Timeline.Count : reopened;
        return @case.Timeline.Take(before).LastOrDefault(e => e.Kind == CaseEntryKind.Acknowledged);
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
