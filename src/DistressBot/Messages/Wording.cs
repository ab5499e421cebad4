using System.Globalization;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Messages;

/// <summary>Who reads a message, as far as its words depend on it: their language, their time zone (an IANA id) and their wording.</summary>
/// <param name="Language">The language to word it in.</param>
/// <param name="TimeZone">The zone instants are shown in (UTC if unknown to this machine).</param>
/// <param name="Voice">Plain words, or cover wording (only ever for a subject).</param>
public sealed record Reader(Language Language, string TimeZone, TextVoice Voice = TextVoice.Plain)
{
    /// <summary>The person as stored now; a subject reads cover wording when <paramref name="coverAll"/> (the whole deployment) or their own switch says so.</summary>
    public static Reader Of(Person person, bool coverAll = false)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new Reader(person.Language, person.TimeZone, VoiceOf(person, coverAll));
    }

    /// <summary>Cover wording for a subject when <paramref name="coverAll"/> or their own switch is on; plain for everyone else.</summary>
    public static TextVoice VoiceOf(Person person, bool coverAll)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Role == Role.Subject && (coverAll || person.CoverWording) ? TextVoice.Cover : TextVoice.Plain;
    }
}

/// <summary>Stored message content that this version cannot word: an unknown text id, a wrong number of arguments, an argument without its value.</summary>
public sealed class UnrenderableMessageException : Exception
{
    /// <summary>With what is wrong (names a text id or an argument kind, never a value).</summary>
    public UnrenderableMessageException(string message) : base(message)
    {
    }

    /// <summary>Without detail.</summary>
    public UnrenderableMessageException()
    {
    }

    /// <summary>With what is wrong and its cause.</summary>
    public UnrenderableMessageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>The one place texts queued as data (<see cref="MessageText"/>) become words: in the reader's language, zone and wording (plain or cover), when sent.</summary>
public static class Wording
{
    /// <summary>The words of <paramref name="content"/> (<see cref="MessageKind.Texts"/>) for <paramref name="reader"/>, not yet fitted to Telegram's limit.</summary>
    /// <exception cref="UnrenderableMessageException">The content names an unknown text id, has the wrong number of arguments, or an argument lacks its value.</exception>
    public static string Render(MessageContent content, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Kind != MessageKind.Texts || content.Parts is not { Count: > 0 } parts)
        {
            throw new UnrenderableMessageException("Content of kind " + content.Kind + " has no texts to word.");
        }

        return string.Join(content.Separator ?? MessageContent.LineBreak, parts.Select(p => Render(p, reader)));
    }

    /// <summary>The words of <paramref name="text"/> for <paramref name="reader"/>.</summary>
    /// <exception cref="UnrenderableMessageException">An unknown text id, the wrong number of arguments, or an argument without its value.</exception>
    public static string Render(MessageText text, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reader);
        if (!Enum.IsDefined(typeof(TextId), text.Id) || !Enum.TryParse<TextId>(text.Id, out var id))
        {
            throw new UnrenderableMessageException("Unknown text id '" + TextCut.End(text.Id, 64) + "'.");
        }

        var expected = MessageText.ArgumentsOf(id);
        if (text.Args.Count != expected)
        {
            throw new UnrenderableMessageException(string.Create(CultureInfo.InvariantCulture, $"Text {id} takes {expected} arguments; the message has {text.Args.Count}."));
        }

        return TextCatalogue.Format(reader.Voice, reader.Language, id, [.. text.Args.Select(a => Render(a, reader, id))]);
    }

    private static string Render(MessageArg arg, Reader reader, TextId of)
    {
        var precision = arg.Precision ?? ClockPrecision.Minutes;
        return arg switch
        {
            { Kind: MessageArgKind.Verbatim, Verbatim: { } words } => words,
            { Kind: MessageArgKind.Instant, At: { } at } => LocalTime.Format(at, reader.TimeZone, precision),
            { Kind: MessageArgKind.Clock, At: { } at } => LocalTime.FormatClock(at, reader.TimeZone, precision),
            { Kind: MessageArgKind.Duration, Duration: { } span } => HumanDuration.Format(span, reader.Language),
            { Kind: MessageArgKind.Schedule, Schedule: { } schedule } => ScheduleText.Describe(schedule, reader.Language),
            { Kind: MessageArgKind.Text, Text: { } nested } => Render(nested, reader),
            { Kind: MessageArgKind.Number, Number: { } number } => number.ToString(CultureInfo.InvariantCulture),
            _ => throw new UnrenderableMessageException("An argument of text " + of + " of kind " + arg.Kind + " has no value."),
        };
    }
}
