using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace DistressBot.Telegram;

/// <summary>Case commands and alert buttons of coordinators and lawyers: /ack, /resolve, /note, /cases, /case, and for coordinators /plan, /drill, /missing.</summary>
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
                Reply(db, actor, now, CaseViews.OpenCases(db, actor, now));
                return true;
            case "case":
                OnCase(db, actor, first, now, TextId.CaseUsage, found => CaseViews.Timeline(db, found.Case, found.Subject, actor, now));
                return true;
            case "ack":
                OnCase(db, actor, first, now, TextId.AckUsage, found => CaseActions.Acknowledge(db, actor, found.Case, now));
                return true;
            case "note":
                OnCase(db, actor, first, now, TextId.NoteUsage, found => CaseActions.Note(db, actor, found.Case, rest, now));
                return true;
            case "resolve":
                var (outcomeWord, note) = Split(rest);
                if (!CaseActions.TryParseOutcome(outcomeWord, out var outcome))
                {
                    Reply(db, actor, now, TextCatalogue.Format(actor.Language, TextId.ResolveUsage));
                    return true;
                }

                OnCase(db, actor, first, now, TextId.ResolveUsage, found => CaseActions.Resolve(db, actor, found.Case, outcome, note, now, CheckinService.ResumeAfterResolution));
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
        var actor = db.PersonByTelegramUser(query.From.Id);
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

        if (CaseAccess.FindCase(db, actor, button.CaseId) is not { } found)
        {
            LogRefused(button.CaseId);
            return new HandledUpdate(query.Id, TextCatalogue.Format(actor.Language, TextId.CaseNotFound, button.CaseId));
        }

        switch (button)
        {
            case AcknowledgeCase:
                return new HandledUpdate(query.Id, CaseActions.Acknowledge(db, actor, found.Case, now));
            case ResolveCase when found.Case.Status == CaseStatus.Resolved:
                return new HandledUpdate(query.Id, TextCatalogue.Format(actor.Language, TextId.CaseAlreadyResolved, found.Case.Id));
            case ResolveCase:
                CaseAlerts.Queue(
                    db,
                    found.Case,
                    actor,
                    now,
                    TextCatalogue.Format(actor.Language, TextId.ChooseOutcome, found.Case.Id, found.Subject.Name),
                    [.. ChooseOutcome.Offered.Select(o => new List<InlineButton> { new(CaseAlerts.OutcomeWord(o, actor.Language), new ChooseOutcome(found.Case.Id, o)) })]);
                return new HandledUpdate(query.Id);
            case ChooseOutcome choice:
                return new HandledUpdate(query.Id, CaseActions.Resolve(db, actor, found.Case, choice.Outcome, "", now, CheckinService.ResumeAfterResolution));
            default:
                return new HandledUpdate(query.Id);
        }
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
        var language = coordinator.Language;
        var reply = result switch
        {
            { Outcome: PlanOutcome.Usage } => TextCatalogue.Format(language, TextId.PlanUsage),
            { Outcome: PlanOutcome.SubjectNotFound } => TextCatalogue.Format(language, TextId.SubjectNotFound, TextCut.End(alias, 32)),
            { Outcome: PlanOutcome.Asked, Subject: { } subject } =>
                TextCatalogue.Format(language, TextId.PlanAsk, subject.Name, string.IsNullOrWhiteSpace(subject.ResponsePlan) ? "—" : subject.ResponsePlan),
            { Outcome: PlanOutcome.Saved, Subject: { } subject } => TextCatalogue.Format(language, TextId.PlanSaved, subject.Name),
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
        var language = coordinator.Language;
        Reply(db, coordinator, now, result switch
        {
            { Outcome: MissingOutcome.Opened, Case: { } opened, Subject: { } subject } => TextCatalogue.Format(language, TextId.MissingOpened, opened.Id, subject.Name),
            { Outcome: MissingOutcome.Usage } => TextCatalogue.Format(language, TextId.MissingUsage),
            _ => TextCatalogue.Format(language, TextId.SubjectNotFound, arguments.Split('\n')[0]),
        });
    }

    private static void Drill(DataSession db, Person coordinator, string alias, DateTimeOffset now)
    {
        var result = StartDrill.Run(db, coordinator, alias, now);
        var language = coordinator.Language;
        Reply(db, coordinator, now, result switch
        {
            { Outcome: DrillOutcome.Started, Case: { } drill, Subject: { } subject } => TextCatalogue.Format(language, TextId.DrillStarted, drill.Id, subject.Name),
            { Outcome: DrillOutcome.AlreadyRunning, Subject: { } subject } => TextCatalogue.Format(language, TextId.DrillAlreadyRunning, subject.Name),
            { Outcome: DrillOutcome.Usage } => TextCatalogue.Format(language, TextId.DrillUsage),
            _ => TextCatalogue.Format(language, TextId.SubjectNotFound, TextCut.End(alias.Trim(), 32)),
        });
    }

    private void OnCase(DataSession db, Person actor, string caseId, DateTimeOffset now, TextId usage, Func<(Case Case, Person Subject), string> act)
    {
        if (caseId.Length == 0)
        {
            Reply(db, actor, now, TextCatalogue.Format(actor.Language, usage));
            return;
        }

        if (CaseAccess.FindCase(db, actor, caseId) is not { } found)
        {
            // Only a case number is logged: whatever else was typed may be an alias.
            LogRefused(CallbackData.IsCaseId(caseId.Trim().ToUpperInvariant()) ? caseId.Trim().ToUpperInvariant() : "(not a case number)");
            Reply(db, actor, now, TextCatalogue.Format(actor.Language, TextId.CaseNotFound, TextCut.End(caseId, 16)));
            return;
        }

        Reply(db, actor, now, act(found));
    }

    private static (string First, string Remainder) Split(string text)
    {
        text = text.Trim();
        var space = text.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    private static void Reply(DataSession db, Person to, DateTimeOffset now, string text) =>
        Notify.Text(db, to, MessagePriority.Reply, now, text);

    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Refused a case action on {CaseId}: not the caller's case, or no such case")]
    private partial void LogRefused(string caseId);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Refused a button press whose callback data the bot never offered: {Data}")]
    private partial void LogForgedCallback(string data);
}
