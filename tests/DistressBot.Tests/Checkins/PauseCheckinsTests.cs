using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// /pause and /resume (issue 11): a pause asked before the owed deadline has come starts at once and no deadline falls before
/// its end; one asked after the deadline has come (in its grace, or missed) waits for the check-in that pays it; an open case
/// goes on; the pause ends by itself and the subject learns the next deadline; the coordinators are told of every change,
/// the backup coordinator and the lawyer are not.
/// </summary>
public sealed class PauseCheckinsTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Every = TimeSpan.FromHours(2);

    private readonly DomainWorld _world = new();
    private readonly Person _nina;
    private readonly Person _salek;
    private readonly Person _boris;
    private readonly Person _lev;

    public PauseCheckinsTests()
    {
        _nina = _world.Coordinator("Nina");
        _salek = _world.Subject(_nina);
        (_boris, _lev) = _world.Run(db =>
        {
            var boris = DomainWorld.NewPerson("p-boris", Role.Coordinator, 7001, "Boris", "UTC", _world.Now);
            var lev = DomainWorld.NewPerson("p-lev", Role.Lawyer, 7002, "Lev", "UTC", _world.Now);
            var salek = db.People.Find(_salek.Id)!;
            salek.BackupCoordinatorIds.Add(boris.Id);
            salek.LawyerIds.Add(lev.Id);
            boris.BackupSubjectIds.Add(salek.Id);
            lev.SubjectIds.Add(salek.Id);
            db.People.Save(boris);
            db.People.Save(lev);
            db.People.Save(salek);
            return (boris, lev);
        });
        Do(db => SetSchedule.Run(db, Me(db), "every 2h grace 30m", Now, _world.Rules));
    }

    private DateTimeOffset Now => _world.Now;

    /// <summary>Where the subject stands when they ask for a pause of one day, and whether it starts at once (else it waits for the check-in).</summary>
    public static TheoryData<string, bool> Situations => new()
    {
        { "before the deadline", true },
        { "before the deadline, an SOS case open", true },
        { "the deadline has just come", false },
        { "in the grace, reminded", false },
        { "missed, a case open", false },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public void Pause_InEachSituation_StartsAtOnceOrWaitsForTheCheckin_AndNeverDropsWhatIsOwed(string situation, bool startsAtOnce)
    {
        Arrange(situation);
        var before = State();
        var caseId = before.OpenCaseId;

        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));

        var after = State();
        Assert.Equal(before.Missed, after.Missed);
        Assert.Equal(caseId, after.OpenCaseId);
        if (caseId is not null)
        {
            Assert.NotEqual(CaseStatus.Resolved, _world.Case(caseId).Status);
        }

        Assert.DoesNotContain(_world.TextsTo(_boris), t => t.Contains("pause", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_world.TextsTo(_lev), t => t.Contains("pause", StringComparison.OrdinalIgnoreCase));
        if (startsAtOnce)
        {
            Assert.Equal(Now + Day, after.PausedUntil);
            Assert.Equal(Now + Day + Every, after.OwedDeadline);
            Assert.Null(after.PauseAfterCheckin);
            Assert.StartsWith("Paused until 03.11", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);
            Assert.StartsWith("Salek paused their check-ins (1 d) until 03.11", _world.TextsTo(_nina)[^1], StringComparison.Ordinal);
            return;
        }

        Assert.Null(after.PausedUntil);
        Assert.Equal(Day, after.PauseAfterCheckin);
        Assert.Equal(before.OwedDeadline, after.OwedDeadline);
        Assert.Contains("starts after your next check-in", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);
        Assert.StartsWith("Salek asked for a pause (1 d). It starts only after the check-in", _world.TextsTo(_nina)[^1], StringComparison.Ordinal);

        // The deadline that has come still raises the alarm when its grace ends without a check-in.
        _world.Time.Advance(before.OwedDeadline!.Value + TimeSpan.FromMinutes(30) - Now);
        Monitor();
        Assert.True(State().Missed);
        Assert.NotNull(State().OpenCaseId);

        // The check-in that pays it starts the pause, for the length asked, and the coordinators are told.
        _world.Time.Advance(TimeSpan.FromMinutes(7));
        Do(db => CheckIn.Run(db, Me(db), Now, Now, _world.Rules));
        Assert.False(State().Missed);
        Assert.Equal(Now + Day, State().PausedUntil);
        Assert.Equal(Now + Day + Every, State().OwedDeadline);
        Assert.Null(State().PauseAfterCheckin);
        Assert.Contains("Paused until", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);
        Assert.StartsWith("Salek checked in; the pause they asked for runs until", _world.TextsTo(_nina)[^1], StringComparison.Ordinal);
        Assert.NotEqual(CaseStatus.Resolved, _world.Case(State().OpenCaseId!).Status);
        Assert.DoesNotContain(_world.TextsTo(_boris), t => t.Contains("pause", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Pause_BeforeTheDeadline_NoReminderNorAlarmBeforeItsEnd()
    {
        _world.Time.Advance(TimeSpan.FromMinutes(30));
        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));
        var until = State().PausedUntil!.Value;
        var told = _world.TextsTo(_salek).Count;

        foreach (var step in new[] { TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromHours(20) })
        {
            _world.Time.Advance(step);
            Assert.Equal(until, _world.Run(db => DeadlineProcessor.Process(db, _salek.Id, Now, _world.Rules)));
        }

        Assert.Equal(told, _world.TextsTo(_salek).Count);
        Assert.False(State().Missed);
        Assert.Null(State().OpenCaseId);
    }

    [Fact]
    public void Pause_EndsByItself_TheSubjectLearnsTheNextDeadline_AndItIsKept()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "12h", Now, _world.Rules));
        var until = State().PausedUntil!.Value;
        var toNina = _world.TextsTo(_nina).Count;

        _world.Time.Advance(until - Now);
        Monitor();

        Assert.Null(State().PausedUntil);
        Assert.Equal(until + Every, State().OwedDeadline);
        Assert.Equal("The pause is over. Next check-in due by 02.11 23:00 UTC (in 2 h).", _world.TextsTo(_salek)[^1]);
        Assert.Equal(toNina, _world.TextsTo(_nina).Count); // told of the end when the pause was asked for
        _world.Time.Advance(Every + TimeSpan.FromMinutes(30));
        Monitor();
        Assert.True(State().Missed);
    }

    [Fact]
    public void Pause_ThenResume_RunsTheScheduleFromNow_AndTellsTheCoordinators()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "3d", Now, _world.Rules));
        _world.Time.Advance(TimeSpan.FromHours(5));

        Do(db => ResumeCheckins.Run(db, Me(db), Now, _world.Rules));

        Assert.Null(State().PausedUntil);
        Assert.Equal(Now + Every, State().OwedDeadline);
        Assert.Equal("The pause is over. Next check-in due by 02.11 16:00 UTC (in 2 h).", _world.TextsTo(_salek)[^1]);
        Assert.Equal("Salek ended their pause early. Next check-in due by 02.11 16:00 UTC (in 2 h).", _world.TextsTo(_nina)[^1]);
        Assert.Empty(_world.TextsTo(_boris));
        Assert.Empty(_world.TextsTo(_lev));
    }

    [Fact]
    public void Resume_APauseWaitingForTheCheckin_DropsIt_AndTheCheckinPausesNothing()
    {
        _world.Time.Advance(Every + TimeSpan.FromMinutes(5));
        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));

        Do(db => ResumeCheckins.Run(db, Me(db), Now, _world.Rules));
        Do(db => CheckIn.Run(db, Me(db), Now, Now, _world.Rules));

        Assert.Null(State().PauseAfterCheckin);
        Assert.Null(State().PausedUntil);
        Assert.Equal(Now + Every, State().OwedDeadline);
        Assert.StartsWith("Salek ended their pause early.", _world.TextsTo(_nina)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_NothingPaused_SaysSo_ChangesNothing_TellsNobody()
    {
        var before = State().OwedDeadline;
        var toNina = _world.TextsTo(_nina).Count;

        Do(db => ResumeCheckins.Run(db, Me(db), Now, _world.Rules));

        Assert.Equal("Nothing is paused.", _world.TextsTo(_salek)[^1]);
        Assert.Equal(before, State().OwedDeadline);
        Assert.Equal(toNina, _world.TextsTo(_nina).Count);
    }

    [Fact]
    public void Pause_Again_CountsFromNow_SoAShorterOneBringsTheDeadlineCloser()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "3d", Now, _world.Rules));
        _world.Time.Advance(TimeSpan.FromHours(1));

        Do(db => PauseCheckins.Run(db, Me(db), "1h", Now, _world.Rules));

        // The schedule runs from now again (the 12:00 deadline lies after the new end, so it stands).
        Assert.Equal(Now + TimeSpan.FromHours(1), State().PausedUntil);
        Assert.Equal(Now + Every, State().OwedDeadline);
    }

    [Fact]
    public void Pause_ShorterThanTheTimeToTheDeadline_KeepsThatDeadline()
    {
        var owed = State().OwedDeadline;

        Do(db => PauseCheckins.Run(db, Me(db), "30m", Now, _world.Rules));

        Assert.Equal(owed, State().OwedDeadline);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), State().PausedUntil);
    }

    [Fact]
    public void CheckIn_DuringAPause_KeepsTheNextDeadlineAfterItsEnd()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));
        var until = State().PausedUntil!.Value;
        _world.Time.Advance(TimeSpan.FromHours(3));

        Do(db => CheckIn.Run(db, Me(db), Now, Now, _world.Rules));

        Assert.Equal(until, State().PausedUntil);
        Assert.Equal(until + Every, State().OwedDeadline);
    }

    [Fact]
    public void SetSchedule_DuringAPause_RunsFromItsEnd()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));
        var until = State().PausedUntil!.Value;

        Do(db => SetSchedule.Run(db, Me(db), "every 1h grace 10m", Now, _world.Rules));

        Assert.Equal(until + TimeSpan.FromHours(1), State().OwedDeadline);
        Assert.Equal(TimeSpan.FromHours(1), State().Schedule!.Every);
        Assert.Equal(until, State().PausedUntil);
    }

    public static TheoryData<string, string> RefusedPauses => new()
    {
        { "", "Pause: /pause 2d — no check-ins needed for 2 days (at most 7 d). /resume ends the pause early." },
        { "8d", "A pause can last at most 7 d." },
        { "7d1s", "A pause can last at most 7 d." },
        { "soon", "I do not understand the duration “soon”. Examples: 30m, 12h, 1h30m, 2d." },
        { "0m", "I do not understand the duration “0m”. Examples: 30m, 12h, 1h30m, 2d." },
        { "31d", "I do not understand the duration “31d”. Examples: 30m, 12h, 1h30m, 2d." },
    };

    [Theory]
    [MemberData(nameof(RefusedPauses))]
    public void Pause_BadOrTooLong_IsRefusedWithWhy_NothingChanges_NobodyElseIsTold(string arguments, string reply)
    {
        var before = State();
        var toNina = _world.TextsTo(_nina).Count;
        var toSalek = _world.TextsTo(_salek).Count;

        Do(db => PauseCheckins.Run(db, Me(db), arguments, Now, _world.Rules));

        Assert.Equal(reply, _world.TextsTo(_salek)[toSalek]);
        Assert.Null(State().PausedUntil);
        Assert.Null(State().PauseAfterCheckin);
        Assert.Equal(before.OwedDeadline, State().OwedDeadline);
        Assert.Equal(toNina, _world.TextsTo(_nina).Count);
    }

    [Fact]
    public void Pause_WithoutASchedule_IsRefused()
    {
        var other = _world.Subject(_nina, "Mira");

        _world.Run(db => PauseCheckins.Run(db, db.People.Find(other.Id)!, "1d", Now, _world.Rules));

        Assert.Equal("There is nothing to pause: there is no schedule yet.", Assert.Single(_world.TextsTo(other)));
        Assert.Null(_world.Fresh(other).Checkin!.PausedUntil);
    }

    [Fact]
    public async Task Pause_StoredAcrossARestart_TimesItsEnd_AndABotDownPastItAndTheDeadlineStillRaisesTheAlarm()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));
        var until = State().PausedUntil!.Value;

        // A restart: the monitor reads the stored record afresh; the timers come from it.
        var deadlines = new DeadlineIndex();
        var store = _world.Bot(new TimerRegistry(deadlines, new EscalationIndex(), new OutboxSignal(), _world.Rules));
        await store.RunAsync(db =>
        {
            db.People.Save(db.People.Find(_salek.Id)!);
            return 0;
        });
        Assert.Equal(until, deadlines.Peek().Earliest);
        Assert.Equal(until, DeadlineProcessor.NextEventAt(_world.Fresh(_salek), _world.Rules));

        // Down from before the end until after the deadline that followed it and its grace.
        _world.Time.Advance(until + Every + TimeSpan.FromMinutes(31) - Now);
        Monitor();

        Assert.StartsWith("The pause is over.", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);
        Assert.True(State().Missed);
        Assert.Equal(until + Every, State().MissedDeadline);
        Assert.NotNull(State().OpenCaseId);
    }

    [Fact]
    public void Status_ShowsARunningPause_AndOneWaitingForTheCheckin()
    {
        Do(db => PauseCheckins.Run(db, Me(db), "1d", Now, _world.Rules));
        Do(db => ShowStatus.Run(db, Me(db), Now, _world.Rules));
        Assert.EndsWith("\nPaused until 03.11 09:00 UTC.", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);

        _world.Time.Advance(TimeSpan.FromDays(1) + Every + TimeSpan.FromMinutes(1));
        Monitor();
        Do(db => PauseCheckins.Run(db, Me(db), "2d", Now, _world.Rules));
        Do(db => ShowStatus.Run(db, Me(db), Now, _world.Rules));
        Assert.EndsWith("\nAfter your next check-in: a pause (2 d).", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Paused until", _world.TextsTo(_salek)[^1], StringComparison.Ordinal);
    }

    private void Arrange(string situation)
    {
        switch (situation)
        {
            case "before the deadline":
                _world.Time.Advance(TimeSpan.FromMinutes(30));
                break;
            case "before the deadline, an SOS case open":
                _world.Time.Advance(TimeSpan.FromMinutes(30));
                Do(db => SubjectAlarms.Sos(db, Me(db), Now, Now));
                Assert.NotNull(State().OpenCaseId);
                break;
            case "the deadline has just come":
                _world.Time.Advance(Every);
                break;
            case "in the grace, reminded":
                _world.Time.Advance(Every + TimeSpan.FromMinutes(10));
                Monitor();
                Assert.True(State().DeadlineReminderSent);
                break;
            case "missed, a case open":
                _world.Time.Advance(Every + TimeSpan.FromMinutes(30));
                Monitor();
                Assert.True(State().Missed);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, "No such situation.");
        }
    }

    private Person Me(DataSession db) => db.People.Find(_salek.Id)!;

    private CheckinState State() => _world.Fresh(_salek).Checkin!;

    private void Do(Action<DataSession> work) => _world.Run(work);

    private void Monitor() => _world.Run(db => DeadlineProcessor.Process(db, _salek.Id, Now, _world.Rules));
}
