using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Telegram;

/// <summary>What handling one update changed, for the services that act after the commit.</summary>
/// <param name="SubjectId">A subject whose timing may have changed.</param>
/// <param name="NextEventAt">That subject's next deadline event.</param>
/// <param name="CallbackQueryId">A callback query to answer (outside the transaction).</param>
public sealed record HandledUpdate(string? SubjectId, DateTimeOffset? NextEventAt, string? CallbackQueryId)
{
    /// <summary>Nothing to do after the commit.</summary>
    public static HandledUpdate Nothing { get; } = new(null, null, null);
}

/// <summary>Turns one Telegram update into domain actions and queued replies, inside one unit of work.</summary>
public sealed partial class UpdateRouter(BotRules rules, ILogger<UpdateRouter> logger)
{
    /// <summary>Handles <paramref name="update"/> at <paramref name="now"/>.</summary>
    public HandledUpdate Handle(DataSession db, Update update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(update);
        switch (update)
        {
            case { Message: { } message }:
                return HandleMessage(db, update.Id, message, now);
            case { EditedMessage: { } edited }:
                LogIgnored(update.Id, "edited message");
                if (edited.Chat.Type == ChatType.Private && edited.From is { } editor && db.PersonByTelegramUser(editor.Id) is { } person)
                {
                    Notify.Send(db, person, MessagePriority.Reply, now, TextId.EditIgnored);
                }

                return HandledUpdate.Nothing;
            case { CallbackQuery: { } query }:
                // Buttons arrive with the escalation issue; until then a press is answered and otherwise ignored.
                LogIgnored(update.Id, "callback query");
                return new HandledUpdate(null, null, query.Id);
            default:
                LogIgnored(update.Id, update.Type.ToString());
                return HandledUpdate.Nothing;
        }
    }

    private HandledUpdate HandleMessage(DataSession db, long updateId, Message message, DateTimeOffset now)
    {
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from)
        {
            // Groups and channels never get an answer: the bot's presence there would tell others who uses it.
            LogIgnored(updateId, "message outside a private chat");
            return HandledUpdate.Nothing;
        }

        var language = LanguagePicker.FromTelegramCode(from.LanguageCode, rules.DefaultLanguage);
        var person = db.PersonByTelegramUser(from.Id);
        var command = BotCommand.TryParse(message.Text);

        if (person is null)
        {
            return HandleStranger(db, message, command, language, now);
        }

        if (person.Language != language && from.LanguageCode is not null)
        {
            person.Language = language;
            db.Save(person);
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
                return Subject(db, person, new BotCommand("checkin", ""), message, now);
            }

