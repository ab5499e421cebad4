using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;
using DistressBot.Telegram;
using DistressBot.Tests.Escalation;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// Case commands and alert buttons as the router takes them, over the in-memory session: who may act, what each is
/// answered, and that a refused or forged action changes and reveals nothing. Vera is a coordinator outside Salek's chain.
/// Times are Moscow time; the case C-0001 opens at 14:30.
/// </summary>
public sealed class CaseRoutingTests
{
    private const long StrangerId = 999;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly DomainWorld _w = DomainWorld.WithCaseChain();
    private readonly StrangerLedger _ledger = new();
    private readonly UpdateRouter _router;
    private readonly Person _vera;
    private int _nextUpdate;

    public CaseRoutingTests()
    {
        _router = new UpdateRouter(_w.Rules, new CaseCommandHandler(NullLogger<CaseCommandHandler>.Instance), NullLogger<UpdateRouter>.Instance);
        _vera = _w.Run(db =>
        {
            var vera = DomainWorld.NewPerson(db.NewId("p"), Role.Coordinator, 3000, "Vera", "Europe/Moscow", _w.Now);
            db.People.Save(vera);
            return vera;
        });
    }

    private CaseChain Chain => _w.Chain;

    [Fact]
    public void CaseActions_ByAnOutsiderCoordinatorOrAStranger_AreRefusedAsUnknown_RevealNothing_AndChangeNothing()
    {
        OpenCase();

        var stranger = Press(StrangerId, "ack:C-0001");
        string[] refusals =
        [
            Say(_vera, "/ack C-0001"),
            Say(_vera, "/case C-0001"),
            Say(_vera, "/note C-0001 I know him"),
            Say(_vera, "/resolve C-0001 safe"),
            Press(_vera.TelegramUserId, "ack:C-0001")!,
            Press(_vera.TelegramUserId, "res:C-0001")!,
            Press(_vera.TelegramUserId, "out:C-0001:Safe")!,
        ];

        Assert.Null(stranger);
        Assert.All(refusals, r => Assert.Equal("There is no case C-0001 among yours.", r));
        Assert.Equal("No open cases.", Say(_vera, "/cases"));
        Assert.Empty(_w.Db.Outbox.All()); // nothing for the stranger, no edit of anyone's copy
        AssertUntouched();
    }

    [Theory]
    [InlineData("out:C-0001:99")]
    [InlineData("out:C-0001:Other")]
    [InlineData("out:C-0001:4")]
    [InlineData("out:C-0001:Safe:x")]
    [InlineData("res:C-0001:Safe")]
    [InlineData("ack:C-0001 ")]
    public void ForgedButton_ByACoordinatorOnTheCase_IsRefused_AndChangesAndSendsNothing(string forged)
    {
        OpenCase();

        var answer = Press(Chain.Nina.TelegramUserId, forged);

        Assert.Equal("The bot never offered this button; nothing was changed. Use the buttons under the bot's messages, or /resolve.", answer);
        Assert.Empty(_w.Db.Outbox.All());
        AssertUntouched();
    }

    [Theory]
    [InlineData("safe", CaseOutcome.Safe, "safe")]
    [InlineData("detained", CaseOutcome.Detained, "detained")]
    [InlineData("missing", CaseOutcome.Missing, "missing")]
    [InlineData("hospitalised", CaseOutcome.Hospitalised, "hospitalised")]
    [InlineData("other moved to another city, calls tomorrow", CaseOutcome.Other, "other")]
    public void Resolve_ByCommand_ClosesTheCase_AnswersWithTheOutcome_AndEditsEachCopy(string arguments, CaseOutcome outcome, string english)
    {
        OpenCase();

        var reply = Say(Chain.Nina, "/resolve C-0001 " + arguments, Minute * 5);

        Assert.Equal($"C-0001 resolved: {english}.", reply);
        var closed = _w.Case("C-0001");
        Assert.Equal(CaseStatus.Resolved, closed.Status);
        Assert.Equal(outcome, closed.Outcome);
        Assert.Equal(Chain.Nina.Id, closed.ResolvedBy);
        Assert.Equal(2, LastSent.Count(s => s.IsEdit)); // Nina's and Olga's copies; Boris had none
        Assert.Null(_w.Fresh(Chain.Salek).Checkin!.OpenCaseId);
    }

