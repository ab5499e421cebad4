using DistressBot.Evidence;
using DistressBot.Evidence.Report;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence;

public sealed class CaseReportTests
{
    [Fact]
    public void Render_RussianCase_HasTheCaseTheSubjectEveryEntryTheCheckpointAndTheKey()
    {
        var entries = ReportCase.Entries();
        var input = ReportCase.Input(entries, Language.Ru, "Europe/Moscow");

        var pages = ReportCase.Pages(CaseReport.Render(input));
        var text = ReportCase.Squeeze(string.Concat(pages));

        Assert.Contains(ReportCase.Squeeze("Отчёт по делу C-0042"), text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Subject, text, StringComparison.Ordinal);
        foreach (var entry in entries)
        {
            Assert.Contains(ReportCase.Squeeze(entry.Content ?? ""), text, StringComparison.Ordinal);
            Assert.Contains(ReportCase.Squeeze(ReportCase.Shown(entry.Text)), text, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(MerkleTree.HashLeaf(entry.ToBytes())), text, StringComparison.Ordinal);
        }

        var rootLine = input.CheckpointNote.Split('\n')[2];
        Assert.Contains(rootLine, text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Squeeze(input.CheckpointNote), text, StringComparison.Ordinal);
        Assert.Contains(input.VerifierKey, text, StringComparison.Ordinal);
        Assert.Contains("distressbotverify", text, StringComparison.Ordinal);
        Assert.Contains("README.txt", text, StringComparison.Ordinal);
        Assert.Contains("[U+1F6A8]C-0042", text, StringComparison.Ordinal); // the alarm's emoji is named, not a blank box
    }

    [Fact]
    public void Render_RussianCase_WordsKindsAndTimesForAMoscowReader()
    {
        var input = ReportCase.Input(ReportCase.Entries(), Language.Ru, "Europe/Moscow");

        var text = ReportCase.Squeeze(string.Concat(ReportCase.Pages(CaseReport.Render(input))));

        Assert.Contains(ReportCase.Squeeze("30.11.2026 21:30:01 UTC+3"), text, StringComparison.Ordinal); // opened, 18:30:01 UTC
        Assert.Contains(ReportCase.Squeeze("Telegram: 30.11.2026 21:30:03 UTC+3"), text, StringComparison.Ordinal); // the alert's Telegram date
        Assert.Contains(ReportCase.Squeeze("30.11.2026 09:02:10 UTC+3"), text, StringComparison.Ordinal); // last check-in, from the opening's content
        Assert.DoesNotContain("18:30:01", text, StringComparison.Ordinal); // no time is shown in UTC
        Assert.Contains(ReportCase.Squeeze("пропущена отметка"), text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Squeeze("дело взято"), text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.UnknownKind, text, StringComparison.Ordinal); // an unknown kind is shown as its word
        Assert.DoesNotContain("alert_delivered", text, StringComparison.Ordinal); // a known kind is worded
    }

