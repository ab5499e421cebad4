using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;
using DistressBot.Tests.Escalation;

namespace DistressBot.Tests.Enrollment;

/// <summary>`distressbot revoke`: one unit of work removes a person at once; their cases stay with the rest of the chain, which is told; they are told nothing.</summary>
public sealed class RevokePersonTests
{
    private readonly OpenCaseWorld _w = OpenCaseWorld.Start();

    private Person Person(string name) => _w.World.Person(_w.People[name].Id);

    [Fact]
    public void Run_OnTheCoordinatorWhoTookTheCase_RemovesThem_ReopensTheCase_AndTellsTheRestOfTheChainOnly()
    {
        var nina = Person("Nina");
        _w.Act("Nina", (db, n) => TakeCase.Run(db, n, OpenCaseWorld.CaseId, _w.World.Now));
        _w.World.Run(db => CreateInvite.Run(db, Role.Subject, "Mila", db.People.Find(nina.Id)!, _w.World.Now, TimeSpan.FromDays(1)));
        _w.World.Deliver(_w.World.Now);
        _w.World.Run(db => Notify.Send(db, db.People.Find(nina.Id)!, MessagePriority.Reply, _w.World.Now, TextId.CasesNone)); // waiting for her

        var result = _w.World.Run(db => RevokePerson.Run(db, " nina ", null, _w.World.Now));

        Assert.Equal(RevokeOutcome.Revoked, result.Outcome);
        Assert.Equal((1, 1), (result.InvitesCancelled, result.MessagesDropped));
        Assert.Equal([OpenCaseWorld.CaseId], result.CasesReopened);
        Assert.Null(_w.World.Run(db => db.People.Find(nina.Id)));
        Assert.Null(_w.World.Run(db => db.People.FindByTelegramUser(nina.TelegramUserId)));
        Assert.DoesNotContain(_w.World.Run(db => db.Invites.All().ToList()), i => i.CoordinatorId == nina.Id);
        Assert.DoesNotContain(nina.Id, Person("Salek").CoordinatorIds);
        Assert.Empty(result.SubjectsLeftUncoordinated!); // Olga still coordinates Salek
        var @case = _w.Case;
        Assert.Equal((CaseStatus.Open, (string?)null), (@case.Status, @case.AcknowledgedBy));
        var entry = CaseLogEntry.Parse(_w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId))[^1]);
        Assert.Equal((CaseLogKinds.Revoked, new LogParty("admin", null), new LogParty("coordinator", "Nina")), (entry.Kind, entry.Actor, entry.Person));

        var sent = _w.World.Deliver(_w.World.Now);
        Assert.Equal(["Boris", "Lev", "Olga"], sent.Select(s => _w.People.Values.Single(p => p.Id == s.Row.PersonId).Name).Order());
        Assert.All(sent, s => Assert.Contains("Nina", s.Ready.Text, StringComparison.Ordinal));
        Assert.All(sent, s => Assert.Contains("/ack C-0001", s.Ready.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Row.PersonId == _w.People["Salek"].Id || s.Row.PersonId == nina.Id);
    }

    [Fact]
    public void Run_OnALawyer_LogsItOnTheOpenCase_AndLeavesItWithTheCoordinators()
    {
        var lev = Person("Lev");

        var result = _w.World.Run(db => RevokePerson.Run(db, "Lev", null, _w.World.Now));

        Assert.Equal(RevokeOutcome.Revoked, result.Outcome);
        Assert.Equal([OpenCaseWorld.CaseId], result.CasesLogged);
        Assert.Empty(result.CasesReopened!);
        Assert.DoesNotContain(lev.Id, Person("Salek").LawyerIds);
        Assert.Equal(CaseStatus.Open, _w.Case.Status);
        var told = _w.World.Deliver(_w.World.Now);
        Assert.Equal(["Boris", "Nina", "Olga"], told.Select(s => _w.People.Values.Single(p => p.Id == s.Row.PersonId).Name).Order());
        Assert.All(told, s => Assert.Equal(TextCatalogue.Format(Language.En, TextId.RevokedLawyer, "Lev", "Salek"), s.Ready.Text));
    }

    [Fact]
    public void Run_OnASubjectWithACaseOpen_ChangesNothing_AndOnceResolved_RemovesThemAndStopsTheirTimers()
    {
        var salek = Person("Salek");

        var refused = _w.World.Run(db => RevokePerson.Run(db, "Salek", null, _w.World.Now));

        Assert.Equal(RevokeOutcome.SubjectHasOpenCase, refused.Outcome);
        Assert.Equal([OpenCaseWorld.CaseId], refused.OpenCases!);
        Assert.NotNull(_w.World.Run(db => db.People.Find(salek.Id)));
        Assert.Empty(_w.World.Deliver(_w.World.Now));

        _w.Act("Nina", (db, n) => CloseCase.Run(db, n, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", _w.World.Now, OwedDeadlines.ResumeAfterResolution));
        _w.World.Deliver(_w.World.Now);
        var revoked = _w.World.Run(db => RevokePerson.Run(db, "salek", "Olga", _w.World.Now));

        Assert.Equal(RevokeOutcome.Revoked, revoked.Outcome);
        Assert.Null(_w.World.Run(db => db.People.Find(salek.Id)));
        Assert.DoesNotContain(salek.Id, Person("Nina").SubjectIds);
        Assert.DoesNotContain(salek.Id, Person("Boris").BackupSubjectIds);
        Assert.Null(_w.World.Run(db => DeadlineProcessor.Process(db, salek.Id, _w.World.Now + TimeSpan.FromDays(3), _w.World.Rules)));
        var told = _w.World.Deliver(_w.World.Now);
        Assert.Equal(["Boris", "Lev", "Nina", "Olga"], told.Select(s => _w.People.Values.Single(p => p.Id == s.Row.PersonId).Name).Order());
        Assert.DoesNotContain(told, s => s.Row.ChatId == salek.ChatId);
    }

    [Theory]
    [InlineData("Vera", null, RevokeOutcome.NotFound)]
    [InlineData("Salek", "Zoe", RevokeOutcome.NotFound)]
    [InlineData("Salek", "Nobody", RevokeOutcome.NotFound)]
    public void Run_OnANameNobodyHas_ChangesNothing(string name, string? of, RevokeOutcome outcome)
    {
        var before = _w.World.Run(db => db.People.All().Count());

        var result = _w.World.Run(db => RevokePerson.Run(db, name, of, _w.World.Now));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(before, _w.World.Run(db => db.People.All().Count()));
        Assert.Empty(_w.World.Deliver(_w.World.Now));
    }

    [Fact]
    public void Run_OnAnAliasTwoSubjectsShare_IsAmbiguous_UntilTheCoordinatorIsNamed()
    {
        _w.World.Subject(Person("Zoe"), "Salek");

        var ambiguous = _w.World.Run(db => RevokePerson.Run(db, "Salek", null, _w.World.Now));

        Assert.Equal((RevokeOutcome.Ambiguous, 2), (ambiguous.Outcome, ambiguous.Count));
        Assert.Equal(RevokeOutcome.Revoked, _w.World.Run(db => RevokePerson.Run(db, "Salek", "Zoe", _w.World.Now)).Outcome);
        Assert.NotNull(_w.World.Run(db => db.People.Find(_w.People["Salek"].Id)));
    }

    [Fact]
    public void Run_OnASubjectWhoseReminderIsHeld_QueuesItsDeletion_SoItDoesNotWaitForAnAnswerThatCannotCome()
    {
        var dana = _w.World.Subject(Person("Zoe"), "Dana");
        _w.World.Run(db => ChatCleanup.Delivered(db, dana, MessagePriority.Reminder, dana.ChatId, 20, _w.World.Now, _w.World.Now, ChatCleaning.Default));

        Assert.Equal(RevokeOutcome.Revoked, _w.World.Run(db => RevokePerson.Run(db, "Dana", "Zoe", _w.World.Now)).Outcome);

        Assert.Null(_w.World.Run(db => db.Deletions.HeldFor(dana.Id)));
        Assert.Equal([20], _w.World.Run(db => db.Deletions.All().Select(d => d.MessageId).ToList()));
    }
}
