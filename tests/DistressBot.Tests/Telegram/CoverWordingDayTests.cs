using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Localization;
using Telegram.Bot.Types;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// A subject's day under cover wording, through the real router: everything their chat receives (texts and button labels)
/// reads like an ordinary reminder app, in Russian and English, while their coordinator still reads plain alerts.
/// </summary>
public sealed class CoverWordingDayTests
{
    private const long NinaId = 101;
    private const long SalekId = 201;
    private const long DanaId = 202;

    [Theory]
    [InlineData("ru")]
    [InlineData("en")]
    public void ADay_DeploymentCover_SubjectsChatNamesNothingOfCheckinsSafetyOrHelpers(string language)
    {
        var chat = new BotChat(new DomainWorld(rules: new BotSettings().ToRules() with { CoverWording = true }));
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek", language);
        var received = new List<string>();

        LiveADay(chat, salek, received);

        var everything = chat.MessagesTo(salek).Concat(received).ToList();
        Assert.True(everything.Count >= 14, "the day should have filled the chat: " + everything.Count);
        Assert.All(everything, text => Assert.Empty(ForbiddenWords.UnderCover(text)));
        AssertCoordinatorReadsPlain(chat, nina);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("en")]
    public void ADay_OneSubjectUnderCover_TheirChatIsNeutral_AnotherSubjectAndTheCoordinatorReadPlain(string language)
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek", language);
        var dana = chat.EnrolSubject(nina, DanaId, "Dana", language);
        chat.World.Run(db =>
        {
            var stored = db.People.Find(salek.Id)!;
            stored.CoverWording = true; // as `distressbot cover Salek on` does
            db.People.Save(stored);
        });
        var welcomeCount = chat.MessagesTo(salek).Count;
        var received = new List<string>();

        LiveADay(chat, salek, received);
        var danasHelp = chat.Reply(dana, "/help");

        var everything = chat.MessagesTo(salek).Skip(welcomeCount).Concat(received).ToList();
        Assert.True(everything.Count >= 14, "the day should have filled the chat: " + everything.Count);
        Assert.All(everything, text => Assert.Empty(ForbiddenWords.UnderCover(text)));
        Assert.Contains("/checkin", danasHelp, StringComparison.Ordinal);
        Assert.Contains("/sos", danasHelp, StringComparison.Ordinal);
        AssertCoordinatorReadsPlain(chat, nina);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("en")]
    public void ADay_PlainWording_SubjectsChatNamesNoCaseHelperAlarmOrEscalation(string language)
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek", language);
        var received = new List<string>();

        LiveADay(chat, salek, received);

        var everything = chat.MessagesTo(salek).Concat(received).ToList();
        Assert.All(everything, text => Assert.Empty(ForbiddenWords.InAnyWording(text)));
        Assert.Contains(everything, text => text.Contains("/checkin", StringComparison.Ordinal)); // plain words: check-ins by name
        AssertCoordinatorReadsPlain(chat, nina);
    }

    [Fact]
    public void Aliases_ActForTheRealCommands_ForSubjectsOnly()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek", "en");
        chat.Say(salek, "/schedule every 2h grace 30m");

        chat.Say(salek, "/done");
        var sos = chat.Say(salek, "/sync");
        var ninasDone = chat.Reply(nina, "/done");

        Assert.NotNull(chat.World.Fresh(salek).Checkin!.LastCheckinAt);
        Assert.Contains(sos, m => m.ChatId == nina.ChatId && m.Text.Contains("SOS", StringComparison.Ordinal));
        Assert.Contains(sos, m => m.ChatId == salek.ChatId && m.Text == "Received.");
        Assert.Contains("do not know that command", ninasDone, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherRolesCommand_UnderCover_ReadsLikeAnyUnknownCommand()
    {
        var chat = new BotChat(new DomainWorld(rules: new BotSettings().ToRules() with { CoverWording = true }));
        var nina = chat.EnrolCoordinator(NinaId, "Nina");
        var salek = chat.EnrolSubject(nina, SalekId, "Salek", "en");

        Assert.Equal(chat.Reply(salek, "/frobnicate"), chat.Reply(salek, "/cases"));
        Assert.Contains("not available to you", chat.Reply(nina, "/sos"), StringComparison.Ordinal); // coordinators read plain words
    }

    // Enrolled and switched; now a whole day: schedule, reminders, a check-in by the button, a miss and a late check-in,
    // SOS, a location, status, help and a few wrong inputs.
    private static void LiveADay(BotChat chat, Person salek, List<string> received)
    {
        void Keep(IEnumerable<BotChat.Delivered> sent)
        {
            foreach (var message in sent.Where(m => m.ChatId == salek.ChatId))
            {
                received.AddRange(message.Sent.Ready.ReplyButtons ?? []);
                received.AddRange((message.Sent.Ready.Buttons ?? []).SelectMany(row => row).Select(b => b.Text));
            }
        }

        Keep(chat.Say(salek, "/help"));
        Keep(chat.Say(salek, "/schedule every 2h grace 30m"));
        Keep(chat.Tick(TimeSpan.FromMinutes(106))); // the early reminder
        var reminder = chat.Tick(TimeSpan.FromMinutes(14)); // the deadline
        Keep(reminder);
        var button = Assert.Single(Assert.Single(reminder, m => m.ChatId == salek.ChatId).Sent.Ready.ReplyButtons!);
        Keep(chat.Say(salek, button)); // the reminder's button checks in
        Assert.NotNull(chat.World.Fresh(salek).Checkin!.LastCheckinAt);
        Keep(chat.Say(salek, "/next"));
        Keep(chat.Tick(TimeSpan.FromMinutes(106)));
        Keep(chat.Tick(TimeSpan.FromMinutes(14)));
        Keep(chat.Tick(TimeSpan.FromMinutes(31))); // missed: the alarm goes to the coordinator
        Assert.NotNull(chat.World.Fresh(salek).Checkin!.OpenCaseId);
        Keep(chat.Say(salek, "/status"));
        Keep(chat.Say(salek, "/done")); // late
        Keep(chat.Say(salek, "/sync"));
        Keep(chat.Send(new Update { Message = chat.Message(salek.TelegramUserId, BotChat.LanguageCode(salek), null, m => m.Location = new Location { Latitude = 55.75, Longitude = 37.61 }) }));
        Keep(chat.Say(salek, "/next"));
        Keep(chat.Say(salek, "/help"));
        Keep(chat.Say(salek, "/frobnicate"));
        Keep(chat.Say(salek, "/subjects"));
        Keep(chat.Say(salek, "hello"));
        Keep(chat.Say(salek, "/checkin"));
        Keep(chat.Say(salek, "/schedule every 1x"));
        Keep(chat.Say(salek, "/timezone"));
    }

    private static void AssertCoordinatorReadsPlain(BotChat chat, Person nina)
    {
        var toNina = string.Join("\n", chat.MessagesTo(nina));
        Assert.Contains("C-0001", toNina, StringComparison.Ordinal);
        Assert.Contains("missed a check-in", toNina, StringComparison.Ordinal);
        Assert.Contains("sent SOS", toNina, StringComparison.Ordinal);
    }
}
