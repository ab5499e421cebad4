using System.Collections.Concurrent;
using System.Text;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Telegram;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// PINs as a subject meets them, through the router: /pin sets them by dialogue, a check-in needs one once they are set, a
/// wrong one does not count and too many tell the coordinators, and the duress PIN looks exactly like the real one while it
/// silently alerts both levels. Nina (coordinator, English) and Lev (Salek's lawyer, Russian) stand behind Salek (subject,
/// English, Moscow time); it is 2 Nov 2026 09:00 UTC; Salek checks in every 12 h.
/// </summary>
public sealed class PinCheckinTests
{
    private const string RealPin = "4829";
    private const string DuressPin = "7301";

    private readonly ConcurrentQueue<CapturedLog> _log = new();
    private readonly BotChat _chat;
    private readonly Person _nina;
    private readonly Person _lev;
    private readonly Person _salek;

    public PinCheckinTests()
    {
        _chat = new BotChat(routerLog: new CapturingLogger<UpdateRouter>(_log));
        (_nina, _lev, _salek) = Enrol(_chat);
    }

    [Fact]
    public void Pin_Dialogue_AsksEachPinAsItsOwnMessage_KeepsOnlyHashes_AndMarksEveryMessageCarryingAPin()
    {
        var ninaBefore = _chat.MessagesTo(_nina).Count;

        var asked = _chat.Reply(_salek, "/pin");
        var markedAsk = _chat.LastHandled!.CarriesPin;
        var second = _chat.Reply(_salek, RealPin);
        var markedFirst = _chat.LastHandled!.CarriesPin;
        var saved = _chat.OwnReply(_salek, DuressPin);
        var markedSecond = _chat.LastHandled!.CarriesPin;

        Assert.Equal(En(TextId.PinAskNew), asked);
        Assert.Equal(En(TextId.PinAskDuress), second);
        Assert.Equal(En(TextId.PinsSet), saved);
        Assert.False(markedAsk);
        Assert.True(markedFirst);
        Assert.True(markedSecond);
        var stored = _chat.World.Fresh(_salek);
        Assert.NotNull(stored.Pins);
        Assert.Null(stored.PinPrompt);
        AssertNoPinStored();
        Assert.Equal([En(TextId.PinsSetToCoordinators, "Salek")], _chat.MessagesTo(_nina).Skip(ninaBefore)); // and nothing else
        AssertNoPinLogged();
    }

    [Fact]
    public void Pin_TrivialMalformedOrEqualPins_AreRefusedWithAClearLine_AndTheSameStepIsAskedAgain()
    {
        _chat.Say(_salek, "/pin");

        var trivial = _chat.Reply(_salek, "1234");
        var malformed = _chat.Reply(_salek, "48a9");
        var next = _chat.Reply(_salek, RealPin);
        var same = _chat.Reply(_salek, RealPin);
        var repeated = _chat.Reply(_salek, "5555");
        var saved = _chat.OwnReply(_salek, DuressPin);

        Assert.Equal(En(TextId.PinTrivial), trivial);
        Assert.Equal(En(TextId.PinBadShape), malformed);
        Assert.Equal(En(TextId.PinAskDuress), next);
        Assert.Equal(En(TextId.PinDuressSame), same);
        Assert.Equal(En(TextId.PinTrivial), repeated);
        Assert.Equal(En(TextId.PinsSet), saved);
        Assert.Equal(PinMatch.Duress, _chat.World.Run(db => db.Pins.Match(_chat.World.Fresh(_salek).Pins!, DuressPin)));
    }

    [Fact]
    public void Pin_WithPinsSet_AsksTheCurrentPinFirst_AndAWrongOneEndsTheDialogueChangingNothing()
    {
        SetPins(RealPin, DuressPin);
        var before = _chat.World.Fresh(_salek).Pins!;

        var asked = _chat.Reply(_salek, "/pin");
        var wrong = _chat.Reply(_salek, "5820");
        var afterwards = _chat.Reply(_salek, "6917");

        Assert.Equal(En(TextId.PinAskCurrent), asked);
        Assert.Equal(En(TextId.PinNotAccepted), wrong);
        Assert.Equal(En(TextId.UnknownCommand), afterwards);
        Assert.Equal(before.CheckinHash, _chat.World.Fresh(_salek).Pins!.CheckinHash);
        Assert.Null(_chat.World.Fresh(_salek).PinPrompt);
    }

