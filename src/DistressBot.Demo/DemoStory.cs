using System.Text;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Demo;

/// <summary>Prints the demo as it happens: after each step, what each person and the bot said, in order, with button labels (never raw button data).</summary>
internal sealed class DemoStory(FakeBotApiServer telegram, TextWriter output, IReadOnlyList<(long ChatId, string Name)> people)
{
    private readonly int _nameWidth = people.Max(p => p.Name.Length);
    private readonly Dictionary<long, int> _shown = [];
    private readonly Dictionary<(long ChatId, int Index), int> _editsShown = [];
    private readonly List<(string QueryId, string Name)> _unanswered = [];

    /// <summary>Prints what happened since the last call, then the next step's heading.</summary>
    public async Task StepAsync(string heading)
    {
        await FlushAsync();
        await output.WriteLineAsync();
        await output.WriteLineAsync("• " + heading);
    }

    /// <summary>Prints what happened so far, then a line of the narrator's own (an admin command and its answer).</summary>
    public async Task NoteAsync(string text)
    {
        await FlushAsync();
        await output.WriteLineAsync("    " + text);
    }

    /// <summary>Prints every message, press and edit not printed yet, oldest first.</summary>
    public async Task FlushAsync()
    {
        var fresh = new List<Queue<(FakeChatEntry Entry, string Name)>>();
        var edited = new List<(string Name, string Status)>();
        foreach (var (chatId, name) in people)
        {
            var transcript = telegram.Transcript(chatId);
            var already = _shown.GetValueOrDefault(chatId);
            var chat = new Queue<(FakeChatEntry Entry, string Name)>();
            for (var i = 0; i < transcript.Count; i++)
            {
                var entry = transcript[i];
                if (i >= already)
                {
                    chat.Enqueue((entry, name));
                }
                else if (entry.Direction == Direction.FromBot && entry.EditCount > _editsShown.GetValueOrDefault((chatId, i)))
                {
                    // The bot edits an alert by adding a status at its end: the last line says what changed.
                    edited.Add((name, (entry.Text ?? "").ReplaceLineEndings("\n").Split('\n')[^1]));
                }

                _editsShown[(chatId, i)] = entry.EditCount;
            }

            _shown[chatId] = transcript.Count;
            fresh.Add(chat);
        }

        // In the order the fake Telegram recorded them across chats (Telegram dates are whole seconds and would tie).
        while (fresh.Where(chat => chat.Count > 0).MinBy(chat => chat.Peek().Entry.Sequence) is { } next)
        {
            var (entry, name) = next.Dequeue();
            await output.WriteAsync(Render(entry, name));
        }

        await PrintLateAnswersAsync();
        foreach (var group in edited.GroupBy(e => e))
        {
            var what = group.Count() == 1 ? "an earlier alert" : $"{group.Count()} earlier alerts";
            await output.WriteLineAsync($"    {group.Key.Name.PadRight(_nameWidth)}   (the bot edits {what}: …{group.Key.Status})");
        }
    }

    private async Task PrintLateAnswersAsync()
    {
        foreach (var (queryId, name) in _unanswered.ToList())
        {
            if (telegram.CallbackAnswer(queryId) is { } answer)
            {
                _unanswered.Remove((queryId, name));
                if (answer.Text is { Length: > 0 } notice)
                {
                    await output.WriteLineAsync($"    {name.PadRight(_nameWidth)} < (pop-up) {notice}");
                }
            }
        }
    }

    private string Render(FakeChatEntry entry, string name)
    {
        var text = new StringBuilder();
        var head = $"    {name.PadRight(_nameWidth)} {(entry.Direction == Direction.FromUser ? ">" : "<")} ";
        var body = entry.Kind == FakeEntryKind.ButtonPress
            ? $"presses [{entry.Text ?? "a button"}]"
            : entry.Document is { } document
                ? $"[file {document.FileName}, {document.Content.Length:N0} bytes{(entry.ProtectContent ? ", protected" : "")}] {document.Caption}"
                : entry.Text ?? "";
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        text.Append(head).AppendLine(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            text.Append(' ', head.Length).AppendLine(line);
        }

        foreach (var row in entry.InlineKeyboard)
        {
            text.Append(' ', head.Length).AppendJoin(' ', row.Select(b => "[" + b.Text + "]")).AppendLine();
        }

        foreach (var row in entry.ReplyKeyboard)
        {
            text.Append(' ', head.Length).Append("keyboard: ").AppendJoin(' ', row.Select(label => "[" + label + "]")).AppendLine();
        }

        if (entry.CallbackQueryId is { } id)
        {
            if (telegram.CallbackAnswer(id) is { } answer)
            {
                if (answer.Text is { Length: > 0 } notice)
                {
                    text.Append("    ").Append(name.PadRight(_nameWidth)).Append(" < (pop-up) ").AppendLine(notice);
                }
            }
            else
            {
                // Printed with a later step, once the bot has answered.
                _unanswered.Add((id, name));
            }
        }

        return text.ToString();
    }
}
