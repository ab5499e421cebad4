using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DistressBot.Evidence;

/// <summary>Who did or received what an entry records: a role ("subject", "coordinator", "lawyer", "admin", "bot", or "unknown" for a person no longer enrolled) and the alias the bot knew them by then (null for the bot, the admin and an unknown person).</summary>
/// <param name="Role">One of <see cref="CaseLogEntry.Roles"/>.</param>
/// <param name="Alias">The person's alias when the entry was written; null for the bot and the admin.</param>
public sealed record LogParty(string Role, string? Alias);

/// <summary>
/// One entry of a case's log and its canonical bytes, which are the RFC 6962 leaf input (docs/evidence.md, "The entry").
/// </summary>
/// <remarks>
/// Canonical form: one JSON object, UTF-8, no insignificant whitespace, every key present (null where there is no
/// value), keys in this order: <c>v</c>, <c>case</c>, <c>seq</c>, <c>kind</c>, <c>at</c>, <c>telegram_date</c>,
/// <c>actor</c> {<c>role</c>, <c>alias</c>}, <c>person</c> ({<c>role</c>, <c>alias</c>} or null), <c>content</c>,
/// <c>message_id</c>, <c>text</c>. Strings escape only what JSON requires (<c>"</c>, <c>\</c> and control characters,
/// as <c>\n</c>, <c>\"</c>, <c>\u001b</c> …), so Cyrillic stays readable and no entry holds a raw newline: a bundle's
/// <c>log.jsonl</c> line is exactly these bytes. Times are RFC 3339 in UTC: <c>at</c> to the millisecond
/// ("2026-11-30T21:15:00.000Z"), <c>telegram_date</c> to the second (Telegram's dates are whole seconds).
/// </remarks>
public sealed record CaseLogEntry
{
    /// <summary>The entry format version written by this build.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The roles an actor or person may have.</summary>
    public static readonly IReadOnlyList<string> Roles = ["subject", "coordinator", "lawyer", "admin", "bot", "unknown"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>The entry format version (<see cref="CurrentVersion"/>).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The case number, "C-0042".</summary>
    public required string CaseId { get; init; }

    /// <summary>The entry's position in the log from 0: its RFC 6962 leaf index.</summary>
    public required long Sequence { get; init; }

    /// <summary>What happened, a snake_case word ("opened", "alert_delivered", "note", "read", …; docs/evidence.md lists them).</summary>
    public required string Kind { get; init; }

    /// <summary>The server's UTC time when it was written, to the millisecond.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Telegram's own date for the message behind the entry (a check-in, a note, a delivered alert), to the second; null when there is none.</summary>
    public DateTimeOffset? TelegramDate { get; init; }

    /// <summary>Who did it (the bot for what the bot did on its own).</summary>
    public required LogParty Actor { get; init; }

    /// <summary>Who it was about or for (the recipient of an alert, the subject of an alarm); null when nobody.</summary>
    public LogParty? Person { get; init; }

    /// <summary>What the entry says in words: a note's text, an outcome, a location, Telegram's error; null when nothing.</summary>
    public string? Content { get; init; }

    /// <summary>Telegram's message id for a message sent or received; null when none.</summary>
    public long? MessageId { get; init; }

    /// <summary>The text of a message as sent; null when none.</summary>
    public string? Text { get; init; }

    /// <summary>The canonical UTF-8 bytes (the leaf input), without a newline.</summary>
    /// <exception cref="ArgumentException">A role is not one of <see cref="Roles"/>, or the sequence is negative.</exception>
    public byte[] ToBytes()
    {
        if (Sequence < 0)
        {
            throw new ArgumentException("A log entry's sequence number starts at 0.");
        }

        RequireRole(Actor);
        if (Person is not null)
        {
            RequireRole(Person);
        }

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("case", CaseId);
            json.WriteNumber("seq", Sequence);
            json.WriteString("kind", Kind);
            json.WriteString("at", FormatAt(At));
            WriteNullable(json, "telegram_date", TelegramDate is { } date ? FormatTelegramDate(date) : null);
            json.WritePropertyName("actor");
            WriteParty(json, Actor);
            json.WritePropertyName("person");
            if (Person is null)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteParty(json, Person);
            }

            WriteNullable(json, "content", Content);
            if (MessageId is { } id)
            {
                json.WriteNumber("message_id", id);
            }
            else
            {
                json.WriteNull("message_id");
            }

            WriteNullable(json, "text", Text);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The canonical bytes as a string (one log.jsonl line without its newline).</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    /// <summary>
    /// Reads one entry from its bytes and requires them to be canonical: <see cref="FormatException"/> saying what is
    /// wrong (not UTF-8 JSON, a key missing, out of order or unknown, a value of the wrong type, a time not in the form
    /// above, or bytes that differ from the entry's canonical form).
    /// </summary>
    public static CaseLogEntry Parse(ReadOnlySpan<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray());
        }
        catch (JsonException ex)
        {
            // The parser's own words ("LineNumber: 0 | BytePositionInLine: 30") count within the entry, not the file: left out.
            throw new FormatException("The entry is not valid JSON (a character was changed, added or removed).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The entry is not a JSON object.");
            }

