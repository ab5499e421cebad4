using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Tests.Escalation;

/// <summary>/case on a long case: the header always, repeated deliveries summarised, the middle cut on whole lines.</summary>
public sealed class CaseViewsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Timeline_ManyRepeats_EachPersonsDeliveriesAreOneLineWithACount()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening);
        for (var minutes = 10; minutes <= 110; minutes += 10)
        {
            EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + minutes * Minute, CaseWorld.Rules);
            w.Deliver(CaseWorld.Opening + minutes * Minute);
        }

        var lines = CaseViews.Timeline(w.Db, w.Case(), w.Salek, w.Nina, CaseWorld.Opening + 111 * Minute).Split('\n');

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
        var w = new CaseWorld();
        w.Miss();
        var nina = w.Deliver(CaseWorld.Opening).First(s => s.Row.PersonId == w.Nina.Id);

        var lines = CaseViews.Timeline(w.Db, w.Case(), w.Salek, w.Nina, CaseWorld.Opening).Split('\n');

        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Nina: telegram message " + nina.MessageId, lines);
        Assert.DoesNotContain(lines, l => l.Contains('×', StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_TooLongForOneMessage_KeepsHeaderOpeningAndNewest_CutsWholeLinesFromTheMiddle()
    {
        var w = new CaseWorld();
        w.Miss();
        w.Deliver(CaseWorld.Opening);
        CaseActions.Acknowledge(w.Db, w.Olga, w.Case(), CaseWorld.Opening + Minute);
        for (var n = 1; n <= 60; n++)
        {
            CaseActions.Note(w.Db, w.Olga, w.Case(), $"note {n:D2}: " + string.Concat(Enumerable.Repeat("👩🏽‍⚖️ word ", 12)), CaseWorld.Opening + (1 + n) * Minute);
        }

        var text = CaseViews.Timeline(w.Db, w.Case(), w.Salek, w.Nina, CaseWorld.Opening + 62 * Minute);
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
        var w = new CaseWorld();
        w.Miss();
        CaseActions.Note(w.Db, w.Nina, w.Case(), "x" + string.Concat(Enumerable.Repeat("😀", 1500)), CaseWorld.Opening + Minute);

        var text = CaseViews.Timeline(w.Db, w.Case(), w.Salek, w.Nina, CaseWorld.Opening + Minute);
        var note = Assert.Single(text.Split('\n'), l => l.Contains("Note", StringComparison.Ordinal));

        Assert.True(note.Length <= CaseViews.MaxLineLength);
        Assert.EndsWith("😀" + TextCut.Ellipsis, note, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(note[^2]));
    }
}
