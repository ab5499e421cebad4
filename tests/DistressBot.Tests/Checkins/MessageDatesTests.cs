using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>Telegram's dates are judged, not trusted: never a deadline in the past, never a false alarm, never a location that hides later ones.</summary>
public sealed class MessageDatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Enrolled = Now - TimeSpan.FromDays(10);

    public static TheoryData<string, DateTimeOffset, DateTimeOffset?, DateTimeOffset, DateJudgement> Cases => new()
    {
        { "a plain recent date", Now - TimeSpan.FromMinutes(3), null, Now - TimeSpan.FromMinutes(3), DateJudgement.Accepted },
        { "exactly now", Now, null, Now, DateJudgement.Accepted },
        { "one second in the future", Now + TimeSpan.FromSeconds(1), null, Now, DateJudgement.FromTheFuture },
        { "far in the future", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), null, Now, DateJudgement.FromTheFuture },
        { "1970 (Unix date 0)", DateTimeOffset.UnixEpoch, null, Now, DateJudgement.BeforeEnrollment },
        { "more than Telegram keeps before enrollment", Enrolled - TimeSpan.FromHours(25), null, Now, DateJudgement.BeforeEnrollment },
        { "sent before an enrollment handled late", Enrolled - TimeSpan.FromHours(2), null, Enrolled - TimeSpan.FromHours(2), DateJudgement.Accepted },
        { "before the last check-in", Now - TimeSpan.FromHours(2), Now - TimeSpan.FromHours(1), Now - TimeSpan.FromHours(1), DateJudgement.BeforeLastCheckin },
        { "the same as the last check-in", Now - TimeSpan.FromHours(1), Now - TimeSpan.FromHours(1), Now - TimeSpan.FromHours(1), DateJudgement.Accepted },
        { "a last check-in stored in the future", Now - TimeSpan.FromHours(1), Now + TimeSpan.FromDays(1), Now, DateJudgement.BeforeLastCheckin },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Judge_KeepsEveryDateBetweenItsFloorAndNow(string name, DateTimeOffset claimed, DateTimeOffset? lastCheckin, DateTimeOffset used, DateJudgement judgement)
    {
        var (at, judged) = MessageDates.Judge(claimed, Enrolled, lastCheckin, Now);

        Assert.True(used == at, name);
        Assert.Equal(judgement, judged);
        Assert.True(at <= Now, name);
    }

    [Fact]
    public void CheckIn_Dated1970_CountsNowAndOpensNoCase()
    {
        // Seen: a /checkin dated 1970 moved the deadline into the past, opened a case at once and replied "(in 20759 d)".
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        world.Run(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", world.Now, world.Rules));
        world.Time.Advance(TimeSpan.FromMinutes(30));

        var judgement = world.Run(db => CheckIn.Run(db, db.People.Find(subject.Id)!, DateTimeOffset.UnixEpoch, world.Now, world.Rules));

        var state = world.Person(subject.Id).Checkin!;
        Assert.Equal(DateJudgement.BeforeEnrollment, judgement);
        Assert.Equal(world.Now + TimeSpan.FromHours(2), state.OwedDeadline);
        Assert.Equal(world.Now, state.LastCheckinAt);
        Assert.False(state.Missed);
        Assert.Null(state.OpenCaseId);
        world.Run(db => DeadlineProcessor.Process(db, subject.Id, world.Now, world.Rules));
        Assert.Null(world.Person(subject.Id).Checkin!.OpenCaseId);
        Assert.DoesNotContain(world.TextsTo(subject), t => t.Contains(" d)", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckIn_DatedInTheFuture_CountsNowNotLater()
    {
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        world.Run(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", world.Now, world.Rules));

        var judgement = world.Run(db => CheckIn.Run(db, db.People.Find(subject.Id)!, world.Now + TimeSpan.FromDays(3), world.Now, world.Rules));

        Assert.Equal(DateJudgement.FromTheFuture, judgement);
        Assert.Equal(world.Now + TimeSpan.FromHours(2), world.Person(subject.Id).Checkin!.OwedDeadline);
    }

    [Fact]
    public void CheckIn_DatedBeforeTheLastOne_DoesNotMoveTheDeadlineBack()
    {
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        world.Run(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", world.Now, world.Rules));
        world.Time.Advance(TimeSpan.FromHours(1));
        world.Run(db => CheckIn.Run(db, db.People.Find(subject.Id)!, world.Now, world.Now, world.Rules));
        var owed = world.Person(subject.Id).Checkin!.OwedDeadline;

        var judgement = world.Run(db => CheckIn.Run(db, db.People.Find(subject.Id)!, world.Now - TimeSpan.FromMinutes(50), world.Now, world.Rules));

        Assert.Equal(DateJudgement.BeforeLastCheckin, judgement);
        Assert.Equal(owed, world.Person(subject.Id).Checkin!.OwedDeadline);
    }

    [Fact]
    public void Sos_DatedInTheFuture_IsRaisedAtNow()
    {
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());

        var judgement = world.Run(db => SubjectAlarms.Sos(db, db.People.Find(subject.Id)!, world.Now + TimeSpan.FromDays(400), world.Now));

        Assert.Equal(DateJudgement.FromTheFuture, judgement);
        var caseId = world.Person(subject.Id).Checkin!.OpenCaseId!;
        Assert.All(world.Run(db => db.Cases.Find(caseId))!.Timeline, e => Assert.True(e.At <= world.Now));
    }

    [Fact]
    public void Location_DatedInTheFuture_DoesNotHideTheNextRealOne()
    {
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        var judgement = world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(1, 1, Live: false), world.Now + TimeSpan.FromDays(30), world.Now, notify: true));
        Assert.Equal(DateJudgement.FromTheFuture, judgement);
        world.Time.Advance(TimeSpan.FromMinutes(5));

        world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(43.3179, 45.6981, Live: false), world.Now, world.Now, notify: true));

        var last = world.Person(subject.Id).LastLocation!;
        Assert.Equal(43.3179, last.Latitude);
        Assert.Equal(world.Now, last.At);
    }

    [Fact]
    public void Location_KeptFromBeforeDatesWereJudged_DoesNotHideTheNextRealOne()
    {
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        world.Run(db =>
        {
            var person = db.People.Find(subject.Id)!;
            person.LastLocation = new SharedLocation(1, 1, world.Now + TimeSpan.FromDays(365), Live: false);
            db.People.Save(person);
        });

        world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(2, 2, Live: false), world.Now, world.Now, notify: true));

        Assert.Equal(2, world.Person(subject.Id).LastLocation!.Latitude);
    }

    [Fact]
    public void Location_SharedOnPurposeButOlderThanTheKeptLiveOne_StillReachesTheCaseAndIsAnswered()
    {
        // Found in review: with a live location kept, a pin dated 2 s earlier queued nothing at all.
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        world.Run(db => SubjectAlarms.Sos(db, db.People.Find(subject.Id)!, world.Now, world.Now));
        world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(1, 1, Live: true), world.Now, world.Now, notify: true));
        var before = world.TextsTo(subject).Count;

        world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(2, 2, Live: false), world.Now - TimeSpan.FromSeconds(2), world.Now, notify: true));

        var caseId = world.Person(subject.Id).Checkin!.OpenCaseId!;
        Assert.Equal(2, world.Case(caseId).Timeline.Count(e => e.Kind == CaseEntryKind.Location));
        Assert.Equal(before + 1, world.TextsTo(subject).Count); // "Received"
        Assert.Equal(1, world.Person(subject.Id).LastLocation!.Latitude); // the newer kept one stays the last known
    }

    [Fact]
    public void Location_LateLiveUpdate_OlderThanTheKeptOne_ChangesNothing()
    {
        var world = new DomainWorld();
        var subject = world.Subject(world.Coordinator());
        world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(1, 1, Live: true), world.Now, world.Now, notify: true));
        var before = world.TextsTo(subject).Count;

        world.Run(db => SubjectAlarms.Location(db, db.People.Find(subject.Id)!, new LocationShare(2, 2, Live: true), world.Now - TimeSpan.FromSeconds(2), world.Now, notify: false));

        Assert.Equal(1, world.Person(subject.Id).LastLocation!.Latitude);
        Assert.Equal(before, world.TextsTo(subject).Count);
    }
}
