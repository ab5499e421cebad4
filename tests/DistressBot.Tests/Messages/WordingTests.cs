using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Messages;

namespace DistressBot.Tests.Messages;

/// <summary>Arguments are values; the renderer words each kind for the reader (language, zone) when the message is sent.</summary>
public sealed class WordingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 5, 7, TimeSpan.Zero);

    /// <summary>An argument, the reader's language and zone, and how it must read inside SubjectJoined's "{0}".</summary>
    public static TheoryData<MessageArg, Language, string, string> Kinds => new()
    {
        { MessageArg.Words("Salek"), Language.En, "UTC", "Salek" },
        { MessageArg.Words("Salek"), Language.Ru, "Europe/Moscow", "Salek" },
        { MessageArg.Words("Missed"), Language.Ru, "UTC", "Missed" }, // verbatim words are never translated
        { MessageArg.Instant(At), Language.En, "UTC", "02.11 09:05 UTC" },
        { MessageArg.Instant(At), Language.Ru, "Europe/Moscow", "02.11 12:05 UTC+3" },
        { MessageArg.Instant(At, ClockPrecision.Seconds), Language.En, "Asia/Kolkata", "02.11 14:35:07 UTC+5:30" },
        { MessageArg.Clock(At), Language.En, "Europe/Moscow", "12:05 UTC+3" },
        { MessageArg.Clock(At, ClockPrecision.Seconds), Language.Ru, "UTC", "09:05:07 UTC" },
        { MessageArg.Span(TimeSpan.FromMinutes(90)), Language.En, "UTC", "1 h 30 min" },
        { MessageArg.Span(TimeSpan.FromMinutes(90)), Language.Ru, "UTC", "1 ч 30 мин" },
        { MessageArg.Of(Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30))), Language.En, "UTC", "every 12 h, grace 30 min" },
        { MessageArg.Of(Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30))), Language.Ru, "UTC", "раз в 12 ч, запас 30 мин" },
        { MessageArg.Of(new MessageText(TextId.Never)), Language.En, "UTC", "never" },
        { MessageArg.Of(new MessageText(TextId.Never)), Language.Ru, "UTC", "ещё не было" },
        { MessageArg.Of(new MessageText(TextId.CaseNotFound, "C-7")), Language.En, "UTC", "There is no case C-7 among yours." },
        { MessageArg.Count(42), Language.En, "UTC", "42" },
        { MessageArg.Count(-3), Language.Ru, "UTC", "-3" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EachArgumentKind_ReadsInTheReadersLanguageAndZone(MessageArg arg, Language language, string zone, string expected)
    {
        var text = Wording.Render(new MessageText(TextId.SubjectJoined, arg), new Reader(language, zone));

        Assert.Equal(TextCatalogue.Format(language, TextId.SubjectJoined, expected), text);
    }

    [Fact]
    public void Render_SameTextForTwoReaders_EachReadsTheirOwnLanguageAndZone()
    {
        var queued = new MessageText(TextId.CheckinRecorded, At, TimeSpan.FromHours(2));

        Assert.Equal("Checked in. Next check-in due by 02.11 09:05 UTC (in 2 h).", Wording.Render(queued, new Reader(Language.En, "UTC")));
        Assert.Equal("Отметка принята. Следующая — до 02.11 12:05 UTC+3 (через 2 ч).", Wording.Render(queued, new Reader(Language.Ru, "Europe/Moscow")));
    }

    [Fact]
    public void Render_PartsWithASeparator_JoinsThemInOrder()
    {
        var content = MessageContent.Of([new MessageText(TextId.Never), new MessageText(TextId.SubjectJoined, "Dana")], "\n\n");

        Assert.Equal("never\n\nDana has joined. Once they set a schedule you will see it in /subjects.", Wording.Render(content, new Reader(Language.En, "UTC")));
    }

    [Fact]
    public void Render_UnknownTextId_FailsClearlyNamingIt()
    {
        var stored = new MessageText { Id = "TextRemovedLongAgo", Args = [] };

        var error = Assert.Throws<UnrenderableMessageException>(() => Wording.Render(stored, new Reader(Language.En, "UTC")));

        Assert.Contains("TextRemovedLongAgo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NumericTextId_IsRefusedLikeAnUnknownOne()
    {
        var stored = new MessageText { Id = "0", Args = [] };

        Assert.Throws<UnrenderableMessageException>(() => Wording.Render(stored, new Reader(Language.En, "UTC")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Render_WrongNumberOfArguments_FailsClearlyWithBothCounts(int count)
    {
        var stored = new MessageText { Id = nameof(TextId.SubjectJoined), Args = [.. Enumerable.Repeat(MessageArg.Words("x"), count)] };

        var error = Assert.Throws<UnrenderableMessageException>(() => Wording.Render(stored, new Reader(Language.En, "UTC")));

        Assert.Contains("takes 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("has " + count, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TextId.SubjectJoined, 0)]
    [InlineData(TextId.SubjectJoined, 2)]
    [InlineData(TextId.ScheduleUsage, 1)]
    public void MessageText_WrongNumberOfArgumentsWhenQueued_ThrowsArgumentExceptionThere(TextId id, int count)
    {
        var error = Assert.Throws<ArgumentException>(() => new MessageText(id, [.. Enumerable.Repeat<object?>("x", count)]));

        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentsOf_EveryText_IsTheSameInBothLanguages()
    {
        foreach (var id in Enum.GetValues<TextId>())
        {
            var args = Enumerable.Range(0, MessageText.ArgumentsOf(id)).Select(i => (object?)("«" + i + "»")).ToArray();
            foreach (var language in new[] { Language.Ru, Language.En })
            {
                var text = TextCatalogue.Format(language, id, args);
                Assert.DoesNotContain("{", text.Replace("{{", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Render_ArgumentWithoutItsValue_FailsClearly()
    {
        var stored = new MessageText { Id = nameof(TextId.SubjectJoined), Args = [new MessageArg { Kind = MessageArgKind.Instant }] };

        Assert.Throws<UnrenderableMessageException>(() => Wording.Render(stored, new Reader(Language.En, "UTC")));
    }

    /// <summary>A CLR value and the kind it is stored as.</summary>
    public static TheoryData<object?, MessageArgKind> ClrValues => new()
    {
        { "Salek", MessageArgKind.Verbatim },
        { null, MessageArgKind.Verbatim },
        { At, MessageArgKind.Instant },
        { TimeSpan.FromMinutes(5), MessageArgKind.Duration },
        { Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), MessageArgKind.Schedule },
        { TextId.Never, MessageArgKind.Text },
        { new MessageText(TextId.Never), MessageArgKind.Text },
        { 7, MessageArgKind.Number },
        { 7L, MessageArgKind.Number },
        { MessageArg.Clock(At), MessageArgKind.Clock },
    };

    [Theory]
    [MemberData(nameof(ClrValues))]
    public void From_SupportedClrValue_IsStoredAsItsKind(object? value, MessageArgKind kind)
    {
        Assert.Equal(kind, MessageArg.From(value).Kind);
    }

    /// <summary>Values whose words could not be chosen at send time (or would be chosen in the wrong culture).</summary>
    public static TheoryData<object> Unsupported => new()
    {
        1.5,
        1.5m,
        new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
        Guid.Empty,
        Language.En,
        new object(),
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void From_OtherClrType_ThrowsArgumentException(object value)
    {
        var error = Assert.Throws<ArgumentException>(() => MessageArg.From(value));

        Assert.Contains(value.GetType().Name, error.Message, StringComparison.Ordinal);
    }
}