            Notify.Send(db, person, MessagePriority.Reply, now, TextId.UnknownCommand);
            return HandledUpdate.Nothing;
        }

        switch (command.Name)
        {
            case "start":
                Notify.Send(db, person, MessagePriority.Reply, now, TextId.AlreadyEnrolled);
                return HandledUpdate.Nothing;
            case "help":
                Notify.Send(db, person, MessagePriority.Reply, now, person.Role switch
                {
                    Role.Subject => TextId.HelpSubject,
                    Role.Coordinator => TextId.HelpCoordinator,
                    _ => TextId.HelpLawyer,
                });
                return HandledUpdate.Nothing;
            case "timezone":
                CheckinService.SetTimeZone(db, person, command.Arguments, now, rules);
                return person.Role == Role.Subject ? After(person) : HandledUpdate.Nothing;
        }

        return person.Role switch
        {
            Role.Subject => Subject(db, person, command, message, now),
            Role.Coordinator => Coordinator(db, person, command, now),
            _ => Unknown(db, person, command, now),
        };
    }

    private HandledUpdate HandleStranger(DataSession db, Message message, BotCommand? command, Language language, DateTimeOffset now)
    {
        if (command is { Name: "start" } && command.Arguments.Length > 0)
        {
            var (outcome, enrolled) = EnrollmentService.Redeem(db, command.Arguments, message.From!.Id, message.Chat.Id, language, now, rules);
            if (outcome == RedeemOutcome.Enrolled && enrolled is not null)
            {
                LogEnrolled(enrolled.Role);
                Welcome(db, enrolled, now);
                return HandledUpdate.Nothing;
            }

            LogCodeRefused();
            ReplyTo(db, message.Chat.Id, language, now, TextId.InvalidCode);
            return HandledUpdate.Nothing;
        }

        LogStranger();
        ReplyTo(db, message.Chat.Id, language, now, TextId.StrangerReply);
        return HandledUpdate.Nothing;
    }

    private static void Welcome(DataSession db, Person person, DateTimeOffset now)
    {
        switch (person.Role)
        {
            case Role.Subject:
                Notify.Send(db, person, MessagePriority.Reply, now, TextId.EnrolledSubject);
                foreach (var coordinator in person.CoordinatorIds.Select(db.Person).OfType<Person>())
                {
                    Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.SubjectJoined, person.Name);
                }

                break;
            case Role.Coordinator:
                Notify.Send(db, person, MessagePriority.Reply, now, TextId.EnrolledCoordinator, person.Name);
                break;
            default:
                Notify.Send(db, person, MessagePriority.Reply, now, TextId.EnrolledLawyer, person.Name);
                break;
        }
    }

    private HandledUpdate Subject(DataSession db, Person subject, BotCommand command, Message message, DateTimeOffset now)
    {
        switch (command.Name)
        {
            case "checkin":
                CheckinService.CheckIn(db, subject, new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)), now, rules);
                return After(subject);
            case "status":
                CheckinService.Status(db, subject, now, rules);
                return HandledUpdate.Nothing;
            case "schedule":
                CheckinService.SetSchedule(db, subject, command.Arguments, now, rules);
                return After(subject);
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
                return Unknown(db, coordinator, command, now);
        }
    }

    private void Invite(DataSession db, Person coordinator, string alias, DateTimeOffset now)
    {
        if (alias.Length == 0)
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.InviteUsage);
            return;
        }

        var result = EnrollmentService.CreateInvite(db, Role.Subject, alias, coordinator, now, rules.InviteLifetime);
        switch (result.Refusal)
        {
            case InviteRefusal.NameInvalid:
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.AliasInvalid);
                break;
            case InviteRefusal.NameTaken:
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.AliasTaken, EnrollmentService.NormalizeName(alias));
                break;
            default:
                LogInviteCreated();
                Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.InviteCreated, result.Invite!.Name, result.Code, LocalTime.Format(result.Invite.ExpiresAt, coordinator.TimeZone));
                break;
        }
    }

    private static HandledUpdate Unknown(DataSession db, Person person, BotCommand command, DateTimeOffset now)
    {
        var known = command.Name is "checkin" or "status" or "schedule" or "invite" or "subjects";
        Notify.Send(db, person, MessagePriority.Reply, now, known ? TextId.NotForYourRole : TextId.UnknownCommand);
        return HandledUpdate.Nothing;
    }

    private HandledUpdate After(Person subject) =>
        new(subject.Id, DeadlineProcessor.NextEventAt(subject, rules), null);

    private static bool IsCheckinButton(string text) =>
        Enum.GetValues<Language>().Any(l => string.Equals(text.Trim(), TextCatalogue.Format(l, TextId.CheckinButton), StringComparison.Ordinal));

    private static void ReplyTo(DataSession db, long chatId, Language language, DateTimeOffset now, TextId id) =>
        db.Enqueue(new OutgoingMessage
        {
            ChatId = chatId,
            Priority = MessagePriority.Reply,
            QueuedAt = now,
            Text = TextCatalogue.Format(language, id),
        });

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Update {UpdateId} ignored: {Reason}")]
    private partial void LogIgnored(long updateId, string reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "A stranger wrote to the bot; sent the neutral reply")]
    private partial void LogStranger();

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "An enrollment code was refused (unknown, used or expired)")]
    private partial void LogCodeRefused();

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "A {Role} was enrolled")]
    private partial void LogEnrolled(Role role);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "A coordinator created a subject invite")]
    private partial void LogInviteCreated();
}
