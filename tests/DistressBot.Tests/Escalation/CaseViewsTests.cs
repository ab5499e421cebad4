using System.Text.RegularExpressions;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// /case and /cases: every line in the reader's language, zone and precision, details rendered from what they mean (never an
/// ISO instant or an enum name); on a long case the header always, repeated deliveries summarised, the middle cut on whole lines.
/// </summary>
public sealed class CaseViewsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Timeline_ManyRepeats_EachPersonsDeliveriesAreOneLineWithACount()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        for (var minutes = 10; minutes <= 110; minutes += 10)
        {
            EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + minutes * Minute, w.Rules);
            w.Deliver(CaseChain.Opening + minutes * Minute);
        }

        var lines = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening + 111 * Minute).Split('\n');

        Assert.StartsWith("C-0001 · Salek · missed check-in · open, level 2 · opened 02.11 14:30 UTC+3", lines[0], StringComparison.Ordinal);
        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Nina ×12, last 02.11 16:20 UTC+3", lines);
        Assert.Contains("02.11 14:30 UTC+3 Alert queued — Olga ×12, last 02.11 16:20 UTC+3", lines);
        Assert.Contains("02.11 14:50 UTC+3 Alert delivered — Boris ×10, last 02.11 16:20 UTC+3", lines);
        Assert.Single(lines, l => l.Contains("Alert delivered — Nina", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("telegram message", StringComparison.Ordinal) && l.Contains("Nina", StringComparison.Ordinal));
        Assert.Equal("02.11 14:40 UTC+3 Repeated ×10, last 02.11 16:20 UTC+3", Assert.Single(lines, l => l.Contains(" Repeated", StringComparison.Ordinal)));
        Assert.Contains("02.11 14:50 UTC+3 Escalated: nobody acknowledged", lines);
    }

    [Fact]
    public void Timeline_SingleDelivery_KeepsItsDetail()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        var nina = w.Deliver(CaseChain.Opening).First(s => s.Row.PersonId == w.Chain.Nina.Id);

        var lines = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening).Split('\n');

        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Nina: message " + nina.MessageId, lines);
        Assert.DoesNotContain(lines, l => l.Contains('×', StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_DuressCase_ShowsWhenThePinWasGivenInTheReadersTime_NeverARawTimestamp()
    {
        var w = DomainWorld.WithCaseChain();
        var duress = w.Run(db => Alarms.Duress(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening));

        var text = CaseViews.Timeline(w.Db, w.Case(duress.Id), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening);

        Assert.Contains("14:30", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-02T", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_TooLongForOneMessage_KeepsHeaderOpeningAndNewest_CutsWholeLinesFromTheMiddle()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        TakeCase.Run(w.Db, w.Chain.Olga, "C-0001", CaseChain.Opening + Minute);
        for (var n = 1; n <= 60; n++)
        {
            AddCaseNote.Run(w.Db, w.Chain.Olga, "C-0001", $"note {n:D2}: " + string.Concat(Enumerable.Repeat("👩🏽‍⚖️ word ", 12)), CaseChain.Opening + (1 + n) * Minute);
        }

        var text = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening + 62 * Minute);
        var lines = text.Split('\n');

        Assert.True(text.Length <= OutgoingMessage.MaxTextLength, $"{text.Length} characters");
        Assert.StartsWith("C-0001 · Salek · missed check-in · acknowledged by Olga · opened 02.11 14:30 UTC+3", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("02.11 14:30 UTC+3 Opened: missed check-in", lines[1], StringComparison.Ordinal);
        Assert.Contains("note 60:", lines[^1], StringComparison.Ordinal);
        var cut = Assert.Single(lines, l => l.StartsWith('…'));
        Assert.Matches(@"^… \d+ steps left out …$", cut);
        Assert.DoesNotContain(lines, l => l.Contains("note 30:", StringComparison.Ordinal));

        // Every note line that is shown is whole: none was cut inside.
        Assert.All(lines.Where(l => l.Contains("note ", StringComparison.Ordinal)), l => Assert.EndsWith("👩🏽‍⚖️ word", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_AVeryLongNote_IsCutAtItsEndOnAWholeCharacter()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        AddCaseNote.Run(w.Db, w.Chain.Nina, "C-0001", "x" + string.Concat(Enumerable.Repeat("😀", 1500)), CaseChain.Opening + Minute);

        var text = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening + Minute);
        var note = Assert.Single(text.Split('\n'), l => l.Contains("Note", StringComparison.Ordinal));

        Assert.True(note.Length <= CaseViews.MaxLineLength);
        Assert.EndsWith("😀" + TextCut.Ellipsis, note, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(note[^2]));
    }

    private const string Note = "found at home";

    // Latin words a Russian reader may see: names, the case number, the note as typed, and words that are the same in both languages.
    private static readonly Regex AllowedLatin = new(@"\b(?:Salek|Nina|Olga|Boris|UTC|SOS|Telegram|found at home)\b|C-\d{4}", RegexOptions.CultureInvariant);

    /// <summary>Rows: the reader's language, then a line the missed-check-in case shows ({0} Boris's alert, {1} Nina's check-in notice).</summary>
    public static TheoryData<Language, string> ResolvedCaseLines => new()
    {
        { Language.En, "C-0001 · Salek · missed check-in · resolved: safe · opened 02.11 14:30 UTC+3 · taken after: 30 min · lawyer told after: not yet" },
        { Language.Ru, "C-0001 · Salek · пропуск отметки · закрыто: в безопасности · открыто 02.11 14:30 UTC+3 · взято через: 30 мин · юрист узнал через: ещё нет" },
        { Language.En, "02.11 14:30 UTC+3 Opened: missed check-in, deadline 02.11 14:00 UTC+3" },
        { Language.Ru, "02.11 14:30 UTC+3 Открыто: пропуск отметки, срок 02.11 14:00 UTC+3" },
        { Language.En, "02.11 14:45 UTC+3 Escalated: nobody acknowledged" },
        { Language.Ru, "02.11 14:45 UTC+3 Эскалация: никто не принял дело" },
        { Language.En, "02.11 14:45 UTC+3 Alert queued — Boris: escalation" },
        { Language.Ru, "02.11 14:45 UTC+3 Тревога поставлена в очередь — Boris: эскалация" },
        { Language.En, "02.11 14:45 UTC+3 Alert delivered — Boris: message {0}" },
        { Language.Ru, "02.11 14:45 UTC+3 Тревога доставлена — Boris: сообщение {0}" },
        { Language.En, "02.11 14:50 UTC+3 Subject checked in: sent 02.11 14:49 UTC+3" },
        { Language.Ru, "02.11 14:50 UTC+3 Отметка человека: отправлено 02.11 14:49 UTC+3" },
        { Language.En, "02.11 14:30 UTC+3 Alert queued — Nina ×2, last 02.11 14:45 UTC+3" },
        { Language.Ru, "02.11 14:30 UTC+3 Тревога поставлена в очередь — Nina ×2, последний раз 02.11 14:45 UTC+3" },
        { Language.En, "02.11 14:30 UTC+3 Alert delivered — Nina ×2, last 02.11 14:45 UTC+3" },
        { Language.Ru, "02.11 14:30 UTC+3 Тревога доставлена — Nina ×2, последний раз 02.11 14:45 UTC+3" },
        { Language.En, "02.11 14:50 UTC+3 Message about the case delivered — Nina: message {1}" },
        { Language.Ru, "02.11 14:50 UTC+3 Сообщение по делу доставлено — Nina: сообщение {1}" },
        { Language.En, "02.11 15:00 UTC+3 Resolved — Olga: safe: " + Note },
        { Language.Ru, "02.11 15:00 UTC+3 Закрыто — Olga: в безопасности: " + Note },
    };

    /// <summary>Rows: the reader's language, then a line an SOS case shows at the moment it opened.</summary>
    public static TheoryData<Language, string> SosCaseLines => new()
    {
        { Language.En, "C-0001 · Salek · SOS · open, level 2 · opened 02.11 14:30 UTC+3 · taken after: not yet · lawyer told after: not yet" },
        { Language.Ru, "C-0001 · Salek · SOS · ждёт ответа, уровень 2 · открыто 02.11 14:30 UTC+3 · взято через: ещё нет · юрист узнал через: ещё нет" },
        { Language.En, "02.11 14:30 UTC+3 Opened: SOS, sent 02.11 14:29 UTC+3" },
        { Language.Ru, "02.11 14:30 UTC+3 Открыто: SOS, отправлено 02.11 14:29 UTC+3" },
        { Language.En, "02.11 14:30 UTC+3 Escalated: at once" },
        { Language.Ru, "02.11 14:30 UTC+3 Эскалация: сразу" },
        { Language.En, "02.11 14:30 UTC+3 Alert queued — Olga: alarm" },
        { Language.Ru, "02.11 14:30 UTC+3 Тревога поставлена в очередь — Olga: тревога" },
    };

    /// <summary>Rows: an entry's kind and detail as stored (old or unknown shapes included), then its English line.</summary>
    public static TheoryData<CaseEntryKind, string, string> StoredDetails => new()
    {
        { CaseEntryKind.Outage, "Telegram unreachable from 2026-11-02T10:00:00.0000000+00:00 to 2026-11-02T11:00:00.0000000+00:00", "Outage: Telegram unreachable from 02.11 13:00 UTC+3 to 02.11 14:00 UTC+3" },
        { CaseEntryKind.Outage, "bot or Telegram link down from 2026-11-02T10:00:00.0000000+00:00 to 2026-11-02T11:00:00.0000000+00:00", "Outage: bot or Telegram link down from 02.11 13:00 UTC+3 to 02.11 14:00 UTC+3" },
        { CaseEntryKind.Joined, "MissedCheckin: deadline 2026-11-02T11:00:00.0000000+00:00; the bot or its link to Telegram was down from 2026-11-02T10:00:00.0000000+00:00 to 2026-11-02T11:20:00.0000000+00:00", "Another alarm joined: missed check-in, deadline 02.11 14:00 UTC+3; bot or Telegram link down from 02.11 13:00 UTC+3 to 02.11 14:20 UTC+3" },
        { CaseEntryKind.Joined, "MissingReport: reported by p1: call, screaming", "Another alarm joined: missing report, reported by Nina: call, screaming" },
        { CaseEntryKind.Opened, "Drill: drill started by p2", "Opened: drill, started by Olga" },
        { CaseEntryKind.Escalated, "acknowledged but quiet", "Escalated: acknowledged but quiet" },
        { CaseEntryKind.Escalated, "a level-1 recipient is unreachable", "Escalated: a level-1 recipient is unreachable" },
        { CaseEntryKind.AlertMerged, "Repeat", "An alert still waits to go: it will tell the latest: repeat" },
        { CaseEntryKind.AlertDropped, "Reopened", "Not sent: the case was already closed: escalated again: the taker went quiet" },
        { CaseEntryKind.RecipientUnreachable, "Forbidden: bot was blocked by the user", "Recipient unreachable: Telegram said: “Forbidden: bot was blocked by the user”" },
        { CaseEntryKind.Resolved, "Missing", "Resolved: missing" },
        { CaseEntryKind.Escalated, "a reason a later version writes", "Escalated: a reason a later version writes" },
        { CaseEntryKind.Opened, "Sos: a shape a later version writes", "Opened: SOS: a shape a later version writes" },
        { CaseEntryKind.Opened, "Earthquake: sent 2026-11-02T11:00:00.0000000+00:00", "Opened: Earthquake: sent 2026-11-02T11:00:00.0000000+00:00" },
        { CaseEntryKind.SubjectCheckedIn, "sent yesterday", "Subject checked in: sent yesterday" },
        { CaseEntryKind.AlertQueued, "7", "Alert queued: 7" },
        { CaseEntryKind.Resolved, "safe: lower-case is not what the bot writes", "Resolved: safe: lower-case is not what the bot writes" },
    };

    [Theory]
    [MemberData(nameof(ResolvedCaseLines))]
    public void Timeline_MissedCaseEscalatedCheckedInAndResolved_EveryLineInTheReadersLanguage(Language language, string expected)
    {
        var (w, borisAlert, ninaNotice) = MissedEscalatedCheckedInResolved();
        var reader = w.Fresh(w.Chain.Nina);
        reader.Language = language;

        var text = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Fresh(w.Chain.Salek), reader, CaseChain.Opening + 31 * Minute);

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, borisAlert, ninaNotice), text.Split('\n'));
        AssertNothingRaw(text, language);
    }

    [Theory]
    [MemberData(nameof(SosCaseLines))]
    public void Timeline_SosAtTheMomentItOpened_EveryLineInTheReadersLanguage_NotYetWithoutZeroSeconds(Language language, string expected)
    {
        var w = DomainWorld.WithCaseChain();
        Alarms.Sos(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening - TimeSpan.FromSeconds(30), CaseChain.Opening);
        var reader = w.Fresh(w.Chain.Nina);
        reader.Language = language;

        var text = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Fresh(w.Chain.Salek), reader, CaseChain.Opening);

        Assert.Contains(expected, text.Split('\n'));
        AssertNothingRaw(text, language);
        Assert.DoesNotContain("(0", text, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(text.Split('\n')[0], "открыто|opened"));
    }

    [Fact]
    public void Timeline_ACheckinNoticeDelivered_IsNotCountedAsAnAlert_SoAlertCountsAgree()
    {
        var (w, _, _) = MissedEscalatedCheckedInResolved();

        var lines = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Fresh(w.Chain.Salek), w.Chain.Nina, CaseChain.Opening + 31 * Minute).Split('\n');

        Assert.Contains("02.11 14:30 UTC+3 Alert queued — Olga ×2, last 02.11 14:45 UTC+3", lines);
        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Olga ×2, last 02.11 14:45 UTC+3", lines);
        Assert.Single(lines, l => l.StartsWith("02.11 14:50 UTC+3 Message about the case delivered — Olga: message ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("×3", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenCasesAndTimeline_SubjectOnASecondsSchedule_ShowTimesToTheSecond()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        var salek = w.Db.People.Find(w.Chain.Salek.Id)!;
        salek.Checkin!.Schedule = Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromSeconds(90));
        w.Db.People.Save(salek);

        var cases = CaseViews.OpenCases(w.Db, w.Chain.Nina, CaseChain.Opening + TimeSpan.FromSeconds(5));
        var lines = CaseViews.Timeline(w.Db, w.Case("C-0001"), salek, w.Chain.Nina, CaseChain.Opening + TimeSpan.FromSeconds(5)).Split('\n');

        Assert.Contains("· opened 02.11 14:30:00 UTC+3 · taken after: not yet (5 s) ·", cases, StringComparison.Ordinal);
        Assert.StartsWith("C-0001 · Salek · missed check-in · open, level 1 · opened 02.11 14:30:00 UTC+3", lines[0], StringComparison.Ordinal);
        Assert.Equal("02.11 14:30:00 UTC+3 Opened: missed check-in, deadline 02.11 14:00:00 UTC+3", lines[1]);
        Assert.DoesNotMatch(@"(?<![:\d])\d\d:\d\d UTC", string.Join('\n', lines));
    }

    [Theory]
    [MemberData(nameof(StoredDetails))]
    public void Timeline_StoredDetail_RenderedFromItsMeaning_UnknownShapesAsStored(CaseEntryKind kind, string detail, string expected)
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        var @case = w.Db.Cases.Find("C-0001")!;
        @case.Timeline.Add(new CaseEntry { At = CaseChain.Opening + Minute, Kind = kind, Detail = detail });
        w.Db.Cases.Save(@case);

        var lines = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening + Minute).Split('\n');

        Assert.Equal("02.11 14:31 UTC+3 " + expected, lines[^1]);
    }

    // Salek misses 14:00 (Moscow); level 2 (Boris) at 14:45; Salek checks in at 14:49:30, told to all at 14:50; Olga resolves
    // "safe" with a note at 15:00 without anyone acknowledging. Returns Boris's alert's and Nina's check-in notice's message ids.
    private static (DomainWorld World, int BorisAlert, int NinaNotice) MissedEscalatedCheckedInResolved()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 15 * Minute, w.Rules);
        var borisAlert = w.Deliver(CaseChain.Opening + 15 * Minute).Single(s => s.Row.PersonId == w.Chain.Boris.Id);
        CheckIn.Run(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening + 19.5 * Minute, CaseChain.Opening + 20 * Minute, w.Rules);
        var ninaNotice = w.Deliver(CaseChain.Opening + 20 * Minute).Single(s => s.Row.PersonId == w.Chain.Nina.Id);
        CloseCase.Run(w.Db, w.Chain.Olga, "C-0001", CaseOutcome.Safe, Note, CaseChain.Opening + 30 * Minute, OwedDeadlines.ResumeAfterResolution);
        return (w, borisAlert.MessageId, ninaNotice.MessageId);
    }

    // No ISO instant, no enum name, no "telegram message"; for a Russian reader no Latin word but names, the note and shared words.
    private static void AssertNothingRaw(string text, Language language)
    {
        Assert.DoesNotMatch(@"\d{4}-\d\d-\d\dT\d\d:", text);
        foreach (var raw in new[] { "MissedCheckin", "Sos:", "MissingReport", "Alarm", ": Escalated", "Safe", "telegram message", "(0 s)" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }

        if (language == Language.Ru)
        {
            Assert.DoesNotMatch("[A-Za-z]", AllowedLatin.Replace(text, ""));
        }
    }
}
