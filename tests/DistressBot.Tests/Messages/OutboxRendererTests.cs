using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Messages;

/// <summary>
/// The dispatcher's one entry point: a row is worded when it is taken, for the reader as stored then; a row it cannot word
/// leaves the outbox without stopping the others; rows of an earlier version go out exactly as stored.
/// </summary>
public sealed class OutboxRendererTests
{
    [Fact]
    public void Prepare_ReaderSwitchedLanguageAfterQueueing_ReadsTheNewLanguage()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();
        w.Run(db => Notify.Send(db, nina, MessagePriority.Reply, w.Now, TextId.SubjectJoined, "Dana"));

        SetPerson(w, nina, p => p.Language = Language.Ru);
        var sent = w.Deliver(w.Now);

        var text = Assert.Single(sent).Ready.Text;
        Assert.Equal(TextCatalogue.Format(Language.Ru, TextId.SubjectJoined, "Dana"), text);
        Assert.NotEqual(TextCatalogue.Format(Language.En, TextId.SubjectJoined, "Dana"), text);
    }

    [Fact]
    public void Prepare_ReaderMovedZoneAfterQueueing_ShowsTimesInTheNewZone()
    {
        var w = new DomainWorld();
        var salek = w.Subject(w.Coordinator());
        w.Run(db => SetSchedule.Run(db, db.People.Find(salek.Id)!, "every 12h grace 45m", w.Now, w.Rules));
        var owed = w.Fresh(salek).Checkin!.OwedDeadline!.Value;

        SetPerson(w, salek, p => p.TimeZone = "Europe/Moscow");
        var text = Assert.Single(w.Deliver(w.Now), m => m.Row.PersonId == salek.Id).Ready.Text;

        Assert.Contains(LocalTime.Format(owed, "Europe/Moscow"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalTime.Format(owed, "UTC"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ReaderRemovedMeanwhile_DropsTheRowAndTheOthersStillGo()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator("Nina");
        var olga = w.Coordinator("Olga");
        w.Run(db =>
        {
            Notify.Send(db, nina, MessagePriority.Reply, w.Now, TextId.SubjectJoined, "Dana");
            Notify.Send(db, olga, MessagePriority.Reply, w.Now, TextId.SubjectJoined, "Dana");
        });
        var ninasRow = Assert.Single(w.Queued(nina)).Id;
        w.Store.Delete(Collections.People, nina.Id);

        var dropped = w.Run(db => OutboxRenderer.Prepare(db, ninasRow, w.Now, Language.En));
        var sent = w.Deliver(w.Now);

        Assert.Equal(DropReason.ReaderGone, dropped.Dropped);
        Assert.Null(dropped.Ready);
        Assert.Null(w.Run(db => db.Outbox.Find(ninasRow)));
        Assert.Equal([olga.Id], sent.Select(s => s.Row.PersonId));
    }

    /// <summary>Stored contents this version cannot word, and what the failure must name.</summary>
    public static TheoryData<MessageText, string> Unwordable => new()
    {
        { new MessageText { Id = "TextFromAnotherVersion", Args = [] }, "TextFromAnotherVersion" },
        { new MessageText { Id = nameof(TextId.SubjectJoined), Args = [] }, "takes 1" },
        { new MessageText { Id = nameof(TextId.Never), Args = [MessageArg.Words("x")] }, "takes 0" },
    };

    [Theory]
    [MemberData(nameof(Unwordable))]
    public void Prepare_StoredContentThisVersionCannotWord_LeavesTheOutboxWithAClearProblemAndTheRestGo(MessageText stored, string named)
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();
        w.Run(db =>
        {
            db.Outbox.Enqueue(new OutgoingMessage { ChatId = nina.ChatId, PersonId = nina.Id, Priority = MessagePriority.Alarm, QueuedAt = w.Now, Text = "", Content = MessageContent.Of(stored) });
            Notify.Send(db, nina, MessagePriority.Reply, w.Now, TextId.SubjectJoined, "Dana");
        });
        var bad = w.Queued(nina)[0].Id;

        var prepared = w.Run(db => OutboxRenderer.Prepare(db, bad, w.Now, Language.En));
        var sent = w.Deliver(w.Now);

        Assert.Equal(DropReason.Unrenderable, prepared.Dropped);
        Assert.Null(prepared.Ready);
        Assert.Contains(named, prepared.Problem, StringComparison.Ordinal);
        Assert.Null(w.Run(db => db.Outbox.Find(bad)));
        Assert.Equal([TextCatalogue.Format(Language.En, TextId.SubjectJoined, "Dana")], sent.Select(s => s.Ready.Text));
    }

    [Fact]
    public void Prepare_RowOfAnEarlierVersionWithFinalWords_IsSentExactlyAsStored()
    {
        // As the previous version stored it: final words in Text, no content (nulls are not written, so the JSON is the same).
        var w = new DomainWorld();
        var nina = w.Coordinator();
        SetPerson(w, nina, p => p.Language = Language.Ru);
        w.Run(db =>
        {
            db.Outbox.Enqueue(new OutgoingMessage { ChatId = nina.ChatId, PersonId = nina.Id, Priority = MessagePriority.Alarm, QueuedAt = w.Now, Text = "⚠ Salek missed a check-in (words of v1)" });
            db.Outbox.Enqueue(new OutgoingMessage { ChatId = 555, Priority = MessagePriority.Stranger, QueuedAt = w.Now, Text = "Stranger line of v1" });
        });
        var ids = w.Run(db => db.Outbox.All().Select(m => m.Id).ToList());

        var prepared = w.Run(db => ids.Select(id => OutboxRenderer.Prepare(db, id, w.Now, Language.En)).ToList());
        var sent = w.Deliver(w.Now);

        Assert.Equal(["⚠ Salek missed a check-in (words of v1)", "Stranger line of v1"], prepared.Select(p => p.Ready?.Text));
        Assert.All(prepared, p => Assert.Equal(DropReason.None, p.Dropped));
        Assert.Equal(["⚠ Salek missed a check-in (words of v1)", "Stranger line of v1"], sent.Select(s => s.Ready.Text));
    }

    [Theory]
    [InlineData(Language.Ru, Language.En, Language.Ru)]
    [InlineData(null, Language.Ru, Language.Ru)]
    [InlineData(null, Language.En, Language.En)]
    public void Prepare_StrangerRow_ReadsTheLanguageChosenWhenQueuedElseTheBotsDefault(Language? chosen, Language botDefault, Language expected)
    {
        var w = new DomainWorld();
        w.Run(db => db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = 555,
            Priority = MessagePriority.Stranger,
            QueuedAt = w.Now,
            Text = "",
            Content = new MessageContent { Kind = MessageKind.Texts, Parts = [new MessageText(TextId.StrangerReply)], Language = chosen },
        }));
        var id = w.Run(db => db.Outbox.All().Single().Id);

        var prepared = w.Run(db => OutboxRenderer.Prepare(db, id, w.Now, botDefault));

        Assert.Equal(TextCatalogue.Format(expected, TextId.StrangerReply), prepared.Ready?.Text);
    }

    [Fact]
    public void Prepare_LongComposite_IsFittedToTelegramsLimit()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();
        w.Run(db => Notify.Send(db, nina, MessagePriority.Reply, w.Now, Enumerable.Repeat(new MessageText(TextId.SubjectJoined, new string('a', 100)), 100)));

        var text = Assert.Single(w.Deliver(w.Now)).Ready.Text;

        Assert.Equal(OutgoingMessage.MaxTextLength, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseView_IsWordedFromTheCaseAsItStandsWhenSent()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(w.Now);
        w.Run(db => Notify.Send(db, w.Chain.Nina, MessagePriority.Reply, w.Now, new MessageContent { Kind = MessageKind.CaseView, About = @case.Id }));

        w.Run(db => TakeCase.Run(db, db.People.Find(w.Chain.Olga.Id)!, @case.Id, w.Now));
        var view = w.Deliver(w.Now).Single(s => s.Row.PersonId == w.Chain.Nina.Id && s.Row.Content?.Kind == MessageKind.CaseView).Ready.Text;

        Assert.Equal(w.Run(db => CaseViews.Timeline(db, db.Cases.Find(@case.Id)!, db.People.Find(w.Chain.Salek.Id)!, db.People.Find(w.Chain.Nina.Id)!, w.Now)), view);
        Assert.Contains("Olga", view, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseView_ReaderNoLongerInTheChainWhenSent_IsToldNoSuchCaseNotShownIt()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(w.Now);
        w.Run(db => Notify.Send(db, w.Chain.Nina, MessagePriority.Reply, w.Now, new MessageContent { Kind = MessageKind.CaseView, About = @case.Id }));

        SetPerson(w, w.Chain.Salek, p => p.CoordinatorIds.Remove(w.Chain.Nina.Id));
        SetPerson(w, w.Chain.Nina, p => p.SubjectIds.Clear());
        var view = Assert.Single(w.Deliver(w.Now)).Ready.Text;

        Assert.Equal(TextCatalogue.Format(Language.En, TextId.CaseNotFound, @case.Id), view);
        Assert.DoesNotContain("Salek", view, StringComparison.Ordinal);
    }

    [Fact]
    public void NotifySend_ArgumentThatCannotBeWordedLater_ThrowsAndQueuesNothing()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();

        Assert.Throws<ArgumentException>(() => w.Run(db => Notify.Send(db, nina, MessagePriority.Reply, w.Now, TextId.SubjectJoined, 1.5)));

        Assert.Empty(w.Queued(nina));
    }

    [Fact]
    public void Journeys_QueueNoComposedTextForAnEnrolledPerson()
    {
        // Enrolment, schedule, zone, status, help, check-ins early and late, reminders, a missed deadline with its alerts,
        // a location and a check-in told to the chain, /subjects, /case, /cases, /plan, /drill and an outage report.
        var w = DomainWorld.WithCaseChain();
        var (nina, salek) = (w.Chain.Nina, w.Chain.Salek);
        w.Run(db =>
        {
            var newcomer = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, 4242, "Dana", "UTC", w.Now);
            newcomer.Checkin = new CheckinState();
            newcomer.CoordinatorIds.Add(nina.Id);
            db.People.Save(newcomer);
            WelcomeNewPerson.Run(db, newcomer, w.Now);
            Notify.Send(db, nina, MessagePriority.Reply, w.Now, CommandList.Help(Role.Coordinator));
            SubjectsOverview.Reply(db, db.People.Find(nina.Id)!, w.Now, w.Rules);
            SetSchedule.Run(db, db.People.Find(newcomer.Id)!, "every 12h grace 45m", w.Now, w.Rules);
            SetSchedule.Run(db, db.People.Find(newcomer.Id)!, "every 1s", w.Now, w.Rules);
            SetTimeZone.Run(db, db.People.Find(newcomer.Id)!, "Europe/Berlin", w.Now, w.Rules);
            SetTimeZone.Run(db, db.People.Find(newcomer.Id)!, "Mars/Olympus", w.Now, w.Rules);
            ShowStatus.Run(db, db.People.Find(newcomer.Id)!, w.Now, w.Rules);
            CheckIn.Run(db, db.People.Find(newcomer.Id)!, w.Now, w.Now, w.Rules);
        });
        var @case = w.MissDeadline(salek);
        w.Run(db =>
        {
            SubjectAlarms.Location(db, db.People.Find(salek.Id)!, new LocationShare(55.75, 37.61, false), w.Now, w.Now, notify: true);
            ShowStatus.Run(db, db.People.Find(salek.Id)!, w.Now, w.Rules);
            CheckIn.Run(db, db.People.Find(salek.Id)!, w.Now, w.Now, w.Rules);
            OutageReport.Queue(db, w.Now - TimeSpan.FromHours(3), w.Now, w.Now);
        });
        var next = w.Fresh(salek).Checkin!.OwedDeadline!.Value;
        w.Time.Advance(next - w.Rules.ReminderLead - w.Now);
        DeadlineProcessor.Process(w.Db, salek.Id, w.Now, w.Rules);
        w.Time.Advance(next - w.Now);
        DeadlineProcessor.Process(w.Db, salek.Id, w.Now, w.Rules);
        w.Run(db =>
        {
            var handler = new DistressBot.Telegram.CaseCommandHandler(Microsoft.Extensions.Logging.Abstractions.NullLogger<DistressBot.Telegram.CaseCommandHandler>.Instance);
            var actor = db.People.Find(nina.Id)!;
            handler.Handle(db, actor, new DistressBot.Telegram.BotCommand("cases", ""), w.Now);
            handler.Handle(db, actor, new DistressBot.Telegram.BotCommand("case", @case.Id), w.Now);
            handler.Handle(db, actor, new DistressBot.Telegram.BotCommand("case", "C-NOPE"), w.Now);
            handler.Handle(db, actor, new DistressBot.Telegram.BotCommand("plan", "Salek"), w.Now);
            handler.Handle(db, actor, new DistressBot.Telegram.BotCommand("drill", "Salek"), w.Now);
        });

        var rows = w.Run(db => db.Outbox.All().ToList());

        Assert.True(rows.Count >= 20, "the journeys queued " + rows.Count + " rows");
        Assert.All(rows, row =>
        {
            Assert.NotNull(row.PersonId);
            Assert.NotNull(row.Content);
            Assert.Equal("", row.Text);
        });
        Assert.Equal(2, rows.Count(r => r.Priority == MessagePriority.Reminder));
        Assert.Contains(rows, r => r.Content!.Kind == MessageKind.CaseAlert);
        Assert.Contains(rows, r => r.Content!.Kind == MessageKind.CaseView);
        Assert.Contains(rows, r => r.Content!.Kind == MessageKind.OpenCases);
        Assert.Contains(rows, r => r.Content!.Kind == MessageKind.Texts && r.CaseId is not null);
    }

    private static void SetPerson(DomainWorld w, Person person, Action<Person> change) => w.Run(db =>
    {
        var stored = db.People.Find(person.Id)!;
        change(stored);
        db.People.Save(stored);
    });
}
