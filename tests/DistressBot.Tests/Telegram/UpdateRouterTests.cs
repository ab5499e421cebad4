using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// Telegram updates as the router gets them: each command per role, what is not a command, what is not text, edits, groups
/// and strangers. Each row asserts the one reply and that nothing else was sent to anyone.
/// </summary>
public sealed class UpdateRouterTests
{
    private const long NinaId = 101;
    private const long SalekId = 201;
    private const long LevId = 301;
    private const long StrangerId = 999;

    /// <summary>Who writes, what, and the text id of the only reply (to them): every command of <see cref="CommandList"/> and /start, without arguments, for every role.</summary>
    public static TheoryData<Role, string, TextId> BareCommands()
    {
        var replies = new Dictionary<(Role, string), TextId>
        {
            [(Role.Subject, "checkin")] = TextId.CheckinNoSchedule,
            [(Role.Subject, "status")] = TextId.StatusNoSchedule,
            [(Role.Subject, "schedule")] = TextId.ScheduleUsage,
            [(Role.Subject, "pause")] = TextId.PauseUsage,
            [(Role.Subject, "resume")] = TextId.ResumeNotPaused,
            [(Role.Subject, "pin")] = TextId.PinAskNew,
            [(Role.Coordinator, "invite")] = TextId.InviteUsage,
            [(Role.Coordinator, "subjects")] = TextId.SubjectsHeader,
            [(Role.Coordinator, "plan")] = TextId.PlanUsage,
            [(Role.Coordinator, "drill")] = TextId.DrillUsage,
            [(Role.Coordinator, "missing")] = TextId.MissingUsage,
            [(Role.Lawyer, "lawyerkey")] = TextId.LawyerKeyUsage,
        };
        var data = new TheoryData<Role, string, TextId>();
        foreach (var role in new[] { Role.Subject, Role.Coordinator, Role.Lawyer })
        {
            foreach (var name in CommandList.Names.Order(StringComparer.Ordinal).Where(n => n != "sos" || role != Role.Subject))
            {
                var expected = !CommandList.Has(role, name) ? TextId.NotForYourRole : name switch
                {
                    "help" => CommandList.Help(role),
                    "timezone" => TextId.TimezoneUsage,
                    "cases" => TextId.CasesNone,
                    "case" => TextId.CaseUsage,
                    "ack" => TextId.AckUsage,
                    "note" => TextId.NoteUsage,
                    "resolve" => TextId.ResolveUsage,
                    "checkpoint" => TextId.CheckpointUsage,
                    "export" => TextId.ExportUsage,
                    "fact" => TextId.FactUsage,
                    "draft" => TextId.DraftUsage,
                    "evidence" => role == Role.Subject ? TextId.EvidenceUsageSubject : TextId.EvidenceUsage,
                    _ => replies[(role, name)],
                };
                data.Add(role, "/" + name, expected);
            }

            data.Add(role, "/start", TextId.AlreadyEnrolled);
            data.Add(role, "/start SOMECODE", TextId.AlreadyEnrolled);
            data.Add(role, "/launch", TextId.UnknownCommand);
            data.Add(role, "hello", TextId.UnknownCommand);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BareCommands))]
    public void Handle_CommandByRole_RepliesOnlyToTheSender(Role role, string text, TextId expected)
    {
        var (chat, people) = Chat();

        var sent = chat.Say(people[role], text);

        var reply = Assert.Single(sent);
        Assert.Equal(people[role].ChatId, reply.ChatId);
        AssertIs(expected, Language.En, reply.Text);
    }

    [Fact]
    public void Handle_RussianSpeakers_GetTheHelpPointerAndTheRoleRefusalInRussian()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek");

        Assert.Contains("/help", chat.Reply(salek, "/launch"), StringComparison.Ordinal);
        Assert.Contains("/help", chat.Reply(salek, "привет"), StringComparison.Ordinal);
        Assert.Contains("недоступна", chat.Reply(salek, "/subjects"), StringComparison.Ordinal);
        Assert.Contains("уже подключены", chat.Reply(salek, "/start"), StringComparison.Ordinal);
        Assert.Contains("not available to you", chat.Reply(nina, "/checkin"), StringComparison.Ordinal);
        Assert.Contains("already connected", chat.Reply(nina, "/start SOMECODE"), StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_CommandWithTheBotsNameAndInCapitals_IsTheSameCommand()
    {
        var (chat, people) = Chat();

        AssertIs(TextId.HelpSubject, Language.En, chat.Reply(people[Role.Subject], "/HELP@DistressBot"));
    }

    [Fact]
    public void Handle_SosBySubject_ReceivedToThem_AlarmToBothLevels_NeverToStrangers()
    {
        var (chat, people) = Chat();

        var sent = chat.Say(people[Role.Subject], "/sos");

        Assert.Equal(
            [NinaId, SalekId, LevId],
            sent.Select(m => m.ChatId).Order());
        AssertIs(TextId.Received, Language.En, Assert.Single(sent, m => m.ChatId == SalekId).Text);
        Assert.All(sent.Where(m => m.ChatId != SalekId), m => Assert.Contains("C-0001", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Handle_StickerOrFile_GetsOnlyTheTextReply_AndNeverCountsAsACheckin()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek");
        chat.Say(salek, "/schedule every 2h grace 30m");

        var sticker = chat.Send(new Update { Message = chat.Message(SalekId, "ru", null, m => m.Sticker = new Sticker { FileId = "s1", FileUniqueId = "us1", Type = StickerType.Regular, Width = 512, Height = 512, Emoji = "👍" }) });
        var file = chat.Send(new Update { Message = chat.Message(SalekId, "ru", null, m => m.Document = new Document { FileId = "d1", FileUniqueId = "ud1", FileName = "photo.jpg" }) });

        foreach (var sent in new[] { sticker, file })
        {
            var reply = Assert.Single(sent);
            Assert.Equal(SalekId, reply.ChatId);
            Assert.Contains("только текстовые", reply.Text, StringComparison.Ordinal);
        }

        Assert.Null(chat.World.Fresh(salek).Checkin!.LastCheckinAt);
        Assert.Contains("02.11 14:00", chat.Reply(salek, "/status"), StringComparison.Ordinal); // the first deadline still stands
    }

    [Fact]
    public void Handle_EditedMessage_IsAnsweredButNotActedOn()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek");
        chat.Say(salek, "/schedule every 2h grace 30m");
        var hello = chat.Reply(salek, "hello");

        var edited = chat.Message(SalekId, "ru", null, m =>
        {
            m.Text = "/checkin";
            m.EditDate = chat.Now.UtcDateTime;
        });
        var sent = chat.Send(new Update { EditedMessage = edited });

        Assert.Contains("/help", hello, StringComparison.Ordinal);
        var reply = Assert.Single(sent);
        Assert.Equal(SalekId, reply.ChatId);
        Assert.Contains("Исправленные сообщения", reply.Text, StringComparison.Ordinal);
        Assert.Null(chat.World.Fresh(salek).Checkin!.LastCheckinAt);
        Assert.Contains("02.11 14:00", chat.Reply(salek, "/status"), StringComparison.Ordinal); // the first deadline still stands
    }

    [Fact]
    public void Handle_EditedMessageOfAStranger_IsIgnoredSilently()
    {
        var chat = new BotChat();

        var sent = chat.Send(new Update { EditedMessage = chat.Message(StrangerId, "en", null, m => m.Text = "/checkin") });

        Assert.Empty(sent);
    }

    [Fact]
    public void Handle_GroupAndChannelMessages_AreIgnoredSilently_AndNeverCountAsACheckin()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek");

        var group = chat.Send(new Update { Message = chat.Message(SalekId, "ru", null, m =>
        {
            m.Chat = new Chat { Id = -1001, Type = ChatType.Group, Title = "Group" };
            m.Text = "/checkin";
        }) });
        var channel = chat.Send(new Update { ChannelPost = new Message
        {
            Id = 1,
            Date = chat.Now.UtcDateTime,
            Chat = new Chat { Id = -1002, Type = ChatType.Channel, Title = "Channel" },
            Text = "/subjects",
        } });

        Assert.Empty(group);
        Assert.Empty(channel);
        Assert.Null(chat.World.Fresh(salek).Checkin!.LastCheckinAt);
        Assert.Contains("Расписания нет", chat.Reply(salek, "/status"), StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_MessageFromABot_IsIgnoredSilently()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");

        var sent = chat.Send(new Update { Message = chat.Message(NinaId, "en", null, m =>
        {
            m.From!.IsBot = true;
            m.Text = "/subjects";
        }) });

        Assert.Empty(sent);
        Assert.Empty(chat.World.Queued(nina));
    }

    [Fact]
    public void Handle_CheckinButtonText_IsACheckinInEitherLanguage()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek");
        chat.Say(salek, "/schedule every 2h grace 30m");

        var reply = chat.Reply(salek, " " + TextCatalogue.Format(Language.En, TextId.CheckinButton) + " ");

        Assert.Contains("Отметка принята", reply, StringComparison.Ordinal);
        Assert.Equal(chat.Now, chat.World.Fresh(salek).Checkin!.LastCheckinAt);
    }

    [Fact]
    public void Handle_LanguageCodeChanged_RepliesInTheNewLanguageFromNowOn()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");

        var reply = Assert.Single(chat.Say(NinaId, "/launch", "ru"));

        AssertIs(TextId.UnknownCommand, Language.Ru, reply.Text);
        Assert.Equal(Language.Ru, chat.World.Fresh(nina).Language);
    }

    [Fact]
    public void Handle_Stranger_GetsTheSameNeutralLineForAnything_AtMostOnceAnHour_AndNobodyElseHearsOfIt()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var texts = new[] { "/start", "/help", "/checkin", "/subjects", "hello", "/start NOTACODE", "/start AAAAABBBBBCCCCCDDDDD" };

        // Each text is the first message of its own stranger, then all of them again from one stranger within the hour.
        var firstReplies = texts.Select((text, i) => Assert.Single(chat.Say(900 + i, text))).ToList();
        var first = chat.Say(StrangerId, texts[0]);
        chat.World.Time.Advance(TimeSpan.FromMinutes(59));
        var withinTheHour = texts.Skip(1).SelectMany(text => chat.Say(StrangerId, text)).ToList();
        chat.World.Time.Advance(TimeSpan.FromMinutes(1));
        var anHourLater = chat.Say(StrangerId, "hello again");

        var neutral = TextCatalogue.Format(Language.En, TextId.StrangerReply);
        Assert.All(firstReplies, r => Assert.Equal(neutral, r.Text));
        Assert.Equal(Enumerable.Range(900, texts.Length).Select(i => (long)i), firstReplies.Select(r => r.ChatId));
        Assert.Equal([neutral], first.Select(m => m.Text));
        Assert.Empty(withinTheHour);
        Assert.Equal([neutral], anHourLater.Select(m => m.Text));
        Assert.All(chat.MessagesTo(nina), m => Assert.DoesNotContain("Who", m, StringComparison.Ordinal));
        Assert.Single(chat.MessagesTo(nina)); // her welcome only
        Assert.Equal(4, chat.World.Run(db => db.Meta.RedemptionReport().Failed)); // NOTACODE and the well-formed wrong code, twice each
    }

    [Fact]
    public void Handle_StrangerInRussian_GetsTheNeutralLineInRussian()
    {
        var chat = new BotChat();

        Assert.Equal("Бот недоступен.", Assert.Single(chat.Say(StrangerId, "/start", "ru")).Text);
    }

    [Fact]
    public void Handle_StartWithAValidCode_EnrolsInTheLanguageTelegramSends_InItsStartingZone()
    {
        var chat = new BotChat();

        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek");

        var ninaWelcome = Assert.Single(chat.MessagesTo(nina), m => m.Contains("connected as a coordinator", StringComparison.Ordinal));
        var salekWelcome = Assert.Single(chat.MessagesTo(salek));
        Assert.Equal((Language.En, "UTC"), (nina.Language, nina.TimeZone));
        Assert.Equal((Language.Ru, "Europe/Moscow"), (salek.Language, salek.TimeZone));
        Assert.Contains("Times in messages are in the time zone UTC (it is 09:00 UTC there now).", ninaWelcome, StringComparison.Ordinal);
        Assert.Contains("/timezone Europe/Berlin", ninaWelcome, StringComparison.Ordinal);
        Assert.DoesNotContain("Moscow", ninaWelcome, StringComparison.Ordinal);
        Assert.Contains("Вы подключены", salekWelcome, StringComparison.Ordinal);
        Assert.Contains("Время в сообщениях — по часовому поясу Europe/Moscow (сейчас там 12:00 UTC+3).", salekWelcome, StringComparison.Ordinal);
    }

    // Nina (coordinator) with subject Salek and lawyer Lev assigned to him; all read English.
    private static (BotChat Chat, Dictionary<Role, Person> People) Chat()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek", "en");
        var lev = chat.EnrolLawyer(LevId, "Lev");
        chat.World.Run(db => DistressBot.Enrollment.AssignLawyer.ToSubject(db, db.People.Find(salek.Id)!, db.People.Find(lev.Id)!));
        return (chat, new Dictionary<Role, Person> { [Role.Coordinator] = nina, [Role.Subject] = salek, [Role.Lawyer] = lev });
    }

    // The text begins with the catalogue's text for the id, up to its first placeholder (a header is followed by lines).
    private static void AssertIs(TextId id, Language language, string text)
    {
        var template = TextCatalogue.Template(id, language);
        var at = template.IndexOf('{', StringComparison.Ordinal);
        Assert.StartsWith(at >= 0 ? template[..at] : template, text, StringComparison.Ordinal);
    }
}
