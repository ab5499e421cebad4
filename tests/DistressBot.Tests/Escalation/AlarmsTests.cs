using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// Alarms about a subject: a missed check-in tells level 1, an SOS or a missing report both levels at once; an alarm while
/// a case is open joins it (one subject, one open case); the subject hears only a neutral "Received". Times are Moscow time.
/// </summary>
public sealed class AlarmsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The alarm, who is told (name:reason, sorted), the level it opens at.</summary>
    public static TheoryData<string, string, int> Raised => new()
    {
        { "missed check-in", "Nina:Alarm Olga:Alarm", 1 },
        { "SOS", "Boris:Alarm Nina:Alarm Olga:Alarm Salek:Message", 2 },
        { "missing report", "Boris:Alarm Nina:Alarm Olga:Alarm", 2 },
        { "subject unreachable", "Boris:Alarm Nina:Alarm Olga:Alarm", 2 },
    };

    [Theory]
    [MemberData(nameof(Raised))]
    public void Raise_NoOpenCase_OpensOneAtItsLevel_TellingOnlyThatLevel(string alarm, string told, int level)
    {
        var w = DomainWorld.WithCaseChain();

        var opened = Raise(w, alarm, CaseChain.Opening);

        Assert.Equal("C-0001", opened.Id);
        Assert.Equal(told, CaseSteps.Told(w));
        var stored = w.Case("C-0001");
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Equal(level, stored.Level);
        Assert.Equal(level == 2 ? CaseChain.Opening : null, stored.LevelTwoAt);
        Assert.Equal(CaseChain.Opening, stored.LastNotifiedAt);
        Assert.Equal("C-0001", w.Fresh(w.Chain.Salek).Checkin!.OpenCaseId);
        Assert.Equal(CaseEntryKind.Opened, stored.Timeline[0].Kind);
        Assert.Equal(level == 2 ? "at once" : null, stored.Timeline.SingleOrDefault(e => e.Kind == CaseEntryKind.Escalated)?.Detail);
    }

    [Fact]
    public void Sos_ReadersGetItInTheirLanguage_SubjectHearsOnlyReceived()
    {
        var w = DomainWorld.WithCaseChain();
        CaseSteps.OlgaReadsRussian(w);

        w.Run(db => SubjectAlarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening));
        var sent = w.Deliver(CaseChain.Opening);

        Assert.Equal("🆘 C-0001: Salek sent SOS (02.11 14:30 UTC+3).", Text(sent, w.Chain.Nina));
        Assert.Equal("🆘 C-0001: Salek нажал(а) SOS (02.11 14:30 UTC+3).", Text(sent, w.Chain.Olga));
        Assert.Equal("🆘 C-0001: Salek sent SOS (02.11 14:30 UTC+3).", Text(sent, w.Chain.Boris));
        Assert.Equal("Received.", Text(sent, w.Chain.Salek));
        Assert.All(sent.Where(s => s.Row.PersonId != w.Chain.Salek.Id), s => Assert.Equal<CaseButton>(
            [new AcknowledgeCase("C-0001"), new ResolveCase("C-0001")], s.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action)));
    }

    [Fact]
    public void MissingReport_AlertCarriesTheReportersWords_QuotedInEachLanguage_AndTheSubjectIsNotTold()
    {
        var w = DomainWorld.WithCaseChain();
        CaseSteps.OlgaReadsRussian(w);

        w.Run(db => Alarms.MissingReport(db, db.People.Find(w.Chain.Salek.Id)!, db.People.Find(w.Chain.Nina.Id)!, "call, screaming in the background", CaseChain.Opening));
        var sent = w.Deliver(CaseChain.Opening);

        Assert.Equal("🚨 C-0001: Nina reports Salek missing (02.11 14:30 UTC+3).\n“call, screaming in the background”", Text(sent, w.Chain.Boris));
        Assert.Contains("«call, screaming in the background»", Text(sent, w.Chain.Olga), StringComparison.Ordinal);
        Assert.DoesNotContain(sent, s => s.Row.PersonId == w.Chain.Salek.Id);
        Assert.Contains("missing report", CaseViews.OpenCases(w.Db, w.Fresh(w.Chain.Boris), CaseChain.Opening), StringComparison.Ordinal);
    }

    [Fact]
    public void Sos_WhileAMissedCheckinCaseIsOpen_JoinsIt_WidensToLevelTwo_AndSaysTwoAlarms()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);

        var joined = w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening + 2 * Minute, CaseChain.Opening + 2 * Minute));

        Assert.Equal("C-0001", joined.Id);
        Assert.Null(w.Run(db => db.Cases.Find("C-0002")));
        Assert.Equal("Boris:Alarm Nina:Alarm Olga:Alarm", CaseSteps.Told(w));
        var stored = w.Case("C-0001");
        Assert.Equal(2, stored.Level);
        Assert.Equal(CaseTrigger.MissedCheckin, stored.Trigger); // the case keeps what opened it
        Assert.Single(stored.Timeline, e => e.Kind == CaseEntryKind.Joined);
        var boris = Text(w.Deliver(CaseChain.Opening + 2 * Minute), w.Chain.Boris);
        Assert.StartsWith("🆘 C-0001: Salek sent SOS", boris, StringComparison.Ordinal); // the newest alarm is the headline
        Assert.Contains("Alarms in this case: 2.", boris, StringComparison.Ordinal);
    }

    [Fact]
    public void Sos_WhileTheFirstAlertStillWaits_JoinsIt_TheWaitingAlertTakesTheSosHeadline_NoSecondCopy()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);

        w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening + Minute, CaseChain.Opening + Minute));

        Assert.Single(w.Queued(w.Chain.Nina));
        Assert.Equal(CaseTrigger.Sos, Assert.Single(w.Queued(w.Chain.Olga)).Content!.Headline);
        Assert.Single(w.Queued(w.Chain.Boris)); // new to the case at level 2
        Assert.Equal(2, w.Case("C-0001").Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged));
    }

    [Fact]
    public void Raise_AfterTheCaseWasResolved_OpensANewCase()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseSteps.Resolve(w, w.Chain.Nina, CaseOutcome.Safe, CaseChain.Opening + 5 * Minute);
        w.Deliver(CaseChain.Opening + 5 * Minute);

        var next = w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening + 10 * Minute, CaseChain.Opening + 10 * Minute));

        Assert.Equal("C-0002", next.Id);
        Assert.Equal("C-0002", w.Fresh(w.Chain.Salek).Checkin!.OpenCaseId);
        Assert.Equal(CaseStatus.Resolved, w.Case("C-0001").Status);
        Assert.DoesNotContain(w.Case("C-0001").Timeline, e => e.Kind == CaseEntryKind.Joined);
    }

    [Fact]
    public void MissedCheckin_NoCoordinatorAtLevelOne_GoesToLevelTwoAtOnce()
    {
        var w = DomainWorld.WithCaseChain();
        var salek = w.Fresh(w.Chain.Salek);
        salek.CoordinatorIds.Clear();
        w.Db.People.Save(salek);

        w.MissDeadline(w.Chain.Salek);

        Assert.Equal("Boris:Alarm", CaseSteps.Told(w));
        Assert.Equal(2, w.Case("C-0001").Level);
    }

    [Fact]
    public void Raise_OnSomeoneWhoIsNotASubject_Throws_AndOpensNothing()
    {
        var w = DomainWorld.WithCaseChain();

        Assert.Throws<ArgumentException>(() => w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Nina.Id)!, CaseChain.Opening, CaseChain.Opening)));

        Assert.Null(w.Run(db => db.Cases.Find("C-0001")));
        Assert.Empty(w.Db.Outbox.All());
    }

    [Fact]
    public void Location_DuringAnOpenCase_IsToldToEveryoneOnIt_KeptOnTheTimeline_AndComesWithTheNextRepeat()
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db => SubjectAlarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening));
        w.Deliver(CaseChain.Opening);

        w.Run(db => SubjectAlarms.Location(db, db.People.Find(w.Chain.Salek.Id)!, new LocationShare(43.3179, 45.6981, false), CaseChain.Opening + 2 * Minute, CaseChain.Opening + 2 * Minute, notify: true));
        var told = w.Deliver(CaseChain.Opening + 2 * Minute);

        Assert.Equal(
            "C-0001: Salek shared a location: 43.31790, 45.69810 https://www.openstreetmap.org/?mlat=43.31790&mlon=45.69810#map=17/43.31790/45.69810 (02.11 14:32 UTC+3)",
            Text(told, w.Chain.Boris));
        Assert.Equal(4, told.Count); // Nina, Olga, Boris, and "Received." to Salek
        Assert.Equal("Received.", Text(told, w.Chain.Salek));
        Assert.Contains(
            "02.11 14:32 UTC+3 Location: 43.31790, 45.69810",
            CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Fresh(w.Chain.Salek), w.Fresh(w.Chain.Nina), CaseChain.Opening + 2 * Minute),
            StringComparison.Ordinal);

        EscalationProcessor.Process(w.Db, "C-0001", CaseChain.Opening + 10 * Minute, w.Rules);
        var repeats = w.Deliver(CaseChain.Opening + 10 * Minute);
        Assert.Equal(3, repeats.Count);
        Assert.All(repeats, s => Assert.Contains("Last known location: 43.31790, 45.69810", s.Ready.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Checkin_DuringAnOpenSosCase_IsToldToEveryoneOnIt_AndTheCaseStaysOpenAndRepeats()
    {
        const int Minutes = 5;
        const string Expected = "C-0001: Salek checked in at 14:35 UTC+3. The case stays open until someone resolves it: a check-in may be coerced.";
        var w = DomainWorld.WithCaseChain();
        var salek = w.Fresh(w.Chain.Salek);
        salek.Checkin!.OwedDeadline = CaseChain.Opening + 90 * Minute; // the 14:00 check-in was made: nothing is owed but the SOS
        w.Db.People.Save(salek);
        w.Run(db => SubjectAlarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening));
        w.Deliver(CaseChain.Opening);

        CheckIn.Run(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening + Minutes * Minute, CaseChain.Opening + Minutes * Minute, w.Rules);
        var told = w.Deliver(CaseChain.Opening + Minutes * Minute);

        Assert.All(new[] { w.Chain.Nina, w.Chain.Olga, w.Chain.Boris }, p => Assert.Equal(Expected, Text(told, p)));
        Assert.DoesNotContain("C-0001", Text(told, w.Chain.Salek), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Open, w.Case("C-0001").Status);
        EscalationProcessor.Process(w.Db, "C-0001", CaseChain.Opening + 10 * Minute, w.Rules);
        Assert.Equal("Boris:Repeat Nina:Repeat Olga:Repeat", CaseSteps.Told(w));
    }

    [Fact]
    public void LateCheckin_AfterLevelTwo_IsToldToLevelTwoToo_AndTheCaseStaysOpen()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 15 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 15 * Minute);

        CheckIn.Run(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening + 20 * Minute, CaseChain.Opening + 20 * Minute, w.Rules);
        var told = w.Deliver(CaseChain.Opening + 20 * Minute);

        Assert.All(new[] { w.Chain.Nina, w.Chain.Olga, w.Chain.Boris }, p => Assert.Equal("C-0001: Salek checked in at 14:50 UTC+3, 50 min late.", Text(told, p)));
        Assert.Equal(CaseStatus.Open, w.Case("C-0001").Status);
        Assert.Contains("open, level 2", CaseViews.OpenCases(w.Db, w.Fresh(w.Chain.Nina), CaseChain.Opening + 20 * Minute), StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectUnreachable_TelegramRefusesTheSubjectForGood_OpensACaseAtBothLevels_Once()
    {
        var w = DomainWorld.WithCaseChain();

        w.Run(db => PersonReachability.Unreachable(db, db.People.Find(w.Chain.Salek.Id)!, "Forbidden: user is deactivated", null, CaseChain.Opening));
        w.Run(db => PersonReachability.Unreachable(db, db.People.Find(w.Chain.Salek.Id)!, "Forbidden: user is deactivated", null, CaseChain.Opening + Minute));

        Assert.Equal("Boris:Alarm Nina:Alarm Olga:Alarm", CaseSteps.Told(w));
        Assert.Equal(CaseTrigger.SubjectUnreachable, w.Case("C-0001").Trigger);
        Assert.Equal(CaseChain.Opening, w.Fresh(w.Chain.Salek).UnreachableSince);
        var nina = Text(w.Deliver(CaseChain.Opening + Minute), w.Chain.Nina);
        Assert.Contains("C-0001", nina, StringComparison.Ordinal);
        Assert.Contains("no longer delivers messages to Salek", nina, StringComparison.Ordinal);
    }

    private static Case Raise(DomainWorld w, string alarm, DateTimeOffset now) => alarm switch
    {
        "missed check-in" => w.MissDeadline(w.Chain.Salek),
        "SOS" => w.Run(db =>
        {
            SubjectAlarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, now, now);
            return db.Cases.Find("C-0001")!;
        }),
        "missing report" => w.Run(db => Alarms.MissingReport(db, db.People.Find(w.Chain.Salek.Id)!, db.People.Find(w.Chain.Nina.Id)!, "", now)),
        _ => w.Run(db => Alarms.SubjectUnreachable(db, db.People.Find(w.Chain.Salek.Id)!, "Forbidden: user is deactivated", now)),
    };

    private static string Text(List<DomainWorld.Sent> sent, Person reader) => Assert.Single(sent, s => s.Row.PersonId == reader.Id).Ready.Text;
}
