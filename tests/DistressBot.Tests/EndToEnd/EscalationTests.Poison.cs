using DistressBot.Domain;

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
}
