using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using DistressBot.Messages;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace DistressBot.Telegram;

/// <summary>Case commands and alert buttons of coordinators and lawyers: /ack, /resolve, /note, /cases, /case, /export, /checkpoint, /fact, /draft, and for coordinators /plan, /drill, /missing.</summary>
public sealed partial class CaseCommandHandler(ILogger<CaseCommandHandler> logger)
{
    /// <summary>Handles a case command; false when <paramref name="command"/> is not one this role has.</summary>
    public bool Handle(DataSession db, Person actor, BotCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        var (first, rest) = Split(command.Arguments);
        switch (command.Name)
        {
            case "cases":
                Notify.Send(db, actor, MessagePriority.Reply, now, new MessageContent { Kind = MessageKind.OpenCases });
                return true;
            case "case":
                OnCase(db, actor, first, now, TextId.CaseUsage, found =>
                {
                    // Every read is a step of the case's log: who read it, and when.
                    found.Case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Read, PersonId = actor.Id });
                    db.Cases.Save(found.Case);
                    Notify.Send(db, actor, MessagePriority.Reply, now, new MessageContent { Kind = MessageKind.CaseView, About = found.Case.Id });
                    return null;
                });
                return true;
            case "checkpoint":
                OnCase(db, actor, first, now, TextId.CheckpointUsage, found =>
                {
                    SendCheckpoint.Run(db, found.Case, [actor], now, "request");
                    return null;
                });
                return true;
            case "export":
                Export(db, actor, first, rest, now);
                return true;
            case "fact":
                var (key, value) = Split(rest);
                Act(db, actor, first, now, TextId.FactUsage, id => SetCaseFact.Run(db, actor, id, key, value, now), key);
                return true;
            case "draft":
                Draft(db, actor, first, rest, now);
                return true;
            case "evidence":
                EvidenceMessages.Command(db, actor, command.Arguments, db.Handling?.SentAt ?? now, now, logger);
                return true;
            case "ack":
                Act(db, actor, first, now, TextId.AckUsage, id => TakeCase.Run(db, actor, id, now));
                return true;
            case "note":
                Act(db, actor, first, now, TextId.NoteUsage, id => AddCaseNote.Run(db, actor, id, rest, now));
                return true;
            case "resolve":
                var (outcomeWord, note) = Split(rest);
                if (!CloseCase.TryParseOutcome(outcomeWord, out var outcome))
                {
                    Reply(db, actor, now, new MessageText(TextId.ResolveUsage));
                    return true;
                }

