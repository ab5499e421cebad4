using DistressBot.Domain;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.EndToEnd;

public sealed partial class EscalationTests
{
    [Fact]
    public async Task SubjectsMessageThatCannotBeHandled_IsSetAside_AndTheirCoordinatorsAreToldAtOnce()
    {
        // Found in review: an SOS that failed three times (here: its open case's record is damaged) was set aside and
        // only the subject was told; no coordinator heard anything.
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        await s.Sandbox.Runtime.Records.ExecuteAsync(session =>
        {
            var record = session.Find(Collections.Cases, "C-0001")!;
            var damaged = record.Blob.ToArray();
            damaged[^1] ^= 0xFF;
            session.Put(record with { Blob = damaged });
            return 0;
        });

        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/sos", Scenario.Salek);

        var told = await s.ExpectAsync(Scenario.Nina, "could not be handled");
        Assert.Contains("Salek", told, StringComparison.Ordinal);
        await s.ExpectAsync(Scenario.Olga, "не удалось обработать");
        await s.ExpectAsync(Scenario.Salek, "Не получилось обработать сообщение");
        await s.SettleAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Alexander), m => m.Contains("could not be handled", StringComparison.Ordinal)); // level 1 only

        // Set aside with when and by whom, so retention knows which held case covers it (docs/retention.md).
        var (setAside, salek) = await s.Sandbox.Runtime.Store.RunAsync(db => (db.Inbox.SetAside(DateTimeOffset.UnixEpoch), db.People.FindByTelegramUser(Scenario.Salek.Id)!.Id));
        var update = Assert.Single(setAside);
        Assert.Equal(salek, update.SenderId);
        Assert.NotEqual(DateTimeOffset.UnixEpoch, update.At); // its own time, not the one a record of an earlier version is given
    }

    [Fact]
    public async Task OneBatchOfTenUpdates_TheThirdCannotBeHandled_TheOtherNineTakeEffectOnce_AndTheThirdIsSetAside()
    {
        // A batch is handled in one unit of work (issue 15): one update that throws rolls all of it back. The batch is then
        // kept in the inbox and handled in groups, the failing group one update at a time; the poison is set aside after
        // its attempts, and its sender's later update waits for it, in order.
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        await s.Sandbox.Runtime.Records.ExecuteAsync(session =>
        {
            var record = session.Find(Collections.Cases, "C-0001")!;
            var damaged = record.Blob.ToArray();
            damaged[^1] ^= 0xFF;
            session.Put(record with { Blob = damaged });
            return 0;
        });
        FakeUser[] helpers = [Scenario.Nina, Scenario.Olga, Scenario.Boris, Scenario.Alexander];
        var before = helpers.Append(Scenario.Salek).ToDictionary(u => u.Id, u => s.MessagesTo(u).Count);

        // Offline for a moment, so all ten reach the bot in the same getUpdates answer.
        s.Telegram.SetReachable(false);
        s.Telegram.EnqueueMessage(Scenario.Nina.Id, "/help", Scenario.Nina);
        s.Telegram.EnqueueMessage(Scenario.Olga.Id, "/help", Scenario.Olga);
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/sos", Scenario.Salek);
        foreach (var user in new[] { Scenario.Boris, Scenario.Alexander, Scenario.Nina, Scenario.Olga, Scenario.Boris, Scenario.Alexander })
        {
            s.Telegram.EnqueueMessage(user.Id, "/help", user);
        }

        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/help", Scenario.Salek);
        s.Telegram.SetReachable(true);

        await s.ExpectAsync(Scenario.Salek, "Не получилось обработать сообщение");
        await s.SettleAsync();
        foreach (var user in helpers)
        {
            // Each /help answered exactly once: nothing of the rolled-back units was kept, nothing was done twice.
            var added = s.MessagesTo(user).Skip(before[user.Id]).ToList();
            Assert.Equal(2, added.Count(m => !IsFailureNotice(m)));
        }

        var salek = s.MessagesTo(Scenario.Salek).Skip(before[Scenario.Salek.Id]).ToList();
        Assert.Equal(2, salek.Count);
        Assert.Contains("Не получилось обработать сообщение", salek[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Не получилось обработать сообщение", salek[1], StringComparison.Ordinal); // the later /help, after it
        var (setAside, inbox) = await s.Sandbox.Runtime.Store.RunAsync(db => (db.Inbox.SetAside(DateTimeOffset.UnixEpoch), db.Inbox.All()));
        Assert.Single(setAside);
        Assert.Empty(inbox);
    }

    private static bool IsFailureNotice(string text) =>
        text.Contains("could not be handled", StringComparison.Ordinal) || text.Contains("не удалось обработать", StringComparison.Ordinal);
}