    [Fact]
    public void Resolve_OtherWithoutANote_IsRefused_AndTheCaseStaysOpenAndRepeats()
    {
        OpenCase();

        var reply = Say(Chain.Nina, "/resolve C-0001 other");

        Assert.Equal("“Other” needs a note: /resolve C-0001 other what happened", reply);
        AssertUntouched();
        EscalationProcessor.Process(_w.Db, "C-0001", CaseChain.Opening + 10 * Minute, _w.Rules);
        Assert.Equal("Nina:Repeat Olga:Repeat", CaseSteps.Told(_w));
    }

    [Theory]
    [InlineData("Safe", "safe")]
    [InlineData("Detained", "detained")]
    [InlineData("Missing", "missing")]
    [InlineData("Hospitalised", "hospitalised")]
    public void Resolve_ByButtons_OffersTheFourOutcomesThatNeedNoNote_ThenCloses_AndALaterPressSaysItIsClosed(string outcome, string english)
    {
        CaseSteps.OlgaReadsRussian(_w);
        OpenCase();

        Assert.Null(Press(Chain.Nina.TelegramUserId, "res:C-0001", Minute));
        var chooser = Assert.Single(Deliver(Minute));
        var answer = Press(Chain.Nina.TelegramUserId, "out:C-0001:" + outcome, 2 * Minute);
        var late = Press(Chain.Olga.TelegramUserId, "ack:C-0001", 3 * Minute);

        Assert.StartsWith("C-0001 (Salek): how did it end?", chooser.Ready.Text, StringComparison.Ordinal);
        Assert.Equal(4, chooser.Ready.Buttons!.Count);
        Assert.DoesNotContain(chooser.Ready.Buttons.SelectMany(r => r), b => b.Action is ChooseOutcome { Outcome: CaseOutcome.Other });
        Assert.Equal($"C-0001 resolved: {english}.", answer);
        Assert.Equal("C-0001 уже закрыто.", late);
        Assert.Equal(CaseStatus.Resolved, _w.Case("C-0001").Status);
    }

