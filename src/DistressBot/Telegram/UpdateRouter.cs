using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;
using DistressBot.Localization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Telegram;

/// <summary>What to do after the commit: answer a callback query (outside the transaction).</summary>
/// <param name="CallbackQueryId">The query to answer.</param>
/// <param name="CallbackText">The short notice shown on the presser's screen.</param>
public sealed record HandledUpdate(string? CallbackQueryId, string? CallbackText = null)
{
    /// <summary>Nothing to do after the commit.</summary>
    public static HandledUpdate Nothing { get; } = new((string?)null);

    /// <summary>Nothing to answer, but the inbound message carried a PIN.</summary>
    public static HandledUpdate PinRead { get; } = new((string?)null) { CarriesPin = true };

    /// <summary>The inbound message carried a PIN (or what was typed as one): it must be deleted from the chat as soon as read.</summary>
    /// <remarks>The one mark of it: the router sets it wherever a PIN was read; deletion acts on it.</remarks>
    public bool CarriesPin { get; init; }
}

/// <summary>Turns one Telegram update into domain actions and queued replies, inside one unit of work.</summary>
public sealed partial class UpdateRouter(BotRules rules, CaseCommandHandler cases, ILogger<UpdateRouter> logger)
{
    /// <summary>Handles <paramref name="update"/> at <paramref name="now"/>; what strangers may get is decided on <paramref name="strangers"/>.</summary>
    public HandledUpdate Handle(DataSession db, Update update, DateTimeOffset now, StrangerLedger.Draft strangers)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(strangers);
        switch (update)
        {
            case { Message: { } message }:
                var handled = HandleMessage(db, update.Id, message, now, strangers);
                SubjectMessageCleanup.Handled(db, message, now, rules.Cleaning, handled.CarriesPin);
                return handled;
            case { EditedMessage: { } edited }:
                return HandleEdit(db, update.Id, edited, now);
            case { CallbackQuery: { } query }:
                return cases.HandleCallback(db, query, now);
            default:
                LogIgnored(update.Id, update.Type.ToString());
                return HandledUpdate.Nothing;
        }
    }

    private HandledUpdate HandleEdit(DataSession db, long updateId, Message edited, DateTimeOffset now)
    {
        if (edited.Chat.Type != ChatType.Private || edited.From is not { } editor || db.People.FindByTelegramUser(editor.Id) is not { } person)
        {
            LogIgnored(updateId, "edited message");
            return HandledUpdate.Nothing;
        }

        if (edited.Location is { } live && person.Role == Role.Subject)
        {
            // A live location arrives as edits of the first location message.
            LogJudged(updateId, SubjectAlarms.Location(db, person, Share(live), At(edited.EditDate ?? edited.Date), now, notify: false));
            return HandledUpdate.Nothing;
        }

        LogIgnored(updateId, "edited message");
        Notify.Send(db, person, MessagePriority.Reply, now, TextId.EditIgnored);
        return HandledUpdate.Nothing;
    }

    private HandledUpdate HandleMessage(DataSession db, long updateId, Message message, DateTimeOffset now, StrangerLedger.Draft strangers)
    {
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from)
        {
            // Groups and channels never get an answer: the bot's presence there would tell others who uses it.
            LogIgnored(updateId, "message outside a private chat");
            return HandledUpdate.Nothing;
        }

        var language = LanguagePicker.FromTelegramCode(from.LanguageCode, rules.DefaultLanguage);
        var person = db.People.FindByTelegramUser(from.Id);
        var command = BotCommand.TryParse(message.Text);

        if (person is null)
        {
            return HandleStranger(db, message, command, language, now, strangers);
        }

        db.Handling = new HandledMessage(At(message.Date), now);

        // A subject's neutral names (/done …) stand for the real commands, whatever their wording.
        if (person.Role == Role.Subject && command is not null && rules.SubjectAliases.CommandFor(command.Name) is { } aliased)
        {
            command = command with { Name = aliased };
        }

        if (person.Language != language && from.LanguageCode is not null)
        {
            person.Language = language;
            db.People.Save(person);
            if (person.Role == Role.Subject)
            {
                db.Meta.CheckMenu(person.Id); // the menu's words follow the language
            }
        }

        // Writing to the bot proves the chat works again (the person unblocked it).
        PersonReachability.Reached(db, person);

        if (message.Location is { } location && person.Role == Role.Subject)
        {
            LogJudged(updateId, SubjectAlarms.Location(db, person, Share(location), At(message.Date), now, notify: true));
            return HandledUpdate.Nothing;
        }

        if (EvidenceMessages.File(db, person, message, now, logger))
        {
            return HandledUpdate.Nothing;
        }

        if (message.Text is null)
        {
            Notify.Send(db, person, MessagePriority.Reply, now, TextId.OnlyText);
            return HandledUpdate.Nothing;
        }

        if (command is null)
        {
            if (person.Role == Role.Subject && IsCheckinButton(message.Text))
            {
                return Subject(db, person, new BotCommand("checkin", ""), updateId, message, now);
            }

            if (PinPrompts.IsWaitingFor(person, At(message.Date)))
            {
                LogPinRead(updateId);
                if (PinPrompts.Answer(db, person, message.Text, At(message.Date), now, rules) is { } answered)
                {
                    LogAttempt(updateId, answered);
                }

                return HandledUpdate.PinRead;
            }

            if (SetResponsePlan.IsWaitingFor(person))
            {
                CaseCommandHandler.FinishPlan(db, person, message.Text, now);
                return HandledUpdate.Nothing;
            }

            Notify.Send(db, person, MessagePriority.Reply, now, TextId.UnknownCommand);

            // Digits alone from a subject with PINs may be a PIN sent when nothing asked for one: it must not stay in the chat.
            return person is { Role: Role.Subject, Pins: not null } && PinRules.HasShape(message.Text.Trim()) ? HandledUpdate.PinRead : HandledUpdate.Nothing;
        }

        switch (command.Name)
        {
            case "start":
                Notify.Send(db, person, MessagePriority.Reply, now, TextId.AlreadyEnrolled);
                return HandledUpdate.Nothing;
            case "help" when person.Role == Role.Subject:
                var aliases = rules.SubjectAliases;
                Notify.Send(db, person, MessagePriority.Reply, now, TextId.HelpSubject, aliases.Checkin, aliases.Status, aliases.Sos, aliases.Pause);
                return HandledUpdate.Nothing;
            case "help":
                Notify.Send(db, person, MessagePriority.Reply, now, CommandList.Help(person.Role));
                return HandledUpdate.Nothing;
            case "timezone":
                SetTimeZone.Run(db, person, command.Arguments, now, rules);
                return Guarded(person, GuardedChange.TimeZone, command.Arguments, updateId);
            case "lawyerkey" when person.Role == Role.Lawyer:
                SetLawyerKey.Run(db, person, command.Arguments, now);
                return HandledUpdate.Nothing;
        }

        return person.Role switch
        {
            Role.Subject => Subject(db, person, command, updateId, message, now),
            Role.Coordinator => Coordinator(db, person, command, now),
            _ => cases.Handle(db, person, command, now) ? HandledUpdate.Nothing : Unknown(db, person, command, now),
        };
    }

    private HandledUpdate HandleStranger(DataSession db, Message message, BotCommand? command, Language language, DateTimeOffset now, StrangerLedger.Draft strangers)
    {
        var sender = message.From!.Id;
        if (command is { Name: "start" } && command.Arguments.Length > 0)
        {
            var (outcome, enrolled) = RedeemInvite.Run(db, command.Arguments, sender, message.Chat.Id, language, now, rules, strangers);
            switch (outcome)
            {
                case RedeemOutcome.Enrolled when enrolled is not null:
                    LogEnrolled(enrolled.Role switch { Role.Subject => "subject", Role.Coordinator => "coordinator", _ => "lawyer" });
                    return HandledUpdate.Nothing;
                case RedeemOutcome.SenderHeldBack:
                    LogSenderHeldBack(StrangerLedger.FailuresPerSender, StrangerLedger.FailureWindow);
                    break;
                case RedeemOutcome.LimitReached:
                    LogGuessingPaused(RedemptionReport.OverallLimit, db.Meta.RedemptionReport().PausedUntil(now) ?? now);
                    break;
                case RedeemOutcome.RefusedUnchecked:
                    LogCodeRefusedUnchecked();
                    break;
                default:
                    LogCodeRefused();
                    break;
            }
        }

        // A wrong code gets the very line anything else gets: nothing tells a stranger what the bot is for. The admin
        // sees failed codes in `distressbot people` instead.
        if (strangers.TryReply(sender))
        {
            LogStranger();
            ReplyTo(db, message.Chat.Id, language, now, TextId.StrangerReply);
        }
        else
        {
            LogStrangerNotAnswered();
        }

        return HandledUpdate.Nothing;
    }

    private HandledUpdate Subject(DataSession db, Person subject, BotCommand command, long updateId, Message message, DateTimeOffset now)
    {
        switch (command.Name)
        {
            case "checkin":
                var attempt = CheckIn.Attempt(db, subject, command.Arguments, At(message.Date), now, rules);
                LogAttempt(updateId, attempt);
                if (!attempt.CarriesPin)
                {
                    return HandledUpdate.Nothing;
                }

                LogPinRead(updateId);
                return HandledUpdate.PinRead;
            case "pin":
                SetPins.Start(db, subject, now);
                if (command.Arguments.Length == 0)
                {
                    return HandledUpdate.Nothing;
                }

                // "/pin 1234": whatever follows may be a PIN; it is not used (each PIN is asked as its own message) but is deleted.
                LogPinRead(updateId);
                return HandledUpdate.PinRead;
            case "status":
                ShowStatus.Run(db, subject, now, rules);
                return HandledUpdate.Nothing;
            case "schedule":
                SetSchedule.Run(db, subject, command.Arguments, now, rules);
                return Guarded(subject, GuardedChange.Schedule, command.Arguments, updateId);
            case "pause":
                PauseCheckins.Run(db, subject, command.Arguments, now, rules);
                return Guarded(subject, GuardedChange.Pause, command.Arguments, updateId);
            case "resume":
                ResumeCheckins.Run(db, subject, command.Arguments, now, rules);
                return Guarded(subject, GuardedChange.Resume, command.Arguments, updateId);
            case "sos":
                LogJudged(updateId, SubjectAlarms.Sos(db, subject, At(message.Date), now));
                return HandledUpdate.Nothing;
            case "evidence":
                EvidenceMessages.Command(db, subject, command.Arguments, At(message.Date), now, logger);
                return HandledUpdate.Nothing;
            default:
                return Unknown(db, subject, command, now);
        }
    }

    private HandledUpdate Coordinator(DataSession db, Person coordinator, BotCommand command, DateTimeOffset now)
    {
        switch (command.Name)
        {
            case "invite":
                Invite(db, coordinator, command.Arguments, now);
                return HandledUpdate.Nothing;
            case "subjects":
                SubjectsOverview.Reply(db, coordinator, now, rules);
                return HandledUpdate.Nothing;
            default:
                return cases.Handle(db, coordinator, command, now) ? HandledUpdate.Nothing : Unknown(db, coordinator, command, now);
        }
    }

    private void Invite(DataSession db, Person coordinator, string alias, DateTimeOffset now)
    {
        if (alias.Length == 0)
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.InviteUsage);
            return;
        }

        var result = CreateInvite.Run(db, Role.Subject, alias, coordinator, now, rules.InviteLifetime);
        switch (result.Refusal)
        {
            case InviteRefusal.NameInvalid:
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.AliasInvalid);
                break;
            case InviteRefusal.NameTaken:
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.AliasTaken, result.Name);
                break;
            case InviteRefusal.NameConfusable:
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.AliasConfusable, result.Name, result.LooksLike);
                break;
            default:
                LogInviteCreated();
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.InviteCreated, result.Invite!.Name, result.Code, result.Invite.ExpiresAt);
                break;
        }
    }

    // A guarded change (/schedule, /timezone, /pause, /resume) whose words carried a PIN: the message is marked for deletion.
    private HandledUpdate Guarded(Person person, GuardedChange change, string arguments, long updateId)
    {
        if (!ChangeGate.CarriesPin(person, change, arguments))
        {
            return HandledUpdate.Nothing;
        }

        LogPinRead(updateId);
        return HandledUpdate.PinRead;
    }

    private static HandledUpdate Unknown(DataSession db, Person person, BotCommand command, DateTimeOffset now)
    {
        Notify.Send(db, person, MessagePriority.Reply, now, CommandList.IsKnown(command.Name) ? TextId.NotForYourRole : TextId.UnknownCommand);
        return HandledUpdate.Nothing;
    }

    private void LogAttempt(long updateId, CheckinAttempt attempt)
    {
        if (attempt.Judgement is { } judged)
        {
            LogJudged(updateId, judged);
        }

        var verdict = attempt.Verdict;
        if (verdict == PinVerdict.Wrong)
        {
            LogPinWrong();
        }
        else if (verdict == PinVerdict.LockedOut)
        {
            LogPinRefusedUnjudged();
        }
    }

    private void LogJudged(long updateId, DateJudgement judgement)
    {
        if (judgement != DateJudgement.Accepted)
        {
            LogDateNotTrusted(updateId, judgement);
        }
    }

    private static DateTimeOffset At(DateTime telegramDate) => new(DateTime.SpecifyKind(telegramDate, DateTimeKind.Utc));

    // Telegram's Location stops here: the domain takes its own record (a live location has a live period).
    private static LocationShare Share(Location location) => new(location.Latitude, location.Longitude, location.LivePeriod is > 0);

    // The reminder's button in either language and either wording (the wording may have changed since it was shown).
    private static bool IsCheckinButton(string text) =>
        Enum.GetValues<Language>().Any(l => Enum.GetValues<TextVoice>().Any(v => string.Equals(text.Trim(), TextCatalogue.Format(v, l, TextId.CheckinButton), StringComparison.Ordinal)));

    private static void ReplyTo(DataSession db, long chatId, Language language, DateTimeOffset now, TextId id) =>
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = chatId,
            Priority = MessagePriority.Stranger,
            QueuedAt = now,
            Text = "",
            Content = new MessageContent { Kind = MessageKind.Texts, Parts = [new MessageText(id)], Language = language },
        });

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Update {UpdateId} ignored: {Reason}")]
    private partial void LogIgnored(long updateId, string reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "A stranger wrote to the bot; sent the neutral reply")]
    private partial void LogStranger();

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "An enrollment code was refused (unknown, used or expired)")]
    private partial void LogCodeRefused();

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Someone was enrolled as a {Role}")]
    private partial void LogEnrolled(string role);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Update {UpdateId}: Telegram's date was not used as it is ({Judgement}); the bot's own bound was used")]
    private partial void LogDateNotTrusted(long updateId, DateJudgement judgement);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "A coordinator created a subject invite")]
    private partial void LogInviteCreated();

    [LoggerMessage(EventId = 3480, Level = LogLevel.Debug, Message = "Update {UpdateId} carried a PIN: it is to be deleted from the chat")]
    private partial void LogPinRead(long updateId);

    [LoggerMessage(EventId = 3481, Level = LogLevel.Information, Message = "A check-in came with a wrong PIN and did not count")]
    private partial void LogPinWrong();

    [LoggerMessage(EventId = 3482, Level = LogLevel.Warning, Message = "A check-in PIN was refused unchecked: too many wrong PINs in this window (the coordinators were told)")]
    private partial void LogPinRefusedUnjudged();

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "A sender sent {Limit} wrong enrollment codes within {Window}: their codes are refused unchecked for that long (see distressbot people)")]
    private partial void LogSenderHeldBack(int limit, TimeSpan window);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "{Limit} wrong enrollment codes within the hour: someone is guessing; codes from senders who already failed are refused unchecked until {Until:u} (see distressbot people)")]
    private partial void LogGuessingPaused(int limit, DateTimeOffset until);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "An enrollment code was refused unchecked (guessing limit)")]
    private partial void LogCodeRefusedUnchecked();

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "A stranger wrote again within the hour, or too many strangers wrote: no reply")]
    private partial void LogStrangerNotAnswered();
}
