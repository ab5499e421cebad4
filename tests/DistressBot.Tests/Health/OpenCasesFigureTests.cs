using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Health;

/// <summary>
/// The open-cases gauge is refreshed from the case records alone: after a commit that changed a case, no person is read
/// (at 100,000 people that read held the store thread for seconds, ahead of alarms).
/// </summary>
public sealed class OpenCasesFigureTests
{
    [Fact]
    public async Task ReadOpenCasesAsync_OpenAndAcknowledgedCounted_ResolvedAndDrillsNot_ReadsNoPerson()
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening));
        w.Run(db => Alarms.Drill(db, db.People.Find(w.Chain.Salek.Id)!, db.People.Find(w.Chain.Nina.Id)!, CaseChain.Opening));
        var counting = new CountingRecordStore(new InMemoryRecordStore(w.Store));

        var open = await StatusFigures.ReadOpenCasesAsync(new BotStore(counting, w.Crypto), CancellationToken.None);

        Assert.Equal(1, open); // the SOS case; the drill is not counted
        Assert.Equal(0, counting.Reads.Rows(Collections.People));
        Assert.Equal(1, w.Run(db => db.People.All().Count(p => p.Checkin?.OpenCaseId is not null))); // the same figure the people give

        w.Run(db =>
        {
            var @case = db.Cases.Find("C-0001")!;
            @case.Status = CaseStatus.Resolved;
            db.Cases.Save(@case);
        });
        Assert.Equal(0, await StatusFigures.ReadOpenCasesAsync(new BotStore(counting, w.Crypto), CancellationToken.None));
    }

}