    [Fact]
    public void Note_ByTheTaker_IsAnswered_AndRestartsTheQuietClock()
    {
        OpenCase();
        CaseSteps.Acknowledge(_w, Chain.Nina, CaseChain.Opening + 5 * Minute);
        Deliver(5 * Minute);

        Assert.Equal("Note added to C-0001.", Say(Chain.Nina, "/note C-0001 lawyer is on the way to the station", 45 * Minute));

        Assert.Equal(CaseChain.Opening + 75 * Minute, EscalationProcessor.NextEventAt(_w.Case("C-0001"), _w.Rules.Escalation));
        Assert.Contains("acknowledged by Nina", Say(Chain.Nina, "/cases", 45 * Minute), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_ByACoordinator_IsAnsweredWithTheCase_AndTheSubjectIsNotTold()
    {
        var reply = Say(Chain.Nina, "/missing Salek call, screaming in the background");

        Assert.Equal("C-0001 opened about Salek; coordinators and lawyers are alerted.", reply);
        Assert.DoesNotContain(LastSent, s => s.Row.PersonId == Chain.Salek.Id);
        Assert.Equal(3, LastSent.Count(s => s.Row.TrackCopy));
    }

    [Fact]
    public void Drill_ThroughTheWholeChain_EveryMessageAboutItIsMarked_TheSubjectGetsNothing_AndTheirLocationIsNotTold()
    {
        CaseSteps.OlgaReadsRussian(_w);
        var salek = _w.Fresh(Chain.Salek);
        salek.Checkin!.OwedDeadline = CaseChain.Opening + 6 * 60 * Minute; // nothing real is due during the drill
        _w.Db.People.Save(salek);
        var about = new List<DomainWorld.Sent>();

        var started = Say(Chain.Nina, "/drill Salek");
        about.AddRange(LastSent.Where(s => s.Row.CaseId == "C-0001"));
        foreach (var minutes in new[] { 10, 15 })
        {
            EscalationProcessor.Process(_w.Db, "C-0001", CaseChain.Opening + minutes * Minute, _w.Rules);
            about.AddRange(Deliver(minutes * Minute));
        }

        Press(Chain.Boris.TelegramUserId, "ack:C-0001", 16 * Minute);
        about.AddRange(Deliver(16 * Minute));
        EscalationProcessor.Process(_w.Db, "C-0001", CaseChain.Opening + 46 * Minute, _w.Rules);
        about.AddRange(Deliver(46 * Minute));
        _w.Run(db => SubjectAlarms.Location(db, db.People.Find(Chain.Salek.Id)!, new LocationShare(43.3179, 45.6981, false), CaseChain.Opening + 47 * Minute, CaseChain.Opening + 47 * Minute, notify: true));
        var location = Deliver(47 * Minute);
        Press(Chain.Boris.TelegramUserId, "res:C-0001", 48 * Minute);
        about.AddRange(Deliver(48 * Minute));
        var resolved = Press(Chain.Boris.TelegramUserId, "out:C-0001:Safe", 48 * Minute);
        about.AddRange(Deliver(48 * Minute));

        Assert.Equal("Drill C-0001 about Salek started. Nothing is sent to them.", started);
        Assert.Equal("C-0001 resolved: safe.", resolved);
        Assert.StartsWith("[DRILL] 🚨 C-0001: drill about Salek, started by Nina at 02.11 14:30 UTC+3.", about.First(s => s.Row.PersonId == Chain.Nina.Id).Ready.Text, StringComparison.Ordinal);
        Assert.StartsWith("[УЧЕНИЯ] 🚨 C-0001: учебная тревога по Salek", about.First(s => s.Row.PersonId == Chain.Olga.Id).Ready.Text, StringComparison.Ordinal);
        Assert.Contains(about, s => s.Row.PersonId == Chain.Boris.Id && s.Ready.Text.Contains("Level 2", StringComparison.Ordinal));
        Assert.Contains(about, s => s.Row.PersonId == Chain.Boris.Id && s.Ready.Text.Contains('⏰', StringComparison.Ordinal));
        Assert.All(about, s => Assert.True(
            s.Ready.Text.StartsWith("[DRILL] ", StringComparison.Ordinal) || s.Ready.Text.StartsWith("[УЧЕНИЯ] ", StringComparison.Ordinal),
            "an unmarked message: " + s.Ready.Text));
        Assert.DoesNotContain(about, s => s.Row.PersonId == Chain.Salek.Id);
        Assert.Equal("Received.", Assert.Single(location).Ready.Text); // only the subject's own answer: a drill is not told their location
    }

    [Fact]
    public void FactAndDraft_ByAnOutsiderCoordinator_AreAnsweredAsForAMissingCase_LoggedAsRefused_AndKeepNothing()
    {
        OpenCase();

        string[] refusals =
        [
            Say(_vera, "/fact C-0001 full_name Ivan Petrov"),
            Say(_vera, "/fact C-0001 nickname Vanya"),
            Say(_vera, "/draft C-0001 wgeid"),
            Say(_vera, "/draft C-0001 memo"),
        ];

        Assert.All(refusals, r => Assert.Equal("There is no case C-0001 among yours.", r));
        Assert.Equal("There is no case C-0099 among yours.", Say(_vera, "/draft C-0099 wgeid")); // the same words as for a case that does not exist
        var @case = _w.Case("C-0001");
        Assert.Empty(@case.Facts);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEntryKind.AccessRefused && e.PersonId == _vera.Id); // logged once an hour per person
        Assert.DoesNotContain(@case.Timeline, e => e.Kind is CaseEntryKind.Fact or CaseEntryKind.DraftMade);
        Assert.DoesNotContain(LastSent, s => s.Ready.Document is not null);
        AssertUntouched();
    }

    [Fact]
    public void FactThenDraft_ByACoordinatorOnTheCase_KeepsTheFact_ShowsItInCase_AndSendsTheDraftAsADocument_NotToTheSubject()
    {
        OpenCase();

        Assert.Equal("C-0001: full_name kept for the drafts (/draft C-0001 police|wgeid|interim).", Say(Chain.Nina, "/fact c-0001 Full_Name Ivan Petrov", Minute));
        Assert.StartsWith("Format: /fact C-0042 key value", Say(Chain.Nina, "/fact C-0001 nickname Vanya", Minute), StringComparison.Ordinal);
        Assert.Contains("Facts for the drafts: full_name: Ivan Petrov", Say(Chain.Nina, "/case C-0001", 2 * Minute), StringComparison.Ordinal);
        Assert.StartsWith("/draft C-0042 police|wgeid|interim", Say(Chain.Nina, "/draft C-0001 memo", 2 * Minute), StringComparison.Ordinal);
        var caption = Say(Chain.Nina, "/draft C-0001 police", 3 * Minute);

        var sent = Assert.Single(LastSent, s => s.Ready.Document is not null);
        Assert.Equal(Chain.Nina.Id, sent.Row.PersonId);
        Assert.Equal("C-0001", sent.Row.CaseId);
        Assert.Equal("Case C-0001: draft (police). This is a DRAFT: check it and fill the blanks [TO FILL: …] before filing.", caption);
        Assert.Equal("C-0001-police-draft.docx", sent.Ready.Document!.FileName);
        Assert.Equal(DraftAppeal.MimeType, sent.Ready.Document.MimeType);
        Assert.DoesNotContain(_w.Deliver(CaseChain.Opening + 4 * Minute), s => s.Row.PersonId == Chain.Salek.Id);
        var made = Assert.Single(_w.Case("C-0001").Timeline, e => e.Kind == CaseEntryKind.DraftMade);
        Assert.Equal((Chain.Nina.Id, "police en sha256=" + sent.Ready.Document.Sha256Hex()), (made.PersonId, made.Detail));
    }

    private List<DomainWorld.Sent> LastSent { get; set; } = [];

    // C-0001 opened at 14:30 and its first alerts delivered.
    private void OpenCase()
    {
        _w.MissDeadline(Chain.Salek);
        _w.Deliver(CaseChain.Opening);
    }

    private void AssertUntouched()
    {
        var @case = _w.Case("C-0001");
        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(1, @case.Level);
        Assert.DoesNotContain(@case.Timeline, e => e.Kind is CaseEntryKind.Note or CaseEntryKind.Acknowledged or CaseEntryKind.Resolved);
        Assert.DoesNotContain(_w.Db.Outbox.All(), m => m.EditMessageId is not null);
    }

    private List<DomainWorld.Sent> Deliver(TimeSpan after) => LastSent = _w.Deliver(CaseChain.Opening + after);

    // Sends text from person at 14:30 + after; returns the last message they were sent (everything due is delivered).
    private string Say(Person person, string text, TimeSpan after = default)
    {
        var now = CaseChain.Opening + after;
        var id = ++_nextUpdate;
        var update = new Update
        {
            Id = id,
            Message = new Message
            {
                Id = id,
                Date = now.UtcDateTime,
                Chat = new Chat { Id = person.ChatId, Type = ChatType.Private },
                From = new User { Id = person.TelegramUserId, FirstName = person.Name, LanguageCode = "en" },
                Text = text,
            },
        };
        Handle(update, now);
        return Deliver(after).Last(s => s.Row.PersonId == person.Id && !s.IsEdit).Ready.Text;
    }

    // Presses a button with data at 14:30 + after; returns the notice shown to the presser.
    private string? Press(long userId, string data, TimeSpan after = default)
    {
        var id = ++_nextUpdate;
        var update = new Update
        {
            Id = id,
            CallbackQuery = new CallbackQuery { Id = "q" + id, From = new User { Id = userId, FirstName = "Presser" }, Data = data, ChatInstance = "c" },
        };
        return Handle(update, CaseChain.Opening + after).CallbackText;
    }

    private HandledUpdate Handle(Update update, DateTimeOffset now)
    {
        var draft = _ledger.Begin(now);
        var handled = _router.Handle(_w.Db, update, now, draft);
        _ledger.Apply(draft);
        return handled;
    }
}