    [Fact]
    public void Pin_ChangedWithTheRealPin_TheNewPinsWorkAndTheOldOnesNoLonger()
    {
        SetPins(RealPin, DuressPin);

        Assert.Equal(En(TextId.PinAskCurrent), _chat.Reply(_salek, "/pin"));
        Assert.Equal(En(TextId.PinAskNew), _chat.Reply(_salek, RealPin));
        _chat.Say(_salek, "5820");
        Assert.Equal(En(TextId.PinsSet), _chat.OwnReply(_salek, "6917"));

        var pins = _chat.World.Fresh(_salek).Pins!;
        Assert.Equal(PinMatch.Checkin, _chat.World.Run(db => db.Pins.Match(pins, "5820")));
        Assert.Equal(PinMatch.Duress, _chat.World.Run(db => db.Pins.Match(pins, "6917")));
        Assert.Equal(PinMatch.None, _chat.World.Run(db => db.Pins.Match(pins, RealPin)));
        Assert.Null(_chat.World.Fresh(_salek).Checkin!.OpenCaseId);
    }

    [Fact]
    public void Pin_ChangedWithTheDuressPin_LooksDoneExactlyAlike_ButTheRealPinsStay_AndADuressCaseIsOpen()
    {
        var real = new BotChat();
        var (_, _, realSalek) = Enrol(real);
        SetPins(real, realSalek, RealPin, DuressPin);
        SetPins(RealPin, DuressPin);
        var before = _chat.World.Fresh(_salek).Pins!;

        foreach (var (chat, subject, current) in new[] { (real, realSalek, RealPin), (_chat, _salek, DuressPin) })
        {
            chat.Say(subject, "/pin");
            chat.Say(subject, current);
            chat.Say(subject, "5820");
            chat.Say(subject, "6917");
        }

        Assert.Equal(real.MessagesTo(realSalek), _chat.MessagesTo(_salek));
        var after = _chat.World.Fresh(_salek).Pins!;
        Assert.Equal(before.CheckinHash, after.CheckinHash);
        Assert.Equal(before.DuressHash, after.DuressHash);
        Assert.Equal(PinMatch.Checkin, _chat.World.Run(db => db.Pins.Match(after, RealPin)));
        Assert.True(_chat.World.Case(_chat.World.Fresh(_salek).Checkin!.OpenCaseId!).IsDuress);
        Assert.Null(real.World.Fresh(realSalek).Checkin!.OpenCaseId);
    }

