using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Hosting;

/// <summary>At start, one read (the sealed timer index, or every person when it cannot be used) gives both monitors their timers; the coverage check runs later, on its own.</summary>
public sealed class StartupScanTests
{
    [Fact]
    public async Task TakeAsync_ByBothMonitors_WithoutAnIndex_ReadsThePeopleOnce_AndGivesDeadlinesAndOpenCases_ButNoCoverageCheck()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        var lone = w.Coordinator("Lone");
        var ali = w.Subject(lone, "Ali");
        w.Run(db =>
        {
            var stored = db.People.Find(lone.Id)!;
            stored.UnreachableSince = w.Now;
            db.People.Save(stored);
        });
        var counting = new CountingRecordStore(new InMemoryRecordStore(w.Store));
        var scan = new StartupScan(new BotStore(counting, w.Crypto), w.Rules, NullLogger<StartupScan>.Instance);

        var deadlines = (await scan.TakeAsync(CancellationToken.None)).Deadlines;
        var escalations = (await scan.TakeAsync(CancellationToken.None)).Escalations;

        Assert.Equal(1, counting.Reads.Scans(Collections.People));
        Assert.Equal(0, counting.Reads.Finds(Collections.People));
        Assert.Equal(
            new[] { w.Chain.Salek.Id, ali.Id }.Order(StringComparer.Ordinal),
            deadlines.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(DeadlineProcessor.NextEventAt(w.Fresh(w.Chain.Salek), w.Rules), deadlines.Single(d => d.Id == w.Chain.Salek.Id).At);
        var open = Assert.Single(escalations);
        Assert.Equal(@case.Id, open.Id);
        Assert.Equal(EscalationProcessor.NextEventAt(w.Case(@case.Id), w.Rules.Escalation.With(w.Fresh(w.Chain.Salek).Policy)), open.At);

        // Ali's only coordinator is unreachable: that gap is the health service's to report (HealthService.FirstCoverageAfter), not the start-up's.
        Assert.Null(w.Fresh(ali).CoverageGapReportedAt);
        Assert.DoesNotContain(w.Queued(w.Chain.Nina), m => m.Content?.Parts?.Exists(p => p.Id == nameof(TextId.CoverageGap)) == true);
    }

    [Fact]
    public async Task TakeAsync_AfterBothMonitorsTookIt_ReadsAfresh_SoNothingIsHeldForTheProcessLife()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();
        w.Subject(nina);
        var counting = new CountingRecordStore(new InMemoryRecordStore(w.Store));
        var scan = new StartupScan(new BotStore(counting, w.Crypto), w.Rules, NullLogger<StartupScan>.Instance);

        var first = await scan.TakeAsync(CancellationToken.None);
        var second = await scan.TakeAsync(CancellationToken.None);
        var third = await scan.TakeAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.NotSame(first, third);

        // The first read rebuilt the index; the third takes its timers from it.
        Assert.Equal(1, counting.Reads.Scans(Collections.People));
        Assert.Equal(first.Deadlines.Where(d => d.At is not null), third.Deadlines);
    }

}
