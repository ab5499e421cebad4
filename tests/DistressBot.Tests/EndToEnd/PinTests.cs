using System.Text.RegularExpressions;
using DistressBot.Telegram.FakeApi;
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

        // Every message that carried a PIN is gone from the chat (deleteMessages), though this journey keeps the subject's
        // other messages (Scenario turns Privacy:DeleteSubjectMessages off): no PIN stays on the phone.
        await s.DeletionsDoneAsync(Scenario.Salek);
        var sent = s.Telegram.Transcript(Scenario.Salek.Id).Where(e => e.Direction == Direction.FromUser).ToList();
        Assert.All(sent.Where(e => e.Text is "1234" or "4829" or "7301"), e => Assert.True(e.Deleted, e.Text));
        Assert.Equal(5, sent.Count(e => e.Text is "1234" or "4829" or "7301"));
        Assert.All(sent.Where(e => e.Text is "/pin" or "/checkin"), e => Assert.False(e.Deleted, e.Text));
        Assert.True(sent.Single(e => e.Text!.StartsWith("/schedule", StringComparison.Ordinal)).Deleted); // it ended with the PIN
    }

    [Fact]
    public async Task Journey_PinChangedByDialogue_WrongPinsLockOutAndTellTheCoordinatorOnce_ThePinMessagesAreDeleted()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/pin", "Придумайте PIN-код");
        await s.SayAsync(Scenario.Salek, "4829", "второй PIN-код");
        await s.SayAsync(Scenario.Salek, "7301", "PIN-коды сохранены");

        // A change asks for the current PIN first, then the new pair; the old PIN no longer counts.
        await s.SayAsync(Scenario.Salek, "/pin", "текущий PIN-код");
        await s.SayAsync(Scenario.Salek, "4829", "Придумайте PIN-код");
        await s.SayAsync(Scenario.Salek, "5173", "второй PIN-код");
        await s.SayAsync(Scenario.Salek, "2846", "PIN-коды сохранены");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m 5173", "Расписание");
        await s.SayAsync(Scenario.Salek, "/checkin 5173", "Отметка принята");
        var ninaBefore = s.MessagesTo(Scenario.Nina).Count;

        var refusals = new List<string>();
        foreach (var wrong in new[] { "4829", "1111", "9020", "3131", "6060", "5173" })
        {
            refusals.Add(await s.SayAsync(Scenario.Salek, "/checkin " + wrong));
        }

        var notice = await s.NextAsync(Scenario.Nina, ninaBefore, "wrong PINs");
        await s.DeletionsDoneAsync(Scenario.Salek);

        // Five wrong PINs, then even the right one is refused unchecked, and every answer reads the same.
        Assert.All(refusals, r => Assert.Equal("PIN-код не принят.", r));
        Assert.Contains("Salek: 5 wrong PINs", notice, StringComparison.Ordinal);
        Assert.Equal(ninaBefore + 1, s.MessagesTo(Scenario.Nina).Count); // told once, no case opened
        var sent = s.Telegram.Transcript(Scenario.Salek.Id).Where(e => e.Direction == Direction.FromUser).ToList();
        Assert.All(sent.Where(e => e.Text is { } text && text.Any(char.IsAsciiDigit) && !text.StartsWith("/start", StringComparison.Ordinal)), e => Assert.True(e.Deleted, e.Text));
        Assert.All(sent.Where(e => e.Text is "/pin"), e => Assert.False(e.Deleted));
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
        await s.ExpectAsync(Scenario.Nina, "Salek set their PINs");
        await s.SettleAsync();
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
