using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Domain;

/// <summary>What the deletion queue holds, when each message falls due, and what is given up: over the in-memory store and fake time.</summary>
public sealed class ChatCleanupTests
{
    private static readonly ChatCleaning Defaults = ChatCleaning.Default;
    private readonly DomainWorld _w = new();
    private readonly Person _nina;
    private readonly Person _salek;

    public ChatCleanupTests()
    {
        _nina = _w.Coordinator();
        _salek = _w.Subject(_nina);
    }

    // Queued and held alike.
    private List<PendingDeletion> Queue() => _w.Run(db => db.Deletions.All().Concat(db.Deletions.Held()).ToList());

    private DueDeletions Due(DateTimeOffset now, ChatCleaning? rules = null) => _w.Run(db => ChatCleanup.Due(db, now, rules ?? Defaults));

    private void Delivered(Person to, MessagePriority priority, int messageId, DateTimeOffset sentAt, ChatCleaning? rules = null) =>
        _w.Run(db => ChatCleanup.Delivered(db, to, priority, to.ChatId, messageId, sentAt, _w.Now, rules ?? Defaults));

    [Fact]
    public void SubjectMessage_Handled_IsDueAtOnce()
    {
        _w.Run(db => ChatCleanup.SubjectMessage(db, _salek, _salek.ChatId, 7, _w.Now, _w.Now, Defaults));

        var due = Assert.Single(Due(_w.Now).Due);
        Assert.Equal((_salek.ChatId, 7), (due.ChatId, due.MessageId));
    }

    [Fact]
    public void SubjectMessage_CoordinatorsMessage_IsNotQueued()
    {
        _w.Run(db => ChatCleanup.SubjectMessage(db, _nina, _nina.ChatId, 7, _w.Now, _w.Now, Defaults));

        Assert.Empty(Queue());
    }

    [Fact]
    public void SubjectMessage_SettingOff_IsNotQueued_ButNowStillDeletesASecret()
    {
        var off = Defaults with { DeleteSubjectMessages = false };
        _w.Run(db => ChatCleanup.SubjectMessage(db, _salek, _salek.ChatId, 7, _w.Now, _w.Now, off));
        Assert.Empty(Queue());

        _w.Run(db => db.Deletions.Now(_salek.ChatId, 8, _w.Now, _w.Now));

        Assert.Equal(8, Assert.Single(Due(_w.Now, off).Due).MessageId);
    }

    [Fact]
    public void Now_SameMessageTwice_IsQueuedOnce()
    {
        _w.Run(db => db.Deletions.Now(_salek.ChatId, 8, _w.Now, _w.Now));
        _w.Run(db => ChatCleanup.SubjectMessage(db, _salek, _salek.ChatId, 8, _w.Now, _w.Now, Defaults));

        Assert.Single(Queue());
    }

    [Fact]
    public void Now_AReleasedReminderQueuedAgain_IsStillOneRow_FoundByItsLookupAfterTheUpdate()
    {
        Delivered(_salek, MessagePriority.Reminder, 9, _w.Now);
        Delivered(_salek, MessagePriority.Reminder, 10, _w.Now); // releases 9: its row is stored again

        _w.Run(db => db.Deletions.Now(_salek.ChatId, 9, _w.Now, _w.Now));

        Assert.Single(Queue(), d => d.MessageId == 9);
    }

