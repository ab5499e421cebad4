using System.Text.Json;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Telegram;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
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
    private readonly FakeTimeProvider _clock = new(T0);
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

    private IReadOnlyList<HandledUpdate> Take(DateTimeOffset now, params ReceivedUpdate[] updates) =>
        Take(now, new HandlingBound(_clock), inboxHoldsEarlier: false, updates).Handled;

    private TakenBatch Take(DateTimeOffset now, HandlingBound bound, bool inboxHoldsEarlier, params ReceivedUpdate[] updates)
    {
        var draft = _ledger.Begin(now);
        var taken = InboundBatch.Take(Db, updates, _router, draft, now, bound, inboxHoldsEarlier);
        _ledger.Apply(draft);
        return taken;
    }

    private TakenInbox HandleStored(IReadOnlyList<ReceivedUpdate> pending, HandlingBound bound, Action<int>? reached = null)
    {
        foreach (var received in pending)
        {
            Db.Inbox.Save(received.Id, received.Json);
        }

        var draft = _ledger.Begin(T0);
        var taken = InboundBatch.HandleStored(Db, pending, _router, draft, T0, bound, reached);
        _ledger.Apply(draft);
        return taken;
    }

    private int RepliesTo(long chatId) => Db.Outbox.All().Count(m => m.ChatId == chatId);

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
    public void Take_EnrolledPersonsUpdate_IsHandledInTheBatchsOwnUnitAndNotStored()
    {
        var nina = EnrolCoordinator(101);

        var taken = Take(T0, new HandlingBound(_clock), inboxHoldsEarlier: false, Text(900, "hello"), Text(nina, "/subjects"));

        Assert.Equal(2, taken.Handled.Count);
        Assert.Equal(2, taken.Taken);
        Assert.False(taken.Stored);
        Assert.Empty(Db.Inbox.All());
        Assert.Equal(1, RepliesTo(nina));
    }

    [Fact]
    public void Take_WhileTheInboxHoldsEarlierUpdates_EnrolledPersonsAreStoredBehindThemAndStrangersStillHandled()
    {
        var nina = EnrolCoordinator(101);

        var taken = Take(T0, new HandlingBound(_clock), inboxHoldsEarlier: true, Text(nina, "/subjects"), Text(900, "hello"));

        Assert.True(taken.Stored);
        Assert.Equal(1, Assert.Single(Db.Inbox.All()).UpdateId);
        Assert.Equal(0, RepliesTo(nina));
        Assert.Equal(1, RepliesTo(900));
    }

    [Fact]
    public void Take_BoundsTimeUsedFromTheStart_TakesOneAndLeavesTheRestForTheNextUnit_StoringNothing()
    {
        var nina = EnrolCoordinator(101);
        var bound = new HandlingBound(_clock);
        _clock.Advance(HandlingBound.MaxTime);

        var taken = Take(T0, bound, inboxHoldsEarlier: false, Text(nina, "/subjects"), Text(900, "hello"), Text(nina, "/help"));

        Assert.Equal(1, taken.Taken);
        Assert.False(taken.Stored);
        Assert.Empty(Db.Inbox.All());
        Assert.Equal(1, RepliesTo(nina));
        Assert.Equal(0, RepliesTo(900));
    }

    [Fact]
    public void Take_PastTheBoundsCount_TheRestIsLeftForTheNextUnit()
    {
        var nina = EnrolCoordinator(101);
        var strangers = Enumerable.Range(0, HandlingBound.MaxUpdates).Select(i => Text(1000 + i, "hello")).ToList();

        var taken = Take(T0, new HandlingBound(_clock), inboxHoldsEarlier: false, [.. strangers, Text(nina, "/subjects")]);

        Assert.Equal(HandlingBound.MaxUpdates, taken.Taken);
        Assert.Equal(HandlingBound.MaxUpdates, taken.Handled.Count);
        Assert.Empty(Db.Inbox.All());
        Assert.Equal(0, RepliesTo(nina));
    }

    [Fact]
    public void HandleStored_HandlesInOrderAndTakesEachOutOfTheInbox()
    {
        var nina = EnrolCoordinator(101);
        var reached = new List<int>();

        var taken = HandleStored([Text(nina, "/subjects"), Text(nina, "/help"), Text(900, "hello")], new HandlingBound(_clock), reached.Add);

        Assert.Equal(3, taken.Taken);
        Assert.Equal([0, 1, 2], reached);
        Assert.Empty(Db.Inbox.All());
        Assert.Equal(2, RepliesTo(nina));
        Assert.Equal(1, RepliesTo(900));
    }

    [Fact]
    public void HandleStored_BoundUsedFromTheStart_TakesOneAndLeavesTheRestInTheInbox()
    {
        var nina = EnrolCoordinator(101);
        var bound = new HandlingBound(_clock);
        _clock.Advance(HandlingBound.MaxTime);

        var taken = HandleStored([Text(nina, "/subjects"), Text(nina, "/help")], bound);

        Assert.Equal(1, taken.Taken);
        Assert.Equal(2, Assert.Single(Db.Inbox.All()).UpdateId);
        Assert.Equal(1, RepliesTo(nina));
    }

    [Fact]
    public void HandleStored_MalformedUpdate_IsSetAsideNotHandled()
    {
        var taken = HandleStored([new ReceivedUpdate(41, "{\"update_id\":41,\"message\":7}", null)], new HandlingBound(_clock));

        Assert.Equal(1, taken.Taken);
        Assert.Empty(taken.Handled);
        Assert.Empty(Db.Inbox.All());
        Assert.Single(Db.Inbox.SetAside(T0));
    }

    [Fact]
    public void Take_MalformedUpdate_IsStoredSoTheInboxSetsItAside()
    {
        Take(T0, new ReceivedUpdate(41, "{\"update_id\":41,\"message\":7}", null));

        Assert.Equal(41, Assert.Single(Db.Inbox.All()).UpdateId);
    }

    [Fact]
    public void Take_StrangerRedeemsThenWrites_LaterUpdatesOfTheBatchAreHandledAsAnEnrolledPersons()
    {
        var code = CreateInvite.Run(Db, Role.Coordinator, "Olga", null, T0, TimeSpan.FromDays(1)).Code!;

        Take(T0, Text(102, "/start " + code), Text(102, "/subjects"));

        Assert.NotNull(Db.People.FindByTelegramUser(102));
        Assert.Empty(Db.Inbox.All());
        var replies = Db.Outbox.All().Where(m => m.ChatId == 102).ToList();
        Assert.DoesNotContain(replies, m => m.Priority == MessagePriority.Stranger);
        Assert.Contains(replies, m => m.Content?.Parts?.Any(p => p.Id == nameof(TextId.SubjectsNone)) == true);
    }

    [Fact]
    public void Take_StrangerRedeemsThenWrites_WhileTheInboxHoldsEarlierUpdates_TheLaterOneIsKeptAsAnEnrolledPersons()
    {
        var code = CreateInvite.Run(Db, Role.Coordinator, "Olga", null, T0, TimeSpan.FromDays(1)).Code!;

        Take(T0, new HandlingBound(_clock), inboxHoldsEarlier: true, Text(102, "/start " + code), Text(102, "/subjects"));

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
