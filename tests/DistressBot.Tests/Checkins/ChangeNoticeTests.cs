using DistressBot.Domain;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// Issue 11: every accepted change of a subject's schedule, zone or pause is told at once to their coordinators, through the
/// real router; a refused one tells nobody but the subject; backup coordinators and lawyers are not told of changes.
/// </summary>
public sealed class ChangeNoticeTests
{
    private readonly BotChat _chat = new();
    private readonly Person _nina;
    private readonly Person _olga;
    private readonly Person _salek;
    private readonly Person _boris;
    private readonly Person _lev;

    public ChangeNoticeTests()
    {
        _nina = _chat.EnrolCoordinator(101, "Nina");
        _olga = _chat.EnrolCoordinator(102, "Olga");
        _boris = _chat.EnrolCoordinator(103, "Boris");
        _lev = _chat.EnrolLawyer(104, "Lev");
        _salek = _chat.EnrolSubject(_nina, 201, "Salek", "en");
        _chat.World.Run(db =>
        {
            var salek = db.People.Find(_salek.Id)!;
            salek.CoordinatorIds.Add(_olga.Id);
            salek.BackupCoordinatorIds.Add(_boris.Id);
            salek.LawyerIds.Add(_lev.Id);
            db.People.Save(salek);
        });
        _chat.Say(_salek, "/schedule every 12h grace 30m");
    }

    /// <summary>What the subject sends, the start of their reply, and the start of what each coordinator reads (null: nothing).</summary>
    public static TheoryData<string, string, string?> Changes => new()
    {
        { "/schedule every 1d grace 1h", "Schedule saved: every day, grace 1 h", "Salek changed their schedule to every day, grace 1 h. It starts only after their next check-in, which is still due: 02.11 21:00 UTC (in 12 h)." },
        { "/schedule every 2h grace 30m", "Schedule saved: every 2 h", "Salek changed their schedule to every 2 h, grace 30 min. Next check-in due by 02.11 11:00 UTC (in 2 h)." },
        { "/schedule daily 21:00", "Schedule saved: daily at 21:00", "Salek changed their schedule to daily at 21:00, grace 30 min. Next check-in due by 02.11 21:00 UTC (in 12 h)." },
        { "/schedule every 7d", "Schedule saved: every 7 d", "Salek changed their schedule to every 7 d, grace 30 min." },
        { "/schedule every 8d", "Too far apart: check-ins must be at most 7 d apart.", null },
        { "/schedule every 30d grace 1d", "Too far apart: check-ins must be at most 7 d apart.", null },
        { "/schedule every 10m", "Too frequent", null },
        { "/schedule weekly", "Format:", null },
        { "/timezone Europe/Berlin", "Time zone: Europe/Berlin.", "Salek changed their time zone to Europe/Berlin. Next check-in due by 02.11 21:00 UTC (in 12 h)." },
        { "/timezone Mars/Base", "I do not know the time zone", null },
        { "/timezone", "Your time zone", null },
        { "/pause 2d", "Paused until 04.11 09:00 UTC.", "Salek paused their check-ins (2 d) until 04.11 09:00 UTC." },
        { "/pause 8d", "A pause can last at most 7 d.", null },
        { "/pause", "Pause: /pause 2d", null },
        { "/resume", "Nothing is paused.", null },
        { "/status", "Next check-in due by: ", null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void SubjectChange_IsToldToEachCoordinator_NotToBackupsOrLawyers_AndARefusalToNobody(string text, string reply, string? told)
    {
        var sent = _chat.Say(_salek, text);

        Assert.StartsWith(reply, sent.First(m => m.ChatId == _salek.ChatId).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => m.ChatId == _boris.ChatId || m.ChatId == _lev.ChatId);
        if (told is null)
        {
            Assert.All(sent, m => Assert.Equal(_salek.ChatId, m.ChatId));
            return;
        }

        var ninaReads = Assert.Single(sent, m => m.ChatId == _nina.ChatId).Text;
        Assert.Equal(told, ninaReads[..Math.Min(told.Length, ninaReads.Length)]);
        Assert.StartsWith(told, Assert.Single(sent, m => m.ChatId == _olga.ChatId).Text, StringComparison.Ordinal);
        Assert.Equal(3, sent.Count);
    }

    [Fact]
    public void ScheduleChange_AfterTheDeadlineCame_IsToldAsWaitingForTheCheckin()
    {
        _chat.Tick(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(5));

        var sent = _chat.Say(_salek, "/schedule every 7d");

        Assert.Contains("starts after your next check-in", sent.Single(m => m.ChatId == _salek.ChatId).Text, StringComparison.Ordinal);
        Assert.Equal(
            "Salek changed their schedule to every 7 d, grace 30 min. It starts only after their next check-in, which is still due: 02.11 21:00 UTC: due now; check in by 02.11 21:30 UTC (25 min left).",
            sent.Single(m => m.ChatId == _nina.ChatId).Text);
    }

    [Fact]
    public void TimezoneChange_ByACoordinator_TellsNobodyElse()
    {
        var sent = _chat.Say(_nina, "/timezone Europe/Berlin");

        Assert.Equal(_nina.ChatId, Assert.Single(sent).ChatId);
    }

    [Fact]
    public void PauseAndResume_ThroughTheRouter_ToldToTheCoordinators_AndListedInHelp()
    {
        _chat.Say(_salek, "/pause 1d");
        _chat.World.Time.Advance(TimeSpan.FromHours(1));

        var sent = _chat.Say(_salek, "/resume");

        Assert.Equal("The pause is over. Next check-in due by 02.11 22:00 UTC (in 12 h).", sent.Single(m => m.ChatId == _salek.ChatId).Text);
        Assert.Equal("Salek ended their pause early. Next check-in due by 02.11 22:00 UTC (in 12 h).", sent.Single(m => m.ChatId == _olga.ChatId).Text);
        Assert.DoesNotContain("paused until", _chat.Reply(_nina, "/subjects"), StringComparison.Ordinal);
        _chat.Say(_salek, "/pause 12h");
        Assert.Contains("Salek — ", _chat.Reply(_nina, "/subjects"), StringComparison.Ordinal);
        Assert.Contains("\n  paused until 02.11 22:00 UTC", _chat.Reply(_nina, "/subjects"), StringComparison.Ordinal);
        var help = _chat.Reply(_salek, "/help");
        Assert.Contains("/pause 2d", help, StringComparison.Ordinal);
        Assert.Contains("/resume", help, StringComparison.Ordinal);
    }
}