    [Fact]
    public void Queued_IsFoundByAKeyedLookup_NotByItsChatOrMessageIdInTheClear()
    {
        _w.Run(db => db.Deletions.Now(_salek.ChatId, 8, _w.Now, _w.Now));

        var stored = Assert.Single(_w.Store.All(Collections.Deletions));
        Assert.NotNull(stored.Lookup);
        Assert.DoesNotContain(_salek.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivered_ReplyToSubject_IsDueTheDelayAfterItWasSent_NotBefore()
    {
        var sentAt = _w.Now;
        Delivered(_salek, MessagePriority.Reply, 11, sentAt);

        var early = Due(sentAt + TimeSpan.FromMinutes(9));
        Assert.Empty(early.Due);
        Assert.Equal(sentAt + TimeSpan.FromMinutes(10), early.NextAt);
        Assert.Equal(11, Assert.Single(Due(sentAt + TimeSpan.FromMinutes(10)).Due).MessageId);
    }

    [Fact]
    public void Delivered_ToCoordinator_IsNeverQueued()
    {
        Delivered(_nina, MessagePriority.Alarm, 11, _w.Now);

        Assert.Empty(Queue());
    }

    [Fact]
    public void Delivered_BotMessagesKept_NothingIsQueued()
    {
        var keep = Defaults with { DeleteBotMessagesAfter = null };
        Delivered(_salek, MessagePriority.Reply, 11, _w.Now, keep);
        Delivered(_salek, MessagePriority.Reminder, 12, _w.Now, keep);

        Assert.Empty(Queue());
    }

    [Fact]
    public void Delivered_Reminder_IsHeldWhileItIsTheLatest()
    {
        var sentAt = _w.Now;
        Delivered(_salek, MessagePriority.Reminder, 20, sentAt);

        var later = Due(sentAt + TimeSpan.FromHours(5));
        Assert.Empty(later.Due);
        Assert.Equal(sentAt + ChatCleaning.HeldAtMost, later.NextAt);
    }

    [Fact]
    public void Delivered_NewerReminder_ReleasesTheOneItReplaces_AndIsHeldItself()
    {
        var first = _w.Now;
        Delivered(_salek, MessagePriority.Reminder, 20, first);
        _w.Time.Advance(TimeSpan.FromMinutes(15));
        Delivered(_salek, MessagePriority.Reminder, 21, _w.Now);

        var due = Due(_w.Now);
        Assert.Equal([20], due.Due.Select(d => d.MessageId));
        Assert.DoesNotContain(Queue(), d => d.MessageId == 20 && d.HeldFor is not null);
        Assert.Equal(_salek.Id, Queue().Single(d => d.MessageId == 21).HeldFor);
    }

    [Fact]
    public void Due_ReminderAnsweredByACheckin_IsReleasedAfterTheDelay()
    {
        var sentAt = _w.Now;
        Delivered(_salek, MessagePriority.Reminder, 20, sentAt);
        _w.Time.Advance(TimeSpan.FromMinutes(2));
        _w.Run(db =>
        {
            var salek = db.People.Find(_salek.Id)!;
            salek.Checkin!.LastCheckinAt = _w.Now;
            db.People.Save(salek);
        });

        Assert.Empty(Due(_w.Now).Due);
        Assert.Equal(20, Assert.Single(Due(sentAt + TimeSpan.FromMinutes(10)).Due).MessageId);
    }

    [Fact]
    public void SubjectMessage_AfterACheckin_ReleasesTheHeldReminderAtOnce_WithoutReadingEveryHeldOne()
    {
        var sentAt = _w.Now;
        Delivered(_salek, MessagePriority.Reminder, 20, sentAt);
        _w.Time.Advance(TimeSpan.FromMinutes(2));

        _w.Run(db =>
        {
            var salek = db.People.Find(_salek.Id)!;
            salek.Checkin!.LastCheckinAt = _w.Now;
            db.People.Save(salek);
            ChatCleanup.SubjectMessage(db, salek, salek.ChatId, 30, _w.Now, _w.Now, Defaults);
        });
        var queuedPass = _w.Run(db => ChatCleanup.Due(db, sentAt + TimeSpan.FromMinutes(10), Defaults, held: false));

        Assert.Null(_w.Run(db => db.Deletions.HeldFor(_salek.Id)));
        Assert.Equal([20, 30], queuedPass.Due.Select(d => d.MessageId).Order());
    }

    [Fact]
    public void Delivered_AReminderAnsweredWhileTelegramTookIt_IsNotHeld_AndGoesAfterTheDelay()
    {
        var sentAt = _w.Now;
        _w.Time.Advance(TimeSpan.FromSeconds(1));
        _w.Run(db =>
        {
            // The check-in committed between Telegram accepting the reminder and the dispatcher recording it.
            var salek = db.People.Find(_salek.Id)!;
            salek.Checkin!.LastCheckinAt = _w.Now;
            db.People.Save(salek);
        });
        var salek = _w.Fresh(_salek);

        _w.Run(db => ChatCleanup.Delivered(db, salek, MessagePriority.Reminder, salek.ChatId, 20, sentAt, _w.Now, Defaults));
        var queuedPass = _w.Run(db => ChatCleanup.Due(db, sentAt + TimeSpan.FromMinutes(10), Defaults, held: false));

        Assert.Null(_w.Run(db => db.Deletions.HeldFor(_salek.Id)));
        Assert.Equal(20, Assert.Single(queuedPass.Due).MessageId);
    }

    [Fact]
    public void Due_WithoutHeld_LeavesHeldRemindersUnread_TheHeldLookReleasesThem()
    {
        var sentAt = _w.Now;
        Delivered(_salek, MessagePriority.Reminder, 20, sentAt);
        _w.Run(db =>
        {
            // Answered by a way that did not release it (an older version, a crash): only the held look can find it.
            var salek = db.People.Find(_salek.Id)!;
            salek.Checkin!.LastCheckinAt = _w.Now;
            db.People.Save(salek);
        });
        var later = sentAt + TimeSpan.FromMinutes(10);

        var withoutHeld = _w.Run(db => ChatCleanup.Due(db, later, Defaults, held: false));
        var stillHeld = _w.Run(db => db.Deletions.HeldFor(_salek.Id));
        var withHeld = _w.Run(db => ChatCleanup.Due(db, later, Defaults, held: true));

        Assert.Empty(withoutHeld.Due);
        Assert.Null(withoutHeld.HeldNextAt);
        Assert.Equal(20, stillHeld?.MessageId);
        Assert.Equal(20, Assert.Single(withHeld.Due).MessageId);
    }

    [Fact]
    public void Due_AReminderHeldAmongTheQueuedOnes_ByAnOlderVersion_IsHeldInItsOwnPlace()
    {
        var legacy = new SealedCollection<PendingDeletion>(_w.Store, _w.Crypto, Collections.Deletions);
        _w.Run(db => legacy.Put("d000000000007", new PendingDeletion { Id = "d000000000007", ChatId = _salek.ChatId, MessageId = 20, SentAt = _w.Now, HeldFor = _salek.Id }));

        var due = Due(_w.Now + TimeSpan.FromMinutes(10));

        Assert.Empty(due.Due); // unanswered: still held, not deleted
        Assert.Equal(20, _w.Run(db => db.Deletions.HeldFor(_salek.Id))?.MessageId);
        Assert.Empty(_w.Run(db => db.Deletions.All()));
    }

    [Fact]
    public void Due_ReminderHeldForAlmost48Hours_IsDeletedWhileTelegramStillAllowsIt()
    {
        var sentAt = _w.Now;
        Delivered(_salek, MessagePriority.Reminder, 20, sentAt);

        Assert.Empty(Due(sentAt + ChatCleaning.HeldAtMost - TimeSpan.FromSeconds(1)).Due);
        Assert.Equal(20, Assert.Single(Due(sentAt + ChatCleaning.HeldAtMost).Due).MessageId);
    }

    [Fact]
    public void Due_OlderThan48Hours_IsGivenUpAndForgotten_TheRestStays()
    {
        var old = _w.Now;
        _w.Run(db => db.Deletions.Now(_salek.ChatId, 5, old, old));
        _w.Run(db => db.Deletions.Now(_salek.ChatId, 6, old + TimeSpan.FromHours(1), old + TimeSpan.FromHours(1)));

        var due = Due(old + ChatCleaning.DeletableFor);

        Assert.Equal(1, due.GivenUp);
        Assert.Equal([6], due.Due.Select(d => d.MessageId));
        Assert.Equal([6], Queue().Select(d => d.MessageId));
    }

    [Fact]
    public void Due_AfterARestart_TheQueueIsStillThere()
    {
        Delivered(_salek, MessagePriority.Reply, 11, _w.Now);

        // A new unit of work over the same records is what a restarted bot sees.
        var fresh = new DataSession(_w.Store, _w.Crypto);
        Assert.Equal(11, Assert.Single(ChatCleanup.Due(fresh, _w.Now + TimeSpan.FromMinutes(10), Defaults).Due).MessageId);
    }

    [Fact]
    public void Due_ADamagedRow_IsDroppedAndCounted_AndTheRestStillFallDue()
    {
        _w.Run(db => db.Deletions.Now(_salek.ChatId, 5, _w.Now, _w.Now));
        _w.Store.Put(new DistressBot.Storage.StoredRecord(Collections.Deletions, "d999999999999", null, [1, 2, 3]));
        _w.Store.Put(new DistressBot.Storage.StoredRecord(Collections.HeldDeletions, _salek.Id, null, [1, 2, 3]));

        var (due, unreadable) = _w.Run(db => (ChatCleanup.Due(db, _w.Now, Defaults), db.Deletions.UnreadableRows));

        Assert.Equal([5], due.Due.Select(d => d.MessageId));
        Assert.Equal(2, unreadable);
        Assert.Equal(0, _w.Run(db => (ChatCleanup.Due(db, _w.Now, Defaults), db.Deletions.UnreadableRows).UnreadableRows));
    }

    [Fact]
    public void Batches_250MessagesInOneChat_AreThreeCallsOfAtMost100()
    {
        var due = Enumerable.Range(1, 250).Select(i => Pending(i, _salek.ChatId, i)).ToList();

        var batches = ChatCleanup.Batches(due);

        Assert.Equal([100, 100, 50], batches.Select(b => b.Deletions.Count));
        Assert.All(batches, b => Assert.Equal(_salek.ChatId, b.ChatId));
        Assert.Equal(Enumerable.Range(1, 250), batches.SelectMany(b => b.Deletions).Select(d => d.MessageId));
    }

    [Fact]
    public void Batches_TwoChats_NeverShareACall_AndARefusedMessageGoesAlone()
    {
        var due = new List<PendingDeletion> { Pending(1, 500, 1), Pending(2, 600, 1), Pending(3, 500, 2), Pending(4, 500, 3) };
        due[3].Alone = true;

        var batches = ChatCleanup.Batches(due);

        Assert.Equal(
            ["500: 3", "500: 1 2", "600: 1"],
            batches.Select(b => $"{b.ChatId}: {string.Join(' ', b.Deletions.Select(d => d.MessageId))}"));
    }

    [Fact]
    public void Settings_DefaultsAreOnAndTenMinutes_AndADelayOf48HoursIsRefused()
    {
        Assert.Equal(new ChatCleaning(true, TimeSpan.FromMinutes(10)), new BotSettings().ToRules().Cleaning);

        var settings = new BotSettings();
        settings.Privacy.DeleteBotMessagesAfter = TimeSpan.FromHours(48);
        Assert.Contains(settings.Validate(SettingsUse.Admin), e => e.StartsWith("Privacy:DeleteBotMessagesAfter", StringComparison.Ordinal));

        settings.Privacy.DeleteBotMessagesAfter = null;
        Assert.DoesNotContain(settings.Validate(SettingsUse.Admin), e => e.StartsWith("Privacy:", StringComparison.Ordinal));
    }

    private static PendingDeletion Pending(int order, long chatId, int messageId) => new()
    {
        Id = $"d{order:D12}",
        ChatId = chatId,
        MessageId = messageId,
        SentAt = DateTimeOffset.UnixEpoch,
        NotBefore = DateTimeOffset.UnixEpoch,
    };
}