    [Fact]
    public void Pin_ChangedWithTheDuressPin_ThePinsTheCaptorBelievesIn_CheckInLikeRealOnes_AndCountAsDuress()
    {
        var real = new BotChat();
        var (_, _, realSalek) = Enrol(real);
        SetPins(real, realSalek, RealPin, DuressPin);
        SetPins(RealPin, DuressPin);
        foreach (var (chat, subject, current) in new[] { (real, realSalek, RealPin), (_chat, _salek, DuressPin) })
        {
            chat.Say(subject, "/pin");
            chat.Say(subject, current);
            chat.Say(subject, "5820");
            chat.Say(subject, "6917");
        }

        var levBefore = _chat.MessagesTo(_lev).Count;
        foreach (var chat in new[] { real, _chat })
        {
            chat.World.Time.Advance(TimeSpan.FromHours(3));
            chat.Say(chat == real ? realSalek : _salek, "/checkin 5820");
        }

        Assert.Equal(real.MessagesTo(realSalek), _chat.MessagesTo(_salek));
        Assert.Equal(real.World.Fresh(realSalek).Checkin!.OwedDeadline, _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.Contains(_chat.MessagesTo(_lev).Skip(levBefore), m => m.StartsWith(TextCatalogue.Format(Language.Ru, TextId.DuressPrefix), StringComparison.Ordinal));
        var pins = _chat.World.Fresh(_salek).Pins!;
        Assert.Equal(PinMatch.Duress, _chat.World.Run(db => db.Pins.Match(pins, "6917")));
        Assert.Equal(PinMatch.Checkin, _chat.World.Run(db => db.Pins.Match(pins, RealPin)));
        Assert.Equal(PinMatch.Duress, _chat.World.Run(db => db.Pins.Match(pins, DuressPin)));
    }

    [Fact]
    public void Checkin_BeforePinsAreSet_CountsWithoutOne_AndTheCoordinatorSeesNoPinYet()
    {
        var before = _chat.Reply(_nina, "/subjects");
        var checkedIn = _chat.Reply(_salek, "/checkin");
        SetPins(RealPin, DuressPin);
        var after = _chat.Reply(_nina, "/subjects");

        Assert.Contains(En(TextId.SubjectsNoPin).Trim(), before, StringComparison.Ordinal);
        Assert.Contains("Checked in.", checkedIn, StringComparison.Ordinal);
        Assert.Equal(_chat.Now + TimeSpan.FromHours(12), _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.DoesNotContain(En(TextId.SubjectsNoPin).Trim(), after, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkin_WithThePinAsItsArgument_Counts_AndTheMessageIsMarked()
    {
        SetPins(RealPin, DuressPin);
        _chat.World.Time.Advance(TimeSpan.FromHours(3));

        var reply = _chat.Reply(_salek, "/checkin " + RealPin);

        Assert.True(_chat.LastHandled!.CarriesPin);
        Assert.Contains("Checked in.", reply, StringComparison.Ordinal);
        Assert.Equal(_chat.Now + TimeSpan.FromHours(12), _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.Null(_chat.World.Fresh(_salek).Checkin!.OpenCaseId);
        AssertNoPinLogged();
    }

    [Fact]
    public void Checkin_Bare_OrTheReminderButton_AsksForThePin_AndOnlyThePinMakesItCount()
    {
        SetPins(RealPin, DuressPin);
        var owed = _chat.World.Fresh(_salek).Checkin!.OwedDeadline;
        _chat.World.Time.Advance(TimeSpan.FromHours(3));

        var asked = _chat.Reply(_salek, "/checkin");
        var markedAsk = _chat.LastHandled!.CarriesPin;
        var stillOwed = _chat.World.Fresh(_salek).Checkin!.OwedDeadline;
        var button = _chat.Reply(_salek, TextCatalogue.Format(Language.En, TextId.CheckinButton));
        var recorded = _chat.Reply(_salek, RealPin);

        Assert.Equal(En(TextId.PinAskCheckin), asked);
        Assert.Equal(En(TextId.PinAskCheckin), button);
        Assert.False(markedAsk);
        Assert.Equal(owed, stillOwed);
        Assert.True(_chat.LastHandled!.CarriesPin);
        Assert.Contains("Checked in.", recorded, StringComparison.Ordinal);
        Assert.Equal(_chat.Now + TimeSpan.FromHours(12), _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
    }

    [Fact]
    public void Checkin_AskedForThePin_AnswerWithinTenMinutesCounts_ALaterMessageIsNotTakenAsAPin()
    {
        SetPins(RealPin, DuressPin);
        var owed = _chat.World.Fresh(_salek).Checkin!.OwedDeadline;
        _chat.World.Time.Advance(TimeSpan.FromHours(3));

        _chat.Say(_salek, "/checkin");
        _chat.World.Time.Advance(PinPrompts.AnswerWithin + TimeSpan.FromSeconds(1));
        var late = _chat.Reply(_salek, "5820");
        var lateMarked = _chat.LastHandled!.CarriesPin;
        _chat.Say(_salek, "/checkin");
        _chat.World.Time.Advance(PinPrompts.AnswerWithin);
        var inTime = _chat.Reply(_salek, RealPin);

        // Past the window a stray message is not judged (no wrong PIN counted); being digits, it is still deleted as a PIN might be.
        Assert.Equal(En(TextId.UnknownCommand), late);
        Assert.True(lateMarked);
        Assert.DoesNotContain(_log, e => e.EventId == 3481);
        Assert.Contains("Checked in.", inTime, StringComparison.Ordinal);
        Assert.True(_chat.LastHandled!.CarriesPin);
        Assert.NotEqual(owed, _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
    }

    [Fact]
    public void Checkin_WithAWrongPin_IsNotAccepted_DoesNotCount_AndNobodyElseIsTold()
    {
        SetPins(RealPin, DuressPin);
        var owed = _chat.World.Fresh(_salek).Checkin!.OwedDeadline;
        var ninaBefore = _chat.MessagesTo(_nina).Count;
        _chat.World.Time.Advance(TimeSpan.FromHours(3));

        var sent = _chat.Say(_salek, "/checkin 5820");

        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(sent).Text);
        Assert.True(_chat.LastHandled!.CarriesPin);
        Assert.Equal(owed, _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.Null(_chat.World.Fresh(_salek).Checkin!.LastCheckinAt);
        Assert.Equal(ninaBefore, _chat.MessagesTo(_nina).Count);
        Assert.Contains(_log, e => e.EventId == 3481);
        AssertNoPinLogged();
    }

    [Fact]
    public void Checkin_AWrongPinSentAfterTheAsk_IsNotAccepted_IsLogged_AndTheAskEnds()
    {
        SetPins(RealPin, DuressPin);
        var owed = _chat.World.Fresh(_salek).Checkin!.OwedDeadline;

        _chat.Say(_salek, "/checkin");
        var wrong = _chat.Reply(_salek, "5820");
        var marked = _chat.LastHandled!.CarriesPin;
        var afterwards = _chat.Reply(_salek, RealPin);

        Assert.Equal(En(TextId.PinNotAccepted), wrong);
        Assert.True(marked);
        Assert.Equal(En(TextId.UnknownCommand), afterwards);
        Assert.Equal(owed, _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.Single(_log, e => e.EventId == 3481);
        AssertNoPinLogged();
    }

    [Fact]
    public void Checkin_FiveWrongPinsInTheWindow_TellNinaOnce_NotLev_AndFurtherPinsAreRefusedUnjudgedUntilTheWindowEnds()
    {
        SetPins(RealPin, DuressPin);
        var owed = _chat.World.Fresh(_salek).Checkin!.OwedDeadline;
        var ninaBefore = _chat.MessagesTo(_nina).Count;
        var levBefore = _chat.MessagesTo(_lev).Count;

        var wrong = Enumerable.Range(0, 5).Select(i => _chat.Say(_salek, "/checkin 582" + i)).ToList();
        _chat.World.Time.Advance(TimeSpan.FromMinutes(5));
        var lockedReal = _chat.Say(_salek, "/checkin " + RealPin);
        var lockedDuress = _chat.Say(_salek, "/checkin " + DuressPin);

        var told = Assert.Single(_chat.MessagesTo(_nina).Skip(ninaBefore));
        Assert.Contains("Salek: 5 wrong PINs within", told, StringComparison.Ordinal);
        Assert.Equal(levBefore, _chat.MessagesTo(_lev).Count);
        Assert.All(wrong.Take(4), sent => Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(sent).Text));
        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(wrong[4], m => m.ChatId == _salek.ChatId).Text);
        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(lockedReal).Text);
        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(lockedDuress).Text);
        Assert.Equal(owed, _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.Null(_chat.World.Fresh(_salek).Checkin!.OpenCaseId);
        Assert.Equal(2, _log.Count(e => e.EventId == 3482));

        _chat.World.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("Checked in.", _chat.Reply(_salek, "/checkin " + RealPin), StringComparison.Ordinal);
        Assert.Null(_chat.World.Fresh(_salek).PinFailures);
    }

    [Fact]
    public void Checkin_WithTheDuressPin_ReadsExactlyLikeARealOne_WhileNinaAndLevGetADuressCaseAtOnce()
    {
        var real = new BotChat();
        var (realNina, _, realSalek) = Enrol(real);
        SetPins(real, realSalek, RealPin, DuressPin);
        SetPins(RealPin, DuressPin);
        var ninaBefore = _chat.MessagesTo(_nina).Count;
        var levBefore = _chat.MessagesTo(_lev).Count;
        var realNinaBefore = real.MessagesTo(realNina).Count;

        foreach (var (chat, subject, pin) in new[] { (real, realSalek, RealPin), (_chat, _salek, DuressPin) })
        {
            chat.World.Time.Advance(TimeSpan.FromHours(3));
            chat.Say(subject, "/checkin");
            chat.Say(subject, pin);
            chat.World.Time.Advance(TimeSpan.FromHours(1));
            chat.Say(subject, "/checkin " + pin);
            chat.Say(subject, "/status");
        }

        Assert.Equal(real.MessagesTo(realSalek), _chat.MessagesTo(_salek));
        Assert.Equal(real.World.Fresh(realSalek).Checkin!.OwedDeadline, _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
        Assert.Equal(realNinaBefore, real.MessagesTo(realNina).Count);

        var @case = _chat.World.Case(_chat.World.Fresh(_salek).Checkin!.OpenCaseId!);
        Assert.True(@case.IsDuress);
        Assert.Equal(CaseTrigger.Duress, @case.Trigger);
        Assert.Equal(2, @case.Level);
        var toNina = _chat.MessagesTo(_nina).Skip(ninaBefore).ToList();
        var toLev = _chat.MessagesTo(_lev).Skip(levBefore).ToList();
        Assert.NotEmpty(toNina);
        Assert.NotEmpty(toLev);
        Assert.All(toNina, m => Assert.StartsWith(En(TextId.DuressPrefix), m, StringComparison.Ordinal));
        Assert.All(toLev, m => Assert.StartsWith(TextCatalogue.Format(Language.Ru, TextId.DuressPrefix), m, StringComparison.Ordinal));
        Assert.Contains(toNina, m => m.Contains("entered the duress PIN", StringComparison.Ordinal));
        Assert.DoesNotContain(_chat.MessagesTo(_salek), m => m.Contains("DURESS", StringComparison.OrdinalIgnoreCase) || m.Contains("C-0", StringComparison.Ordinal));
        AssertNoPinLogged();
    }

    [Fact]
    public void Checkin_Replies_ToRealAndDuressPins_GoAtTheSamePriority_WithTheSameButtons()
    {
        SetPins(RealPin, DuressPin);

        var realReply = Assert.Single(_chat.Say(_salek, "/checkin " + RealPin)).Sent.Row;
        var duressReply = Assert.Single(_chat.Say(_salek, "/checkin " + DuressPin), m => m.ChatId == _salek.ChatId).Sent.Row;

        Assert.Equal(realReply.Priority, duressReply.Priority);
        Assert.Equal(realReply.RemoveReplyKeyboard, duressReply.RemoveReplyKeyboard);
        Assert.Equal(realReply.InlineButtons, duressReply.InlineButtons);
        Assert.Equal(realReply.ReplyButtons, duressReply.ReplyButtons);
    }

    private static string En(TextId id, params object?[] args) => TextCatalogue.Format(Language.En, id, args);

    // Nina and Lev enrol; Nina invites Salek (English); Lev is made Salek's lawyer; Salek sets a 12-hour schedule.
    private static (Person Nina, Person Lev, Person Salek) Enrol(BotChat chat)
    {
        var nina = chat.EnrolCoordinator(101, "Nina");
        var lev = chat.EnrolLawyer(301, "Lev", "ru");
        var salek = chat.EnrolSubject(nina, 201, "Salek", "en");
        chat.World.Run(db =>
        {
            var subject = db.People.Find(salek.Id)!;
            var lawyer = db.People.Find(lev.Id)!;
            subject.LawyerIds.Add(lawyer.Id);
            lawyer.SubjectIds.Add(subject.Id);
            db.People.Save(subject);
            db.People.Save(lawyer);
        });
        chat.Say(salek, "/schedule every 12h grace 30m");
        return (nina, lev, salek);
    }

    private void SetPins(string checkinPin, string duressPin) => SetPins(_chat, _salek, checkinPin, duressPin);

    private static void SetPins(BotChat chat, Person subject, string checkinPin, string duressPin)
    {
        chat.Say(subject, "/pin");
        chat.Say(subject, checkinPin);
        Assert.Equal(En(TextId.PinsSet), chat.OwnReply(subject, duressPin));
    }

    private void AssertNoPinStored()
    {
        foreach (var (_, record) in _chat.World.Store.Snapshot().Records)
        {
            var text = Encoding.UTF8.GetString(record.Blob);
            Assert.DoesNotContain(RealPin, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DuressPin, text, StringComparison.Ordinal);
        }
    }

    private void AssertNoPinLogged()
    {
        Assert.NotEmpty(_log);
        foreach (var entry in _log)
        {
            Assert.DoesNotContain(RealPin, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(DuressPin, entry.Message, StringComparison.Ordinal);
            Assert.All(entry.Values, v => Assert.DoesNotContain(RealPin, v.Value, StringComparison.Ordinal));
        }
    }
}
