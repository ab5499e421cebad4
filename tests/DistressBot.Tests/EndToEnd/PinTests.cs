using System.Text.RegularExpressions;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// PINs over the real HTTP path: set by dialogue, a check-in with the PIN asked for next, and a duress check-in that reads like a
/// real one in the subject's chat while the coordinator and the lawyer get a duress case at once. Every step has its unit test in
/// Checkins/PinCheckinTests; the guarded changes (schedule, zone, pause, resume) in Checkins/GuardedChangePinTests.
/// </summary>
public sealed partial class PinTests
{
    [Fact]
    public async Task Journey_PinsSetByDialogue_CheckinWithPin_ThenDuressCheckin_LooksTheSame_AndAlertsBothLevelsAtOnce()
    {
        var logs = new CapturingLoggerProvider();
        await using var s = await Scenario.StartAsync(logging: b => b.AddProvider(logs));
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolLawyerAsync(Scenario.Alexander, "Alexander");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.AssignAsync("lawyer", "Alexander", "Salek");

        await s.SayAsync(Scenario.Salek, "/pin", "Придумайте PIN-код");
        await s.SayAsync(Scenario.Salek, "1234", "легко угадать");
        await s.SayAsync(Scenario.Salek, "4829", "второй PIN-код");
        await s.SayAsync(Scenario.Salek, "7301", "PIN-коды сохранены");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m 4829", "Расписание");

        s.Advance(TimeSpan.FromMinutes(100));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отправьте PIN-код");
        var real = await s.SayAsync(Scenario.Salek, "4829", "Отметка принята");
        await s.SettleAsync();
        var ninaBefore = s.MessagesTo(Scenario.Nina).Count;
        var alexanderBefore = s.MessagesTo(Scenario.Alexander).Count;

        s.Advance(TimeSpan.FromMinutes(120));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отправьте PIN-код");
        var duress = await s.SayAsync(Scenario.Salek, "7301", "Отметка принята");
        var toNina = await s.NextAsync(Scenario.Nina, ninaBefore, "DURESS");
        var toAlexander = await s.NextAsync(Scenario.Alexander, alexanderBefore, "DURESS");
        await s.SettleAsync();

        Assert.Equal(Digits().Replace(real, "#"), Digits().Replace(duress, "#"));
        Assert.Contains("Salek entered the duress PIN", toNina, StringComparison.Ordinal);
        Assert.Contains("do not write to or call the subject's phone", toNina, StringComparison.Ordinal);
        Assert.Contains("C-0001", toAlexander, StringComparison.Ordinal);
        Assert.DoesNotContain(s.MessagesTo(Scenario.Salek), m => m.Contains("C-0001", StringComparison.Ordinal) || m.Contains("DURESS", StringComparison.Ordinal) || m.Contains("принуждени", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs.Entries, e => e.EventId == 3300 && e["Kind"] == "Duress");
        foreach (var pin in new[] { "4829", "7301" })
        {
            Assert.All(logs.Entries, e => Assert.DoesNotContain(pin, e.Everything, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Journey_ScheduleChangeNeedsThePin_AndADuressPauseReadsAsDone_WhileNinaGetsTheDuressCase_AndTheRealDeadlineStillAlarms()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/pin", "Придумайте PIN-код");
        await s.SayAsync(Scenario.Salek, "4829", "второй PIN-код");
        await s.SayAsync(Scenario.Salek, "7301", "PIN-коды сохранены");
        var ninaBefore = s.MessagesTo(Scenario.Nina).Count;

        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Отправьте PIN-код");
        await s.SettleAsync();
        var ninaAfterRefusal = s.MessagesTo(Scenario.Nina).Count;
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m 4829", "Расписание сохранено");
        var told = await s.NextAsync(Scenario.Nina, ninaBefore, "Salek changed their schedule");
        await s.SettleAsync();
        var ninaBeforePause = s.MessagesTo(Scenario.Nina).Count;

        s.Advance(TimeSpan.FromMinutes(30));
        var paused = await s.SayAsync(Scenario.Salek, "/pause 2d 7301", "Пауза до");
        var duress = await s.NextAsync(Scenario.Nina, ninaBeforePause, "DURESS");
        await s.SettleAsync();
        var ninaAfterPause = s.MessagesTo(Scenario.Nina).Skip(ninaBeforePause).ToList();

        s.Advance(TimeSpan.FromMinutes(125));
        var alarm = await s.NextAsync(Scenario.Nina, ninaBeforePause + ninaAfterPause.Count, "missed a check-in");

        Assert.Equal(ninaBefore, ninaAfterRefusal);
        Assert.Contains("every 2 h", told, StringComparison.Ordinal);
        Assert.Contains("Salek entered the duress PIN", duress, StringComparison.Ordinal);
        Assert.DoesNotContain(ninaAfterPause, m => m.Contains("paused", StringComparison.Ordinal));
        Assert.Contains("Пауза до", paused, StringComparison.Ordinal);
        Assert.Contains("Salek", alarm, StringComparison.Ordinal);
        Assert.DoesNotContain(s.MessagesTo(Scenario.Salek), m => m.Contains("C-0001", StringComparison.Ordinal) || m.Contains("DURESS", StringComparison.Ordinal) || m.Contains("принуждени", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
