using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// Opening a case reads none of the queued rows: nothing about a case can be queued before it exists, so a mass event that
/// opens a thousand cases at once does not read the whole outbox a thousand times. A case opened and alerted twice in one
/// unit of work still gets one alert per reader, and a case that was already open still finds its waiting alerts. Its log
/// names the subject and coordinators from the records the alarm has just read, without reading them again.
/// </summary>
public sealed class NewCaseOutboxTests
{
    [Fact]
    public void MissedCheckin_NewCaseWhileAlertsAboutAnotherCaseWait_ReadsNoOutboxRow_AndQueuesItsOwnAlerts()
    {
        var w = DomainWorld.WithCaseChain();
        var other = w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening)).Id;
        w.Run(db => CloseCaseByHand(db, other));
        var waitingBefore = w.Run(db => db.Outbox.All().Select(m => (m.Id, m.Content?.Reason)).ToList());

        var counting = new CountingRecordSession(w.Store);
        var db = new DataSession(counting, w.Crypto);
        var opened = Alarms.MissedCheckin(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, TimeSpan.FromMinutes(30), CaseChain.Opening);
        db.Seal();

        Assert.NotEqual(other, opened.Id);
        Assert.Equal(0, counting.Reads.Rows(Collections.Outbox));
        var alerts = w.Run(d => d.Outbox.All().Where(m => m.CaseId == opened.Id).Select(m => m.PersonId).Order(StringComparer.Ordinal).ToList());
        Assert.Equal([w.Chain.Nina.Id, w.Chain.Olga.Id], alerts);
        Assert.Equal(waitingBefore, w.Run(d => d.Outbox.All().Where(m => m.CaseId != opened.Id).Select(m => (m.Id, m.Content?.Reason)).ToList())); // the other case's rows untouched
    }

    [Fact]
    public void Raise_TwiceInOneUnitOfWork_TheSecondMergesIntoTheAlertsTheFirstQueued_NoSecondCopy()
    {
        var w = DomainWorld.WithCaseChain();

        var @case = w.Run(db =>
        {
            var subject = db.People.Find(w.Chain.Salek.Id)!;
            Alarms.MissedCheckin(db, subject, CaseChain.Opening, TimeSpan.FromMinutes(30), CaseChain.Opening);
            return Alarms.Sos(db, subject, CaseChain.Opening, CaseChain.Opening);
        });

        Assert.Equal("Boris:Alarm Nina:Alarm Olga:Alarm", CaseSteps.Told(w)); // one alert each, Boris added by the SOS
        var stored = w.Case(@case.Id);
        Assert.Equal(2, stored.Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged));
        Assert.Equal(CaseTrigger.Sos, w.Queued(w.Chain.Nina).Single().Content!.Headline);
    }

    [Fact]
    public void Sos_WhileACaseOpenedEarlierWaitsUndelivered_JoinsIt_AndMergesIntoItsWaitingAlerts()
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db => Alarms.MissedCheckin(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, TimeSpan.FromMinutes(30), CaseChain.Opening));

        w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening));

        Assert.Equal("Boris:Alarm Nina:Alarm Olga:Alarm", CaseSteps.Told(w));
        Assert.Equal(2, w.Case("C-0001").Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged));
    }

    [Fact]
    public void MissedCheckin_NewCase_ReadsTheSubjectAndEachCoordinatorOnce_TheLogNamesThemFromWhatWasRead()
    {
        var w = DomainWorld.WithCaseChain();
        var counting = new CountingRecordSession(w.Store);
        var db = new DataSession(counting, w.Crypto);

        var opened = Alarms.MissedCheckin(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, TimeSpan.FromMinutes(30), CaseChain.Opening);
        db.Seal();

        Assert.Equal(3, counting.Reads.Rows(Collections.People)); // Salek, Nina and Olga, once each: not again to name them in the case log
        var log = w.Run(d => d.CaseLog.Entries(opened.Id).Select(System.Text.Encoding.UTF8.GetString).ToList());
        Assert.Contains(log, e => e.Contains("Salek", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Contains("Nina", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Contains("Olga", StringComparison.Ordinal));
        Assert.DoesNotContain(log, e => e.Contains("Boris", StringComparison.Ordinal)); // level 2 is not told yet
    }

    [Fact]
    public void Sos_OnACaseAlreadyOpen_ReadsOnlyThatCasesQueuedRows_NotTheWholeOutbox()
    {
        var w = DomainWorld.WithCaseChain();
        var open = w.Run(db => Alarms.MissedCheckin(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, TimeSpan.FromMinutes(30), CaseChain.Opening)).Id;
        var dana = w.Subject(w.Chain.Nina, "Dana");
        w.Run(db =>
        {
            // A long outage: many rows about other people wait in the outbox.
            for (var i = 0; i < 50; i++)
            {
                Notify.Send(db, db.People.Find(dana.Id)!, MessagePriority.Reminder, CaseChain.Opening, DistressBot.Localization.TextId.CheckinNoSchedule);
            }
        });

        var counting = new CountingRecordSession(w.Store);
        var db = new DataSession(counting, w.Crypto);
        Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening);
        db.Seal();

        Assert.InRange(counting.Reads.Rows(Collections.Outbox), 2, 3); // Nina's and Olga's waiting alerts (and the row written back), never the 50 others
        Assert.Equal("Boris:Alarm Nina:Alarm Olga:Alarm", CaseSteps.Told(w));
        Assert.Equal(2, w.Case(open).Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged));
    }

    [Fact]
    public void AddCaseLookups_ARowQueuedWithoutOne_ByAnOlderVersion_IsFoundAfterwards()
    {
        var w = DomainWorld.WithCaseChain();
        var open = w.Run(db => Alarms.MissedCheckin(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, TimeSpan.FromMinutes(30), CaseChain.Opening)).Id;
        foreach (var record in w.Store.All(Collections.Outbox).ToList())
        {
            w.Store.Put(record with { Lookup = null }); // as queued before case lookups existed
        }

        var before = w.Run(db => db.Outbox.AboutCase(open).Count);
        var added = w.Run(db => db.Outbox.AddCaseLookups());
        var after = w.Run(db => db.Outbox.AboutCase(open).Count);

        Assert.Equal((0, 2, 2), (before, added, after));
        Assert.Equal(0, w.Run(db => db.Outbox.AddCaseLookups()));
    }

    // Resolves a case without the use case's messages, so only its undelivered alerts stay queued.
    private static void CloseCaseByHand(DataSession db, string caseId)
    {
        var @case = db.Cases.Find(caseId)!;
        @case.Status = CaseStatus.Resolved;
        @case.ResolvedAt = @case.OpenedAt;
        @case.Outcome = CaseOutcome.Safe;
        @case.Timeline.Add(new CaseEntry { At = @case.OpenedAt, Kind = CaseEntryKind.Resolved, Detail = "safe" });
        db.Cases.Save(@case);
        var subject = db.People.Find(@case.SubjectId)!;
        subject.Checkin!.OpenCaseId = null;
        db.People.Save(subject);
    }

}
