using System.Globalization;
using System.Text;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Prints a transcript for people: "&gt; " for what the person did, "&lt; " for what the bot sent, buttons in [brackets].</summary>
internal static class ConversationRenderer
{
    /// <summary>The whole conversation under a title line.</summary>
    public static string Render(string title, IReadOnlyList<FakeChatEntry> entries, IReadOnlyDictionary<string, FakeCallbackAnswer> answers)
    {
        var text = new StringBuilder();
        text.Append("== ").Append(title).AppendLine(" ==");
        if (entries.Count == 0)
        {
            text.AppendLine("(no messages)");
        }

        foreach (var entry in entries)
        {
            var prefix = entry.Direction == Direction.FromUser ? "> " : "< ";
            AppendIndented(text, prefix, Marks(entry) + Body(entry));
            foreach (var row in entry.InlineKeyboard)
            {
                text.Append("    ").AppendJoin(' ', row.Select(b => "[" + b.Text + "]")).AppendLine();
            }

            foreach (var row in entry.ReplyKeyboard)
            {
                text.Append("    keyboard: ").AppendJoin(' ', row.Select(label => "[" + label + "]")).AppendLine();
            }

            if (entry.RemovesReplyKeyboard)
            {
                text.AppendLine("    (keyboard removed)");
            }

            if (entry.CallbackQueryId is { } id && answers.TryGetValue(id, out var answer) && answer.Text is { Length: > 0 } notice)
            {
                text.Append("< ").Append(answer.ShowAlert ? "(alert) " : "(notice) ").AppendLine(notice);
            }
        }

        return text.ToString();
    }

    private static string Marks(FakeChatEntry entry)
    {
        var marks = new StringBuilder();
        if (entry.Deleted)
        {
            marks.Append("(deleted) ");
        }

        if (entry.EditCount > 0)
        {
            marks.Append(entry.EditCount == 1 ? "(edited) " : string.Create(CultureInfo.InvariantCulture, $"(edited {entry.EditCount}x) "));
        }

        if (entry.ProtectContent)
        {
            marks.Append("(protected) ");
        }

        return marks.ToString();
    }

    private static string Body(FakeChatEntry entry) => entry.Kind switch
    {
        FakeEntryKind.ButtonPress => entry.Text is { } label ? "pressed [" + label + "]" : "pressed " + (entry.CallbackData ?? ""),
        FakeEntryKind.Sticker => "(sticker)",
        FakeEntryKind.Location => string.Create(CultureInfo.InvariantCulture, $"(location {entry.Location?.Latitude:0.#####}, {entry.Location?.Longitude:0.#####}{(entry.LivePeriod is { } p ? $", live {p} s" : "")})"),
        FakeEntryKind.Document => string.Create(CultureInfo.InvariantCulture, $"(file {entry.Document?.FileName ?? entry.Document?.FileId}, {entry.Document?.Content.Length ?? 0} bytes)") + (entry.Text is { } caption ? " " + caption : ""),
        _ => entry.Text ?? "",
    };

    // Continuation lines of a multi-line message line up under its first line.
    private static void AppendIndented(StringBuilder text, string prefix, string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        text.Append(prefix).AppendLine(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            text.Append(' ', prefix.Length).AppendLine(line);
        }
    }
}
