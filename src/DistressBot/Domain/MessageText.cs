using System.Globalization;
using System.Text.RegularExpressions;
using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>What an argument of a queued text is, and so how it is worded when the message is sent.</summary>
public enum MessageArgKind
{
    /// <summary>Words used as they are, in every language (a name, a code, a case number).</summary>
    Verbatim,

    /// <summary>A date and time, shown in the reader's zone: "28.11 14:02 UTC+3".</summary>
    Instant,

    /// <summary>A time of day, shown in the reader's zone: "14:02 UTC+3".</summary>
    Clock,

    /// <summary>A span of time in the reader's words: "2 h 5 min".</summary>
    Duration,

    /// <summary>A check-in schedule in the reader's words.</summary>
    Schedule,

    /// <summary>Another text of the catalogue, with its own arguments.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Number,
}

/// <summary>One argument of a <see cref="MessageText"/>: a value, not words; the words are chosen for the reader at send time.</summary>
public sealed class MessageArg
{
    /// <summary>What the value is.</summary>
    public required MessageArgKind Kind { get; init; }

    /// <summary>For <see cref="MessageArgKind.Verbatim"/>: the words.</summary>
    public string? Verbatim { get; init; }

    /// <summary>For <see cref="MessageArgKind.Instant"/> and <see cref="MessageArgKind.Clock"/>: the instant.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>For an instant or a clock: to the minute or to the second.</summary>
    public ClockPrecision? Precision { get; init; }

    /// <summary>For <see cref="MessageArgKind.Duration"/>: the span.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>For <see cref="MessageArgKind.Schedule"/>: the schedule.</summary>
    public Schedule? Schedule { get; init; }

    /// <summary>For <see cref="MessageArgKind.Text"/>: the nested text.</summary>
    public MessageText? Text { get; init; }

    /// <summary>For <see cref="MessageArgKind.Number"/>: the number.</summary>
    public long? Number { get; init; }

    /// <summary>Words shown as they are (a null reads as nothing, as in <see cref="string.Format(string, object?[])"/>).</summary>
    public static MessageArg Words(string? text) => new() { Kind = MessageArgKind.Verbatim, Verbatim = text ?? "" };

    /// <summary>A date and time in the reader's zone.</summary>
    public static MessageArg Instant(DateTimeOffset at, ClockPrecision precision = ClockPrecision.Minutes) =>
        new() { Kind = MessageArgKind.Instant, At = at, Precision = precision == ClockPrecision.Minutes ? null : precision };

    /// <summary>A time of day in the reader's zone.</summary>
    public static MessageArg Clock(DateTimeOffset at, ClockPrecision precision = ClockPrecision.Minutes) =>
        new() { Kind = MessageArgKind.Clock, At = at, Precision = precision == ClockPrecision.Minutes ? null : precision };

    /// <summary>A span of time in the reader's words.</summary>
    public static MessageArg Span(TimeSpan duration) => new() { Kind = MessageArgKind.Duration, Duration = duration };

    /// <summary>A schedule in the reader's words.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static MessageArg Of(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new() { Kind = MessageArgKind.Schedule, Schedule = schedule };
    }

    /// <summary>A nested text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static MessageArg Of(MessageText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new() { Kind = MessageArgKind.Text, Text = text };
    }

    /// <summary>A whole number.</summary>
    public static MessageArg Count(long number) => new() { Kind = MessageArgKind.Number, Number = number };

    /// <summary>
    /// The argument for a CLR value: string → verbatim, <see cref="DateTimeOffset"/> → instant, <see cref="TimeSpan"/> →
    /// duration, <see cref="Schedule"/> → schedule, <see cref="TextId"/> or <see cref="MessageText"/> → nested
    /// text, int or long → number, a <see cref="MessageArg"/> as it is; null → verbatim nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is of any other type (its words could not be chosen at send time).</exception>
    public static MessageArg From(object? value) => value switch
    {
        null => Words(""),
        MessageArg arg => arg,
        string text => Words(text),
        DateTimeOffset at => Instant(at),
        TimeSpan span => Span(span),
        Schedule schedule => Of(schedule),
        TextId id => Of(new MessageText(id)),
        MessageText text => Of(text),
        int number => Count(number),
        long number => Count(number),
        _ => throw new ArgumentException("A message argument of type " + value.GetType().Name + " cannot be worded at send time: pass a string, DateTimeOffset, TimeSpan, Schedule, TextId, MessageText, int or long.", nameof(value)),
    };
}

/// <summary>A text of the catalogue and its arguments, as data: worded in the reader's language and zone when it is sent.</summary>
public sealed partial class MessageText
{
    /// <summary>For the store.</summary>
    public MessageText()
    {
    }

    /// <summary>Text <paramref name="id"/> with <paramref name="args"/> (see <see cref="MessageArg.From"/>), one for each of its placeholders.</summary>
    /// <exception cref="ArgumentException">An argument's type cannot be worded at send time, or the number of arguments is not the text's.</exception>
    public MessageText(TextId id, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != ArgumentsOf(id))
        {
            // Caught where it is queued, not when it is sent (then the message could only be dropped).
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Text {id} takes {ArgumentsOf(id)} arguments, not {args.Length}."), nameof(args));
        }

        Id = id.ToString();
        Args = [.. args.Select(MessageArg.From)];
    }

    /// <summary>The <see cref="TextId"/> by name, so a row naming an id this version lacks still opens (and is refused when worded).</summary>
    public string Id { get; init; } = "";

    /// <summary>The arguments, in placeholder order.</summary>
    public List<MessageArg> Args { get; init; } = [];

    /// <summary>Text <paramref name="id"/> with <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An argument's type cannot be worded at send time.</exception>
    public static MessageText Of(TextId id, params object?[] args) => new(id, args);

    /// <summary>How many arguments text <paramref name="id"/> takes: its highest placeholder index + 1 (the same in every language, a test holds it).</summary>
    public static int ArgumentsOf(TextId id)
    {
        var count = 0;
        foreach (Match match in Placeholder().Matches(TextCatalogue.Template(id, Language.En)))
        {
            count = Math.Max(count, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1);
        }

        return count;
    }

    // "{0}", "{1:D2}"; "{{" is a literal brace.
    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
