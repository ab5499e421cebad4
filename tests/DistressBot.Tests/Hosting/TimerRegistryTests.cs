using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;

namespace DistressBot.Tests.Hosting;

/// <summary>
/// After each commit the unit of work reports what it saved and <see cref="TimerRegistry"/> moves the timers to the next
/// instants under the subject's own escalation policy (docs/architecture.md, "One unit of work, one truth").
/// </summary>
public sealed class TimerRegistryTests
{
    private static readonly EscalationPolicyOverride ThreeMinutesToLevelTwo = new(TimeSpan.FromMinutes(3), null, null);

    private readonly DeadlineIndex _deadlines = new();
    private readonly EscalationIndex _escalations = new();
    private readonly DomainWorld _world = DomainWorld.WithCaseChain();

    [Fact]
    public async Task Committed_CaseOpenedForASubjectWithAPolicy_TimesTheCaseByThatPolicy()
    {
        var salek = _world.Chain.Salek;
        _world.Run(db => SetPolicy(db, salek.Id));
        var store = _world.Bot(Registry());

        await store.RunAsync(db => DeadlineProcessor.Process(db, salek.Id, _world.Now, _world.Rules));

        var opened = _world.Case(_world.Fresh(salek).Checkin!.OpenCaseId!);
        Assert.Equal(opened.OpenedAt + TimeSpan.FromMinutes(3), _escalations.Peek().Earliest); // not the deployment's 15 minutes
        Assert.Equal(1, _escalations.Count);
        Assert.Equal(0, _deadlines.Count); // a subject who missed has no deadline to time until they check in
    }

    [Fact]
    public async Task Committed_SubjectSavedWithANewPolicy_MovesTheirOpenCaseThatWasNotSaved()
    {
        var salek = _world.Chain.Salek;
        var opened = _world.MissDeadline(salek);
        var store = _world.Bot(Registry());

        await store.RunAsync(db => SetPolicy(db, salek.Id));

        Assert.Equal(opened.OpenedAt + TimeSpan.FromMinutes(3), _escalations.Peek().Earliest);
        Assert.Equal(1, _escalations.Count);
        Assert.Equal(0, _deadlines.Count);
    }

    [Fact]
    public async Task Committed_NothingSaved_MovesNoTimer()
    {
        _world.MissDeadline(_world.Chain.Salek);
        var store = _world.Bot(Registry());

        await store.RunAsync(db => db.People.Find(_world.Chain.Salek.Id));

        Assert.Equal(0, _escalations.Count);
        Assert.Equal(0, _deadlines.Count);
    }

    private static void SetPolicy(DataSession db, string subjectId)
    {
        var subject = db.People.Find(subjectId)!;
        subject.Policy = ThreeMinutesToLevelTwo;
        db.People.Save(subject);
    }

    private TimerRegistry Registry() => new(_deadlines, _escalations, new OutboxSignal(), _world.Rules);
}