    [Fact]
    public void Render_EnglishCase_IsInEnglishInTheReadersZone()
    {
        var entries = ReportCase.Entries();
        var input = ReportCase.Input(entries, Language.En, "America/New_York");

        var pages = ReportCase.Pages(CaseReport.Render(input));
        var text = ReportCase.Squeeze(string.Concat(pages));

        Assert.Contains(ReportCase.Squeeze("Case report C-0042"), text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Squeeze("2026-11-30 13:30:01 UTC-5"), text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Squeeze("missed check-in"), text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Subject, text, StringComparison.Ordinal);
        Assert.Contains(ReportCase.UnknownKind, text, StringComparison.Ordinal);
        Assert.Contains(input.VerifierKey, text, StringComparison.Ordinal);
        foreach (var entry in entries)
        {
            Assert.Contains(ReportCase.Squeeze(entry.Content ?? ""), text, StringComparison.Ordinal);
            Assert.Contains(ReportCase.Squeeze(ReportCase.Shown(entry.Text)), text, StringComparison.Ordinal);
        }

        Assert.Contains(input.CheckpointNote.Split('\n')[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain("Отчёт", text, StringComparison.Ordinal);
        Assert.DoesNotContain("21:30:01", text, StringComparison.Ordinal); // not Moscow time
    }

    [Fact]
    public void Render_LongNote_WrapsOverSeveralLinesAndKeepsEveryWord()
    {
        var input = ReportCase.Input(ReportCase.Entries(), Language.Ru, "Europe/Moscow");

        var pages = ReportCase.Pages(CaseReport.Render(input));

        var page = Assert.Single(pages, p => p.Contains("наблюдение1 ", StringComparison.Ordinal));
        Assert.Contains(ReportCase.Squeeze(ReportCase.LongNote), ReportCase.Squeeze(page), StringComparison.Ordinal);
        Assert.DoesNotContain(ReportCase.LongNote, page, StringComparison.Ordinal); // wrapped: the line ends took some of its spaces
    }

    [Fact]
    public void Render_TwoHundredEntries_SpanPagesAndLoseNone()
    {
        var opened = ReportCase.Entries()[0];
        var entries = ReportCase.Numbered(new[] { opened }.Concat(Enumerable.Range(1, 199).Select(i => opened with
        {
            Kind = CaseLogKinds.Note,
            At = opened.At + TimeSpan.FromMinutes(i),
            Actor = new LogParty("coordinator", "Анна"),
            Person = null,
            Content = $"Заметка {i}: проверили адрес №{i}, никого.",
        })));
        var input = ReportCase.Input(entries, Language.Ru, "Europe/Moscow");

        var pages = ReportCase.Pages(CaseReport.Render(input));
        var text = ReportCase.Squeeze(string.Concat(pages));

        Assert.True(pages.Count > 5, $"200 entries on {pages.Count} pages");
        foreach (var entry in entries)
        {
            Assert.Contains(ReportCase.Squeeze(entry.Content!), text, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(MerkleTree.HashLeaf(entry.ToBytes())), text, StringComparison.Ordinal);
        }

        Assert.Contains(ReportCase.Squeeze($"Дело C-0042 · страница {pages.Count} из {pages.Count}"), ReportCase.Squeeze(pages[^1]), StringComparison.Ordinal);
        Assert.All(pages.Skip(1).Where(p => p.Contains("Заметка", StringComparison.Ordinal)), p => Assert.Contains("Хеш листа", p, StringComparison.Ordinal)); // the header repeats
    }

    [Fact]
    public void Render_NoteLongerThanAPage_GoesOnOverTheNextPageInOrder()
    {
        var words = Enumerable.Range(1, 1400).Select(i => $"w{i}").ToList();
        var entries = ReportCase.Entries();
        entries[6] = entries[6] with { Content = string.Join(' ', words) + " " + new string('x', 400) };
        var input = ReportCase.Input(entries, Language.En, "Europe/Moscow");

        var pages = ReportCase.Pages(CaseReport.Render(input));
        var text = string.Concat(pages);

        var from = 0;
        foreach (var word in words)
        {
            var at = text.IndexOf(word + " ", from, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.IndexOf(word, from, StringComparison.Ordinal); // the last word of a line has no space after it
            }

            Assert.True(at >= 0, $"{word} is missing or out of order");
            from = at + word.Length;
        }

        Assert.Contains(new string('x', 400), ReportCase.Squeeze(text), StringComparison.Ordinal); // a word wider than the column is broken, not cut
        Assert.Contains(pages, p => p.Contains("6 (continued)", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NoEntries_IsRefusedWithAClearMessage()
    {
        var input = ReportCase.Input([], Language.En, "UTC");

        var error = Assert.Throws<ArgumentException>(() => CaseReport.Render(input));

        Assert.Contains("none were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EntriesOfTwoCases_AreRefused()
    {
        var entries = ReportCase.Entries();
        entries[3] = entries[3] with { CaseId = "C-0043" };

        var error = Assert.Throws<ArgumentException>(() => CaseReport.Render(ReportCase.Input(entries, Language.En, "UTC")));

        Assert.Contains("seq 3 is of C-0043", error.Message, StringComparison.Ordinal);
    }
}
