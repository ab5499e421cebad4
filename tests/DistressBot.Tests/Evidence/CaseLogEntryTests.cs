using System.Text;
using DistressBot.Evidence;

namespace DistressBot.Tests.Evidence;

public sealed class CaseLogEntryTests
{
    private static readonly CaseLogEntry Note = new()
    {
        CaseId = "C-0042",
        Sequence = 7,
        Kind = CaseLogKinds.Note,
        At = new DateTimeOffset(2026, 11, 30, 21, 15, 0, 123, TimeSpan.FromHours(3)),
        TelegramDate = new DateTimeOffset(2026, 11, 30, 18, 14, 59, TimeSpan.Zero),
        Actor = new LogParty("coordinator", "Анна"),
        Content = "Дверь открыта, \"следы\"\nборьбы",
        MessageId = 4711,
    };

    [Fact]
    public void Canonical_bytes_have_every_key_in_order_UTC_times_and_readable_Cyrillic()
    {
        Assert.Equal(
            "{\"v\":1,\"case\":\"C-0042\",\"seq\":7,\"kind\":\"note\",\"at\":\"2026-11-30T18:15:00.123Z\",\"telegram_date\":\"2026-11-30T18:14:59Z\","
            + "\"actor\":{\"role\":\"coordinator\",\"alias\":\"Анна\"},\"person\":null,\"content\":\"Дверь открыта, \\\"следы\\\"\\nборьбы\",\"message_id\":4711,\"text\":null}",
            Note.ToString());
        Assert.DoesNotContain((byte)'\n', Note.ToBytes());
    }

    [Fact]
    public void Parse_reads_back_what_ToBytes_wrote()
    {
        var parsed = CaseLogEntry.Parse(Note.ToBytes());

        Assert.Equal(Note with { At = Note.At.ToUniversalTime() }, parsed);
    }

    [Theory]
    [InlineData(" {\"v\":1}", "not in canonical form")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{\"v\":1X}", "not valid JSON (a character was changed, added or removed).")]
    [InlineData("{\"v\":1,\"seq\":7}", "keys must be exactly")]
    public void Parse_refuses_what_is_not_a_canonical_entry(string text, string problem)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (text.StartsWith(' '))
        {
            bytes = [(byte)' ', .. Note.ToBytes()];
        }

        var error = Assert.Throws<FormatException>(() => CaseLogEntry.Parse(bytes));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal); // the parser's positions count within the entry, not the file
    }

    [Fact]
    public void Parse_refuses_an_escaped_form_of_the_same_entry()
    {
        var escaped = Note.ToString().Replace("Анна", "\\u0410\\u043d\\u043d\\u0430", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => CaseLogEntry.Parse(Encoding.UTF8.GetBytes(escaped)));
        Assert.Contains("canonical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_is_refused_on_both_sides()
    {
        Assert.Throws<ArgumentException>(() => (Note with { Actor = new LogParty("police", null) }).ToBytes());
        var text = Note.ToString().Replace("\"coordinator\"", "\"police\"", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CaseLogEntry.Parse(Encoding.UTF8.GetBytes(text)));
    }
}
