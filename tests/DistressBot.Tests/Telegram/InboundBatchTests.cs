using System.Text.Json;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Telegram;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Tests.Telegram;

public sealed class InboundBatchTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly BotRules Rules = new BotSettings().ToRules();
    private static readonly string Neutral = TextCatalogue.Format(Language.En, TextId.StrangerReply);

    private readonly SealedData _data = new();
    private readonly StrangerLedger _ledger = new();
    private readonly UpdateRouter _router = new(Rules, new CaseCommandHandler(NullLogger<CaseCommandHandler>.Instance), NullLogger<UpdateRouter>.Instance);
    private int _nextId;

    public void Dispose() => _data.Dispose();

    private DataSession Db => _data.Db;

    private ReceivedUpdate Text(long userId, string text)
    {
        var id = ++_nextId;
        var update = new Update
        {
            Id = id,
            Message = new Message
            {
                Id = id,
                Date = T0.UtcDateTime,
                Chat = new Chat { Id = userId, Type = ChatType.Private },
                From = new User { Id = userId, FirstName = "Someone", LanguageCode = "en" },
                Text = text,
            },
        };
        return new ReceivedUpdate(id, JsonSerializer.Serialize(update, JsonBotAPI.Options), update);
    }

    private IReadOnlyList<HandledUpdate> Take(DateTimeOffset now, params ReceivedUpdate[] updates)
    {
        var draft = _ledger.Begin(now);
        var handled = InboundBatch.Take(Db, updates, _router, draft, now);
        _ledger.Apply(draft);
        return handled;
    }

    private long EnrolCoordinator(long userId)
    {
        var code = CreateInvite.Run(Db, Role.Coordinator, "Nina", null, T0, TimeSpan.FromDays(1)).Code!;
        EnrollmentService.Redeem(Db, code, userId, userId, Language.En, T0, Rules, _ledger.Begin(T0));
        foreach (var message in Db.Outbox.All())
        {
            Db.Outbox.Remove(message.Id);
        }

        return userId;
    }

    [Fact]
    public void Take_StrangersUpdates_AreHandledAndNeverStored()
    {
        Take(T0, Text(900, "hello"), Text(901, "/start ABCDEFGH"), Text(900, "/checkin"));

        Assert.Empty(_data.Records.All(Collections.Inbox));
        Assert.Empty(_data.Records.All(Collections.FailedUpdates));
        Assert.Equal([900L, 901L], Db.Outbox.All().Select(m => m.ChatId).Order());
    }

    [Fact]
    public void Take_EnrolledPersonsUpdate_IsStoredToBeHandledOnItsOwnAndNotHandledYet()
    {
        var nina = EnrolCoordinator(101);

        var handled = Take(T0, Text(900, "hello"), Text(nina, "/subjects"));

        Assert.Single(handled);
        var stored = Assert.Single(Db.Inbox.All());
        Assert.Equal(2, stored.UpdateId);
        Assert.DoesNotContain(Db.Outbox.All(), m => m.ChatId == nina);
    }

    [Fact]
    public void Take_MalformedUpdate_IsStoredSoTheInboxSetsItAside()
    {
        Take(T0, new ReceivedUpdate(41, "{\"update_id\":41,\"message\":7}", null));

        Assert.Equal(41, Assert.Single(Db.Inbox.All()).UpdateId);
    }

    [Fact]
    public void Take_StrangerRedeemsThenWrites_LaterUpdatesOfTheBatchAreKeptAsAnEnrolledPersons()
    {
        var code = CreateInvite.Run(Db, Role.Coordinator, "Olga", null, T0, TimeSpan.FromDays(1)).Code!;

        Take(T0, Text(102, "/start " + code), Text(102, "/subjects"));

        Assert.NotNull(Db.People.FindByTelegramUser(102));
        Assert.Equal(2, Assert.Single(Db.Inbox.All()).UpdateId);
    }

    [Fact]
    public void Take_WrongCodeAndAnyOtherText_GetTheSameNeutralLineAtTheLowestPriority()
    {
        Take(T0, Text(900, "/start ABCDEFGH"), Text(901, "/start AAAAABBBBBCCCCCDDDDD"), Text(902, "hello"), Text(903, "/start"));

        var replies = Db.Outbox.All();
        Assert.Equal(4, replies.Count);
        Assert.All(replies, m => Assert.Equal(Neutral, OutboxRenderer.Prepare(Db, m.Id, T0, Language.En).Ready?.Text));
        Assert.All(replies, m => Assert.Equal("", m.Text)); // worded when sent, not stored worded
        Assert.All(replies, m => Assert.Equal(MessagePriority.Stranger, m.Priority));
        Assert.All(replies, m => Assert.Null(m.PersonId));
        Assert.Equal(MessagePriority.Stranger, Enum.GetValues<MessagePriority>().Max());
    }

    [Fact]
    public void Take_SameStrangerManyTimes_OneReplyPerHour()
    {
        Take(T0, Text(900, "one"), Text(900, "two"), Text(900, "/start ABCDEFGH"));
        Take(T0 + TimeSpan.FromMinutes(59), Text(900, "three"));
        var withinTheHour = Db.Outbox.All().Count;

        Take(T0 + TimeSpan.FromHours(1), Text(900, "four"));

        Assert.Equal(1, withinTheHour);
        Assert.Equal(2, Db.Outbox.All().Count);
    }
}
