using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/case on a long case: the header always, repeated deliveries summarised, the middle cut on whole lines.</summary>
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

        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Nina: telegram message " + nina.MessageId, lines);
        Assert.DoesNotContain(lines, l => l.Contains('×', StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_TooLongForOneMessage_KeepsHeaderOpeningAndNewest_CutsWholeLinesFromTheMiddle()
    {
        var w = DomainWorld.WithCaseChain();
        w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseActions.Acknowledge(w.Db, w.Chain.Olga, w.Case("C-0001"), CaseChain.Opening + Minute);
        for (var n = 1; n <= 60; n++)
        {
            CaseActions.Note(w.Db, w.Chain.Olga, w.Case("C-0001"), $"note {n:D2}: " + string.Concat(Enumerable.Repeat("👩🏽‍⚖️ word ", 12)), CaseChain.Opening + (1 + n) * Minute);
        }

        var text = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening + 62 * Minute);
        var lines = text.Split('\n');

        Assert.True(text.Length <= OutgoingMessage.MaxTextLength, $"{text.Length} characters");
        Assert.StartsWith("C-0001 · Salek · missed check-in · acknowledged by Olga · opened 02.11 14:30 UTC+3", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("02.11 14:30 UTC+3 Opened: MissedCheckin", lines[1], StringComparison.Ordinal);
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
        CaseActions.Note(w.Db, w.Chain.Nina, w.Case("C-0001"), "x" + string.Concat(Enumerable.Repeat("😀", 1500)), CaseChain.Opening + Minute);

        var text = CaseViews.Timeline(w.Db, w.Case("C-0001"), w.Chain.Salek, w.Chain.Nina, CaseChain.Opening + Minute);
        var note = Assert.Single(text.Split('\n'), l => l.Contains("Note", StringComparison.Ordinal));

        Assert.True(note.Length <= CaseViews.MaxLineLength);
        Assert.EndsWith("😀" + TextCut.Ellipsis, note, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(note[^2]));
    }
}
