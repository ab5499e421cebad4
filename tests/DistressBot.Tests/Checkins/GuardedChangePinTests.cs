using System.Text.Json;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// Issue 11: once a subject has PINs, /schedule, /timezone, /pause and /resume need the PIN (the last word, or the next message
/// when the bot asks). Without the right PIN nothing changes and no coordinator is told of a change; the duress PIN reads to the
/// phone exactly like the real one but leaves the real check-in state as it was, and Nina gets the duress case instead of a
/// change notice. Each case runs in its own chat: Nina (coordinator) and Salek (subject, English), who checks in every 12 h
/// (and, for /resume, paused 2 d before setting PINs); one hour passes before the change.
/// </summary>
public sealed class GuardedChangePinTests
{
    private const string RealPin = "4829";
    private const string DuressPin = "7301";

    /// <summary>Each guarded change: its command without a PIN.</summary>
    public static TheoryData<string> Commands => new() { "/schedule every 1d grace 1h", "/timezone Europe/Berlin", "/pause 2d", "/resume" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void NoPinsSet_TheChangeIsMadeAsBefore_TheCoordinatorIsTold_AndNothingIsMarked(string command)
    {
        var (chat, nina, salek) = Start(command, pins: false);
        var before = State(chat, salek);

        var sent = chat.Say(salek, command);

        Assert.False(chat.LastHandled!.CarriesPin);
        Assert.NotEqual(before, State(chat, salek));
        Assert.Single(sent, m => m.ChatId == nina.ChatId);
        Assert.DoesNotContain(sent, m => m.Text == En(TextId.PinAskCheckin));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void PinAsTheLastWord_MakesTheChange_TellsTheCoordinator_RepliesAsWithoutPins_AndTheMessageIsMarked(string command)
    {
        var (plain, plainNina, plainSalek) = Start(command, pins: false);
        var withoutPins = plain.Say(plainSalek, command);
        var (chat, nina, salek) = Start(command, pins: true);
        var before = State(chat, salek);

        var sent = chat.Say(salek, command + " " + RealPin);

        Assert.True(chat.LastHandled!.CarriesPin);
        Assert.NotEqual(before, State(chat, salek));
        Assert.Equal(State(plain, plainSalek), State(chat, salek));
        Assert.Equal(ToSubject(withoutPins, plainSalek), ToSubject(sent, salek));
        Assert.Equal(Assert.Single(withoutPins, m => m.ChatId == plainNina.ChatId).Text, Assert.Single(sent, m => m.ChatId == nina.ChatId).Text);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void PinAskedNext_NothingChangesUntilThePinComes_ThenTheChangeIsMade_AndOnlyThePinMessageIsMarked(string command)
    {
        var (chat, nina, salek) = Start(command, pins: true);
        var before = State(chat, salek);

        var asked = chat.Say(salek, command);
        var askMarked = chat.LastHandled!.CarriesPin;
        var afterAsk = State(chat, salek);
        var done = chat.Say(salek, RealPin);

        Assert.Equal(En(TextId.PinAskCheckin), Assert.Single(asked).Text);
        Assert.False(askMarked);
        Assert.Equal(before, afterAsk);
        Assert.True(chat.LastHandled!.CarriesPin);
        Assert.NotEqual(before, State(chat, salek));
        Assert.Single(done, m => m.ChatId == nina.ChatId);
        Assert.Null(chat.World.Fresh(salek).PinPrompt);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void WrongPin_AsTheLastWordOrNext_IsNotAccepted_NothingChanges_AndNobodyElseIsTold(string command)
    {
        var (chat, _, salek) = Start(command, pins: true);
        var before = State(chat, salek);

        var last = chat.Say(salek, command + " 5820");
        var lastMarked = chat.LastHandled!.CarriesPin;
        chat.Say(salek, command);
        var next = chat.Say(salek, "5821");

        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(last).Text);
        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(next).Text);
        Assert.True(lastMarked);
        Assert.True(chat.LastHandled!.CarriesPin);
        Assert.Equal(before, State(chat, salek));
        Assert.Null(chat.World.Fresh(salek).PinPrompt);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void LockedOut_EvenTheRealPinIsNotAccepted_NothingChanges_AndNoChangeIsTold(string command)
    {
        var (chat, nina, salek) = Start(command, pins: true);
        var before = State(chat, salek);
        for (var i = 0; i < 5; i++)
        {
            chat.Say(salek, "/checkin 582" + i);
        }

        var ninaBefore = chat.MessagesTo(nina).Count;
        var sent = chat.Say(salek, command + " " + RealPin);

        Assert.Equal(En(TextId.PinNotAccepted), Assert.Single(sent).Text);
        Assert.True(chat.LastHandled!.CarriesPin);
        Assert.Equal(before, State(chat, salek));
        Assert.Equal(ninaBefore, chat.MessagesTo(nina).Count);
    }

    /// <summary>Each guarded change, with the PIN as the last word (false) or asked for next (true).</summary>
    public static TheoryData<string, bool> CommandsAndWays => new()
    {
        { "/schedule every 1d grace 1h", false }, { "/schedule every 1d grace 1h", true },
        { "/timezone Europe/Berlin", false }, { "/timezone Europe/Berlin", true },
        { "/pause 2d", false }, { "/pause 2d", true },
        { "/resume", false }, { "/resume", true },
    };

    [Theory]
    [MemberData(nameof(CommandsAndWays))]
    public void DuressPin_ReadsToThePhoneExactlyLikeTheRealOne_ButChangesNothingReal_AndNinaGetsTheDuressCaseNotAChangeNotice(string command, bool askedNext)
    {
        var (real, _, realSalek) = Start(command, pins: true);
        var (realSent, realMarked) = Change(real, realSalek, command, RealPin, askedNext);
        var (chat, nina, salek) = Start(command, pins: true);
        var before = State(chat, salek);
        var ninaBefore = chat.MessagesTo(nina).Count;

        var (sent, marked) = Change(chat, salek, command, DuressPin, askedNext);

        Assert.True(realMarked);
        Assert.True(marked);
        Assert.Equal(real.MessagesTo(realSalek), chat.MessagesTo(salek));
        var realRows = realSent.Where(m => m.ChatId == realSalek.ChatId).Select(m => m.Sent.Row).ToList();
        var duressRows = sent.Where(m => m.ChatId == salek.ChatId).Select(m => m.Sent.Row).ToList();
        Assert.Equal(realRows.Count, duressRows.Count);
        foreach (var (r, d) in realRows.Zip(duressRows))
        {
            Assert.Equal(r.Priority, d.Priority);
            Assert.Equal(r.RemoveReplyKeyboard, d.RemoveReplyKeyboard);
            Assert.Equal(r.InlineButtons, d.InlineButtons);
            Assert.Equal(r.ReplyButtons, d.ReplyButtons);
        }

        Assert.NotEqual(State(real, realSalek), before);
        Assert.Equal(before, State(chat, salek));
        Assert.True(chat.World.Case(chat.World.Fresh(salek).Checkin!.OpenCaseId!).IsDuress);
        var toNina = chat.MessagesTo(nina).Skip(ninaBefore).ToList();
        Assert.NotEmpty(toNina);
        Assert.All(toNina, m => Assert.StartsWith(En(TextId.DuressPrefix), m, StringComparison.Ordinal));
        Assert.DoesNotContain(toNina, m => m.Contains("Salek changed", StringComparison.Ordinal) || m.Contains("Salek paused", StringComparison.Ordinal) || m.Contains("ended their pause", StringComparison.Ordinal));
    }

    // The change with the PIN as its last word, or asked for next: what the PIN's message brought, and whether it was marked.
    private static (IReadOnlyList<BotChat.Delivered> Sent, bool Marked) Change(BotChat chat, Person subject, string command, string pin, bool askedNext)
    {
        if (!askedNext)
        {
            return (chat.Say(subject, command + " " + pin), chat.LastHandled!.CarriesPin);
        }

        Assert.Equal(En(TextId.PinAskCheckin), chat.Reply(subject, command));
        return (chat.Say(subject, pin), chat.LastHandled!.CarriesPin);
    }

    /// <summary>The words after a command, which change, and how they split into the change's words and the PIN once PINs are set.</summary>
    public static TheoryData<string, GuardedChange, string, string> Splits => new()
    {
        { "daily 09:00 21:00 grace 45m 4829", GuardedChange.Schedule, "daily 09:00 21:00 grace 45m", "4829" },
        { "daily 09:00 21:00", GuardedChange.Schedule, "daily 09:00 21:00", "" },
        { "every 12h", GuardedChange.Schedule, "every 12h", "" },
        { "Europe/Berlin  4829 ", GuardedChange.TimeZone, "Europe/Berlin", "4829" },
        { "4829", GuardedChange.Pause, "", "4829" },
        { "2d", GuardedChange.Pause, "2d", "" },
        { "2d 12", GuardedChange.Pause, "2d 12", "" }, // too short for a PIN: left to the pause's own parsing
        { "2d 4829012345678", GuardedChange.Pause, "2d 4829012345678", "" }, // too long for a PIN
        { "48a9", GuardedChange.Resume, "", "48a9" },
        { "", GuardedChange.Resume, "", "" },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_WithPinsSet_TakesALastWordOfDigitsAsThePin_ForResumeEveryWord_AndWithoutPinsNever(string arguments, GuardedChange change, string words, string pin)
    {
        var (withPins, _, salek) = Start("/pause 2d", pins: true);
        var (withoutPins, _, plainSalek) = Start("/pause 2d", pins: false);

        Assert.Equal((words, pin), ChangeGate.Split(withPins.World.Fresh(salek), change, arguments));
        Assert.Equal((arguments.Trim(), ""), ChangeGate.Split(withoutPins.World.Fresh(plainSalek), change, arguments));
    }

    private static (BotChat Chat, Person Nina, Person Salek) Start(string command, bool pins)
    {
        var chat = new BotChat();
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek", "en");
        chat.Say(salek, "/schedule every 12h grace 30m");
        if (command == "/resume")
        {
            chat.Say(salek, "/pause 2d");
        }

        if (pins)
        {
            chat.Say(salek, "/pin");
            chat.Say(salek, RealPin);
            Assert.Equal(En(TextId.PinsSet), chat.OwnReply(salek, DuressPin));
        }

        chat.World.Time.Advance(TimeSpan.FromHours(1));
        return (chat, nina, salek);
    }

    // The real check-in state and zone, as stored.
    private static string State(BotChat chat, Person subject)
    {
        var stored = chat.World.Fresh(subject);
        var state = JsonSerializer.SerializeToNode(stored.Checkin!)!.AsObject();
        state.Remove(nameof(CheckinState.OpenCaseId));
        return stored.TimeZone + " " + state.ToJsonString();
    }

    private static List<string> ToSubject(IReadOnlyList<BotChat.Delivered> sent, Person subject) =>
        [.. sent.Where(m => m.ChatId == subject.ChatId).Select(m => m.Text)];

    private static string En(TextId id, params object?[] args) => TextCatalogue.Format(Language.En, id, args);
}
