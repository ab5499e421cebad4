using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Telegram.Bot.Types;

namespace DistressBot.Tests.Telegram;

/// <summary>The inbound path queues each message a subject sends for deletion once it is handled, through the real router.</summary>
public sealed class SubjectMessageCleanupTests
{
    [Fact]
    public void SubjectsMessages_OnceHandled_AreQueuedForDeletionAtOnce_CoordinatorsAreNot()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");
        var before = Queued(chat, salek.ChatId).Select(d => d.Id).ToList();

        var update = new Update { Message = chat.Message(salek.TelegramUserId, "ru", null, m => m.Text = "/status") };
        chat.Send(update);
        chat.Say(nina, "/subjects");

        var queued = Queued(chat, salek.ChatId).Where(d => !before.Contains(d.Id)).ToList();
        var status = Assert.Single(queued);
        Assert.Equal(update.Message!.Id, status.MessageId);
        Assert.True(status.NotBefore <= chat.Now);
        Assert.Empty(Queued(chat, nina.ChatId));
    }

    [Fact]
    public void InviteCode_TheStartMessageThatEnrolsASubject_IsDeletedToo()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");

        Assert.Single(Queued(chat, salek.ChatId));
    }

    [Fact]
    public void SettingOff_NothingTheSubjectSendsIsQueued()
    {
        var rules = new BotSettings().ToRules() with { Cleaning = new ChatCleaning(false, TimeSpan.FromMinutes(10)) };
        var chat = new BotChat(new DomainWorld(rules: rules));
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");

        chat.Say(salek, "/status");

        Assert.Empty(Queued(chat, salek.ChatId));
    }

    [Fact]
    public void SettingOff_MessagesThatCarryAPin_AreStillDeletedAtOnce_TheOthersStay()
    {
        var rules = new BotSettings().ToRules() with { Cleaning = new ChatCleaning(false, TimeSpan.FromMinutes(10)) };
        var chat = new BotChat(new DomainWorld(rules: rules));
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");

        var ids = new List<int>();
        foreach (var text in new[] { "/pin", "4821", "7305", "/status", "/checkin 4821" })
        {
            var update = new Update { Message = chat.Message(salek.TelegramUserId, "ru", null, m => m.Text = text) };
            chat.Send(update);
            ids.Add(update.Message!.Id);
        }

        // The new PIN, the duress PIN and the check-in with its PIN go; the bare /pin and /status carry none and stay.
        Assert.Equal([ids[1], ids[2], ids[4]], Queued(chat, salek.ChatId).Select(d => d.MessageId).Order());
        Assert.All(Queued(chat, salek.ChatId), d => Assert.True(d.NotBefore <= chat.Now));
    }

    [Fact]
    public void LiveLocation_StaysInTheChat_OrItWouldStopSharing()
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");
        var before = Queued(chat, salek.ChatId).Count;

        chat.Send(new Update { Message = chat.Message(salek.TelegramUserId, "ru", null, m => m.Location = new Location { Latitude = 55.75, Longitude = 37.61, LivePeriod = 900 }) });

        Assert.Equal(before, Queued(chat, salek.ChatId).Count);
    }

    private static List<PendingDeletion> Queued(BotChat chat, long chatId) =>
        [.. chat.World.Run(db => db.Deletions.All()).Where(d => d.ChatId == chatId)];
}