            string[] expected = ["v", "case", "seq", "kind", "at", "telegram_date", "actor", "person", "content", "message_id", "text"];
            var names = root.EnumerateObject().Select(p => p.Name).ToArray();
            if (!names.SequenceEqual(expected, StringComparer.Ordinal))
            {
                throw new FormatException("The entry's keys must be exactly, in this order: " + string.Join(", ", expected) + ".");
            }

            var entry = new CaseLogEntry
            {
                Version = Integer(root, "v") is var v and >= 1 and <= int.MaxValue ? (int)v : throw new FormatException("\"v\" must be a positive integer."),
                CaseId = RequiredString(root, "case"),
                Sequence = Integer(root, "seq") is var seq and >= 0 ? seq : throw new FormatException("\"seq\" must not be negative."),
                Kind = RequiredString(root, "kind"),
                At = ParseTime(RequiredString(root, "at"), "at", AtFormat),
                TelegramDate = OptionalString(root, "telegram_date") is { } date ? ParseTime(date, "telegram_date", TelegramDateFormat) : null,
                Actor = Party(root.GetProperty("actor"), "actor") ?? throw new FormatException("\"actor\" must be an object."),
                Person = Party(root.GetProperty("person"), "person"),
                Content = OptionalString(root, "content"),
                MessageId = root.GetProperty("message_id").ValueKind == JsonValueKind.Null ? null : Integer(root, "message_id"),
                Text = OptionalString(root, "text"),
            };
            if (entry.Version != CurrentVersion)
            {
                throw new FormatException($"Entry format version {entry.Version} is unknown; this build reads version {CurrentVersion}.");
            }

            if (!entry.ToBytes().AsSpan().SequenceEqual(bytes))
            {
                throw new FormatException("The entry is not in canonical form (whitespace, escaping or number format differ).");
            }

            return entry;
        }
    }

    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string TelegramDateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>An instant as <c>at</c> writes it: UTC, to the millisecond (finer ticks are dropped).</summary>
    public static string FormatAt(DateTimeOffset at) => at.UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture);

    private static string FormatTelegramDate(DateTimeOffset date) => date.UtcDateTime.ToString(TelegramDateFormat, CultureInfo.InvariantCulture);

    private static void RequireRole(LogParty party)
    {
        if (!Roles.Contains(party.Role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown role \"{party.Role}\"; one of {string.Join(", ", Roles)}.");
        }
    }

    private static void WriteParty(Utf8JsonWriter json, LogParty party)
    {
        json.WriteStartObject();
        json.WriteString("role", party.Role);
        WriteNullable(json, "alias", party.Alias);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static long Integer(JsonElement root, string name)
    {
        var value = root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new FormatException($"\"{name}\" must be an integer.");
    }

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) ?? throw new FormatException($"\"{name}\" must be a string.");

    private static string? OptionalString(JsonElement root, string name)
    {
        var value = root.GetProperty(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"\"{name}\" must be a string or null."),
        };
    }

    private static DateTimeOffset ParseTime(string text, string name, string format) =>
        DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : throw new FormatException($"\"{name}\" must be a UTC time written {format.Replace("'", "", StringComparison.Ordinal)}.");

    private static LogParty? Party(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object
            || !value.EnumerateObject().Select(p => p.Name).SequenceEqual(["role", "alias"], StringComparer.Ordinal))
        {
            throw new FormatException($"\"{name}\" must be an object with exactly \"role\" and \"alias\", in that order.");
        }

        var role = RequiredString(value, "role");
        if (!Roles.Contains(role, StringComparer.Ordinal))
        {
            throw new FormatException($"\"{name}.role\" must be one of {string.Join(", ", Roles)}.");
        }

        return new LogParty(role, OptionalString(value, "alias"));
    }
}