                Act(db, actor, first, now, TextId.ResolveUsage, id => CloseCase.Run(db, actor, id, outcome, note, now, OwedDeadlines.ResumeAfterResolution));
                return true;
        }

        if (actor.Role != Role.Coordinator)
        {
            return false;
        }

        switch (command.Name)
        {
            case "plan":
                Plan(db, actor, command.Arguments, now);
                return true;
            case "drill":
                Drill(db, actor, command.Arguments, now);
                return true;
            case "missing":
                MissingReport(db, actor, command.Arguments, now);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An alert button (see <see cref="CallbackData"/>): acknowledge, resolve (then outcome buttons), an offered outcome; any other data is refused.</summary>
    public HandledUpdate HandleCallback(DataSession db, CallbackQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var actor = db.People.FindByTelegramUser(query.From.Id);
        if (!CallbackData.TryDecode(query.Data, out var button))
        {
            LogForgedCallback(CallbackData.ForLog(query.Data));
            return actor is null
                ? new HandledUpdate(query.Id)
                : new HandledUpdate(query.Id, TextCatalogue.Format(actor.Language, TextId.ButtonNotOffered));
        }

        if (actor is null)
        {
            LogRefused(button.CaseId);
            return new HandledUpdate(query.Id);
        }

        var result = button switch
        {
            AcknowledgeCase => TakeCase.Run(db, actor, button.CaseId, now),
            ResolveCase => CloseCase.Ask(db, actor, button.CaseId, now),
            ChooseOutcome choice => CloseCase.Run(db, actor, button.CaseId, choice.Outcome, "", now, OwedDeadlines.ResumeAfterResolution),
            _ => null,
        };
        if (result is { Outcome: CaseActionOutcome.NotFound })
        {
            LogRefused(button.CaseId);
        }

        return new HandledUpdate(query.Id, result is null || Render(actor, button.CaseId, result) is not { } answer ? null : Wording.Render(answer, Reader.Of(actor)));
    }

    /// <summary>The plain message after a bare /plan Alias: see <see cref="SetResponsePlan.Finish"/>.</summary>
    public static void FinishPlan(DataSession db, Person coordinator, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        RenderPlan(db, coordinator, "", SetResponsePlan.Finish(db, coordinator, text), now);
    }

    private static void Plan(DataSession db, Person coordinator, string arguments, DateTimeOffset now)
    {
        var newline = arguments.IndexOf('\n', StringComparison.Ordinal);
        var alias = (newline < 0 ? arguments : arguments[..newline]).Trim();
        var text = newline < 0 ? "" : arguments[(newline + 1)..];
        RenderPlan(db, coordinator, alias, SetResponsePlan.Run(db, coordinator, alias, text), now);
    }

    private static void RenderPlan(DataSession db, Person coordinator, string alias, PlanResult result, DateTimeOffset now)
    {
        var reply = result switch
        {
            { Outcome: PlanOutcome.Usage } => new MessageText(TextId.PlanUsage),
            { Outcome: PlanOutcome.SubjectNotFound } => new MessageText(TextId.SubjectNotFound, TextCut.End(alias, 32)),
            { Outcome: PlanOutcome.Asked, Subject: { } subject } =>
                new MessageText(TextId.PlanAsk, subject.Name, string.IsNullOrWhiteSpace(subject.ResponsePlan) ? "—" : subject.ResponsePlan),
            { Outcome: PlanOutcome.Saved, Subject: { } subject } => new MessageText(TextId.PlanSaved, subject.Name),
            _ => null,
        };
        if (reply is not null)
        {
            Reply(db, coordinator, now, reply);
        }
    }

    private static void MissingReport(DataSession db, Person coordinator, string arguments, DateTimeOffset now)
    {
        var result = ReportMissing.Run(db, coordinator, arguments, now);
        Reply(db, coordinator, now, result switch
        {
            { Outcome: MissingOutcome.Opened, Case: { } opened, Subject: { } subject } => new MessageText(TextId.MissingOpened, opened.Id, subject.Name),
            { Outcome: MissingOutcome.Usage } => new MessageText(TextId.MissingUsage),
            _ => new MessageText(TextId.SubjectNotFound, arguments.Split('\n')[0]),
        }, result.Outcome == MissingOutcome.Opened ? result.Case?.Id : null);
    }

    private static void Drill(DataSession db, Person coordinator, string alias, DateTimeOffset now)
    {
        var result = StartDrill.Run(db, coordinator, alias, now);
        Reply(db, coordinator, now, result switch
        {
            { Outcome: DrillOutcome.Started, Case: { } drill, Subject: { } subject } => new MessageText(TextId.DrillStarted, drill.Id, subject.Name),
            { Outcome: DrillOutcome.AlreadyRunning, Subject: { } subject } => new MessageText(TextId.DrillAlreadyRunning, subject.Name),
            { Outcome: DrillOutcome.Usage } => new MessageText(TextId.DrillUsage),
            _ => new MessageText(TextId.SubjectNotFound, TextCut.End(alias.Trim(), 32)),
        }, result.Outcome == DrillOutcome.Started ? result.Case?.Id : null);
    }

    private void Act(DataSession db, Person actor, string caseId, DateTimeOffset now, TextId usage, Func<string, CaseActionResult> act, string factKey = "")
    {
        if (caseId.Length == 0)
        {
            Reply(db, actor, now, new MessageText(usage));
            return;
        }

        var result = act(caseId);
        if (result.Outcome == CaseActionOutcome.NotFound)
        {
            Refused(caseId);
        }

        if (result.Outcome == CaseActionOutcome.FactSet)
        {
            var key = DraftFacts.Find(factKey) ?? factKey;
            LogFactKept(key, result.Case!.Id);
            Reply(db, actor, now, new MessageText(TextId.FactSet, result.Case.Id, key), result.Case.Id);
        }
        else if (Render(actor, TextCut.End(caseId, 16), result) is { } answer)
        {
            Reply(db, actor, now, answer, result.Outcome == CaseActionOutcome.NotFound ? null : result.Case?.Id);
        }
    }

    private void OnCase(DataSession db, Person actor, string caseId, DateTimeOffset now, TextId usage, Func<(Case Case, Person Subject), MessageText?> act)
    {
        if (caseId.Length == 0)
        {
            Reply(db, actor, now, new MessageText(usage));
            return;
        }

        if (CaseAccess.Enter(db, actor, caseId, now) is not { } found)
        {
            Refused(caseId);
            Reply(db, actor, now, new MessageText(TextId.CaseNotFound, TextCut.End(caseId, 16)));
            return;
        }

        if (act(found) is { } text)
        {
            Reply(db, actor, now, text);
        }
    }

    // The bundle goes to the asker as a protected zip, its export logged in the case; someone not on it hears "no such case".
    // Words after the case number ("locations,notes") choose what the bundle withholds; an unknown word exports nothing.
    private void Export(DataSession db, Person actor, string caseId, string words, DateTimeOffset now)
    {
        if (caseId.Length == 0)
        {
            Reply(db, actor, now, new MessageText(TextId.ExportUsage));
            return;
        }

        var redaction = Evidence.Redaction.None;
        if (words.Length > 0 && !Evidence.Redaction.TryParse(words, out redaction, out var unknown))
        {
            Reply(db, actor, now, new MessageText(TextId.ExportRedactUsage, TextCut.End(unknown, 32)));
            return;
        }

        if (ExportCase.Run(db, actor, caseId, now, redaction) is not { } data)
        {
            Refused(caseId);
            Reply(db, actor, now, new MessageText(TextId.CaseNotFound, TextCut.End(caseId, 16)));
            return;
        }

        var zone = TimeZones.TryFind(actor.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var name = CaseBundles.ZipName(data.CaseId);
        var zip = CaseBundles.Make(data, actor.Language, zone, now).ToZip();
        if (actor.SealingKey is { } sealingKey)
        {
            // Only the sealed file goes: a plain copy beside it would put the bundle on Telegram's servers in the clear.
            var sealedName = name + Evidence.SealedBundle.Extension;
            var caption = new MessageText(TextId.ExportSealedCaption, data.CaseId, data.Entries.Count, sealedName, Evidence.SealedBundle.Fingerprint(sealingKey));
            Notify.SendDocument(db, actor, MessagePriority.Reply, now, sealedName, "application/octet-stream", Evidence.SealedBundle.Seal(zip, sealingKey), caption, data.CaseId);
            LogExportSealed(data.CaseId);
            return;
        }

        Notify.SendDocument(db, actor, MessagePriority.Reply, now, name, "application/zip", zip, new MessageText(TextId.ExportCaption, data.CaseId, data.Entries.Count, name), data.CaseId);
    }

    // The draft goes to the asker as a protected .docx in their language and zone, its making logged in the case; someone not on it hears "no such case".
    private void Draft(DataSession db, Person actor, string caseId, string kindWord, DateTimeOffset now)
    {
        if (caseId.Length == 0)
        {
            Reply(db, actor, now, new MessageText(TextId.DraftUsage));
            return;
        }

        if (!DraftKinds.TryParse(kindWord, out var kind))
        {
            // The case is looked up all the same, so a stranger's try is logged and answered as for any case of others.
            OnCase(db, actor, caseId, now, TextId.DraftUsage, _ => new MessageText(TextId.DraftUsage));
            return;
        }

        var zone = TimeZones.TryFind(actor.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        if (MakeDraft.Run(db, actor, caseId, kind, actor.Language, zone, now) is not { } draft)
        {
            Refused(caseId);
            Reply(db, actor, now, new MessageText(TextId.CaseNotFound, TextCut.End(caseId, 16)));
            return;
        }

        Notify.SendDocument(db, actor, MessagePriority.Reply, now, draft.FileName, DraftAppeal.MimeType, draft.Content, new MessageText(TextId.DraftCaption, draft.CaseId, DraftKinds.Word(kind)), draft.CaseId);
        LogDraftMade(DraftKinds.Word(kind), draft.CaseId);
    }

    // The answer to an action on a case, as data worded for the actor when sent (or at once for a button press); null when the action queued its own message (the outcomes to choose).
    private static MessageText? Render(Person actor, string typedId, CaseActionResult result)
    {
        var @case = result.Case;
        return result.Outcome switch
        {
            CaseActionOutcome.NotFound => new MessageText(TextId.CaseNotFound, typedId),
            CaseActionOutcome.OutcomesOffered => null,
            CaseActionOutcome.NoteMissing => new MessageText(TextId.NoteUsage),
            CaseActionOutcome.Closed => new MessageText(TextId.CaseAlreadyResolved, @case!.Id),
            CaseActionOutcome.Acknowledged or CaseActionOutcome.AlreadyYours => new MessageText(TextId.CaseAcknowledgedByYou, @case!.Id),
            CaseActionOutcome.TakenByOther => new MessageText(TextId.CaseAlreadyAcknowledged, @case!.Id, result.Taker?.Name ?? "?", MessageArg.Clock(@case.AcknowledgedAt!.Value)),
            CaseActionOutcome.OtherNeedsNote => new MessageText(TextId.ResolveOtherNeedsNote, @case!.Id),
            CaseActionOutcome.Noted => new MessageText(TextId.NoteAdded, @case!.Id),
            CaseActionOutcome.Resolved => new MessageText(TextId.CaseResolvedByYou, @case!.Id, CaseAlerts.OutcomeText(@case.Outcome!.Value)),
            CaseActionOutcome.FactUsage => new MessageText(TextId.FactUsage),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "A case action outcome without words."),
        };
    }

    // Only a case number is logged: whatever else was typed may be an alias.
    private void Refused(string typed)
    {
        var id = typed.Trim().ToUpperInvariant();
        LogRefused(CallbackData.IsCaseId(id) ? id : "(not a case number)");
    }

    private static (string First, string Remainder) Split(string text)
    {
        text = text.Trim();
        var space = text.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    // With the case the answer is about (only one the actor is on), so a file sent in reply to it is evidence for that case.
    private static void Reply(DataSession db, Person to, DateTimeOffset now, MessageText text, string? about = null) =>
        Notify.Send(db, to, MessagePriority.Reply, now, new MessageContent { Kind = MessageKind.Texts, Parts = [text], About = about });

    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Refused a case action on {CaseId}: not the caller's case, or no such case")]
    private partial void LogRefused(string caseId);

    [LoggerMessage(EventId = 3540, Level = LogLevel.Information, Message = "A fact for the drafts ({Key}) was kept on case {CaseId}")]
    private partial void LogFactKept(string key, string caseId);

    [LoggerMessage(EventId = 3541, Level = LogLevel.Information, Message = "A {Kind} draft of case {CaseId} was made and queued to its asker")]
    private partial void LogDraftMade(string kind, string caseId);

    [LoggerMessage(EventId = 3570, Level = LogLevel.Information, Message = "The bundle of case {CaseId} was sealed to its asker's key and queued to them")]
    private partial void LogExportSealed(string caseId);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Refused a button press whose callback data the bot never offered: {Data}")]
    private partial void LogForgedCallback(string data);
}
