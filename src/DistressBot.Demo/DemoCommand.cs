using System.Text.RegularExpressions;
using DistressBot.Cli;
using DistressBot.Hosting;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Demo;

/// <summary>`distressbot-demo`: the real bot against an in-process fake Telegram, offline, in about a minute.</summary>
public static partial class DemoCommand
{
    private const long NinaId = 70_001;
    private const long SalekId = 70_002;
    private const long AlexanderId = 70_003;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Enrols a coordinator, a lawyer and a subject, runs a 15-second schedule, misses a check-in, escalates to the lawyer, who files a photo and gets a draft, resolves the case, exports its evidence bundle and verifies it, printing what each person saw.</summary>
    public static async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("Starting the bot against an in-process fake Telegram on 127.0.0.1 (about a minute)…");
        await using var sandbox = await BotSandbox.StartAsync(
            new BotSandboxOptions
            {
                Settings =
                {
                    ["Checkins:MinimumInterval"] = "00:00:10",
                    ["Checkins:DefaultGrace"] = "00:00:05",
                    ["Checkins:ReminderLead"] = "00:00:05",
                    ["Escalation:AcknowledgeTimeout"] = "00:00:08",
                    ["Escalation:RepeatEvery"] = "00:00:30",
                    ["Escalation:AcknowledgedReminder"] = "00:01:00",
                    ["Bot:DefaultTimeZone"] = "Europe/Moscow",
                },
            },
            ct);
        var telegram = sandbox.Server;
        var nina = new FakeUser(NinaId, "Nina", "en");
        var salek = new FakeUser(SalekId, "Salek", "ru");
        var alexander = new FakeUser(AlexanderId, "Alexander", "en");
        var story = new DemoStory(telegram, output, [(NinaId, "Nina"), (SalekId, "Salek"), (AlexanderId, "Alexander")]);
        await output.WriteLineAsync("Nina is a coordinator and Alexander a lawyer, both with Telegram in English; Salek, the person at risk, reads Russian.");
        await output.WriteLineAsync("Lines read: person > what they send or press;  person < what the bot sends them.");

        await story.StepAsync("The admin invites coordinator Nina; the command is handed to the running bot over its admin socket");
        var invite = await AdminSocketClient.TryExecuteAsync(sandbox.DataDirectory, ["invite", "coordinator", "--name", "Nina"], ct)
            ?? throw new InvalidOperationException("The running bot did not answer on its admin socket.");
        var coordinatorCode = invite.Output.Trim();
        await story.NoteAsync("$ distressbot invite coordinator --name \"Nina\"   →   " + coordinatorCode);

        await story.StepAsync("Nina enrols with that code. English speakers start in UTC, so she sets her own time zone");
        telegram.EnqueueMessage(NinaId, "/start " + coordinatorCode, nina);
        await Reply(telegram, NinaId, "coordinator");
        telegram.EnqueueMessage(NinaId, "/timezone Europe/Berlin", nina);
        await Reply(telegram, NinaId, "Time zone: Europe/Berlin");

        await story.StepAsync("Nina invites a person she will call Salek and hands him the code in person; Salek enrols");
        telegram.EnqueueMessage(NinaId, "/invite Salek", nina);
        var codeMessage = await Reply(telegram, NinaId, "/start ");
        var subjectCode = Code().Match(codeMessage.Text ?? "").Value;
        telegram.EnqueueMessage(SalekId, "/start " + subjectCode, salek);
        await Reply(telegram, SalekId, "/schedule");
        await Reply(telegram, NinaId, "Salek has joined");

        await story.StepAsync("The admin enrols lawyer Alexander for all of Nina's people; Nina writes Salek's response plan");
        var lawyerCode = (await Admin(sandbox, ct, "invite", "lawyer", "--name", "Alexander")).Output.Trim();
        await story.NoteAsync("$ distressbot invite lawyer --name \"Alexander\"   →   " + lawyerCode);
        telegram.EnqueueMessage(AlexanderId, "/start " + lawyerCode, alexander);
        await Reply(telegram, AlexanderId, "lawyer");
        var assigned = await Admin(sandbox, ct, "assign", "lawyer", "Alexander", "--coordinator", "Nina");
        await story.NoteAsync("$ distressbot assign lawyer Alexander --coordinator Nina   →   " + (assigned.Output + assigned.Error).Trim());
        var logKey = (await Admin(sandbox, ct, "keys", "log-key")).Output.Trim();
        await story.NoteAsync("$ distressbot keys log-key > network-log-key.vkey   (handed to Alexander, so he can check case logs later)   →   " + logKey);
        telegram.EnqueueMessage(NinaId, "/plan Salek", nina);
        await Reply(telegram, NinaId, "next message");
        telegram.EnqueueMessage(NinaId, "Call his sister first. Lawyer on duty: +7 900 000-00-00. Flat: see the shared folder.", nina);
        await Reply(telegram, NinaId, "plan for Salek is saved");

        await story.StepAsync("Salek sets a 15-second schedule (the demo's settings allow it; real ones start at an hour) and gets a reminder");
        telegram.EnqueueMessage(SalekId, "/schedule every 15s grace 5s", salek);
        await Reply(telegram, SalekId, "Расписание");
        await Reply(telegram, SalekId, "Напоминание");

        await story.StepAsync("Salek taps the check-in button, then goes silent: the next deadline comes and the bot warns him");
        telegram.EnqueueMessage(SalekId, "✅ Отметиться", salek);
        await Reply(telegram, SalekId, "Отметка принята");
        await Reply(telegram, SalekId, "Срок отметки наступил");

        await story.StepAsync("The deadline plus its grace passes: Nina is alerted, with the plan and buttons");
        await Reply(telegram, NinaId, "missed a check-in");

        await story.StepAsync("Nobody acknowledges for 8 seconds: level 2, the lawyer, is alerted; he takes the case with the button");
        var lawyerAlert = await Reply(telegram, AlexanderId, "Level 2");
        telegram.EnqueueCallbackQuery(AlexanderId, lawyerAlert.MessageId, lawyerAlert.InlineKeyboard[0][0].CallbackData!, alexander);
        await Reply(telegram, NinaId, "Acknowledged by Alexander");

        await story.StepAsync("Alexander files a photo of the flat's door as evidence (kept with its SHA-256) and gets an urgent-appeal draft to complete");
        telegram.EnqueueMessage(AlexanderId, "/evidence C-0001", alexander);
        await Reply(telegram, AlexanderId, "send the files");
        telegram.EnqueueFileFromUser(AlexanderId, FakeFileShape.Document, DoorPhoto(), "door.jpg", "image/jpeg", from: alexander);
        await Reply(telegram, AlexanderId, "is kept. SHA-256");
        telegram.EnqueueMessage(AlexanderId, "/fact C-0001 last_known_place Flat 12, 5 Lenina St", alexander);
        await Reply(telegram, AlexanderId, "kept for the drafts");
        telegram.EnqueueMessage(AlexanderId, "/draft C-0001 wgeid", alexander);
        await telegram.WaitForBotMessageAsync(AlexanderId, m => m.Document?.FileName == "C-0001-wgeid-draft.docx", Wait);

        await story.StepAsync("Salek checks in late; everyone on the case is told, and the case stays open until someone resolves it");
        var (salekSeen, alexanderSeen) = (LastMessageId(telegram, SalekId), LastMessageId(telegram, AlexanderId));
        telegram.EnqueueMessage(SalekId, "/checkin", salek);
        await Reply(telegram, NinaId, "late");

        // Each chat gets at most one message a second (Telegram's limit, kept by the bot): wait for all three, so the
        // transcript shows them under this step.
        await telegram.WaitForBotMessageAsync(SalekId, m => m.MessageId > salekSeen && m.Text?.Contains("Отметка принята", StringComparison.Ordinal) == true, Wait);
        await telegram.WaitForBotMessageAsync(AlexanderId, m => m.MessageId > alexanderSeen && m.Text?.Contains("late", StringComparison.Ordinal) == true, Wait);

        await story.StepAsync("Alexander calls Salek, notes it, and resolves the case; Nina checks on her people");
        telegram.EnqueueMessage(AlexanderId, "/note C-0001 Spoke to Salek by phone, code word correct.", alexander);
        await Reply(telegram, AlexanderId, "Note added");
        telegram.EnqueueMessage(AlexanderId, "/resolve C-0001 safe", alexander);
        await Reply(telegram, AlexanderId, "resolved");
        await Reply(telegram, NinaId, "Resolved by Alexander");
        telegram.EnqueueMessage(NinaId, "/subjects", nina);
        await Reply(telegram, NinaId, "Your people");
        var kept = await Reply(telegram, AlexanderId, "Checkpoint of case C-0001");
        await story.FlushAsync();

        await story.StepAsync("Alexander keeps the signed checkpoint, exports the case's evidence bundle and checks it offline with the key the admin gave him");
        telegram.EnqueueMessage(AlexanderId, "/export C-0001", alexander);
        var bundle = await telegram.WaitForBotMessageAsync(AlexanderId, m => m.Document?.FileName == "C-0001-bundle.zip", Wait);
        await story.FlushAsync();
        await VerifyAsync(story, output, bundle.Document!.Content, logKey, kept.Text!);

        await output.WriteLineAsync();
        await output.WriteLineAsync(telegram.RenderConversation(NinaId, "Nina's chat at the end, as she scrolls it (alerts edited in place)"));
        await output.WriteLineAsync("The same code runs with `distressbot run`; only the Telegram endpoint differs. Demo data was encrypted in a temporary directory and deleted.");
        return 0;
    }

    // The lawyer's side: the zip and the key he was given, checked with `distressbot verify` (the same code, in this process).
    private static async Task VerifyAsync(DemoStory story, TextWriter output, ReadOnlyMemory<byte> zip, string logKey, string keptMessage)
    {
        var folder = Directory.CreateTempSubdirectory("distressbot-demo-bundle-");
        try
        {
            var zipPath = Path.Combine(folder.FullName, "C-0001-bundle.zip");
            var keyPath = Path.Combine(folder.FullName, "network-log-key.vkey");
            var keptPath = Path.Combine(folder.FullName, "kept-checkpoint.txt");
            await File.WriteAllBytesAsync(zipPath, zip.ToArray());
            await File.WriteAllTextAsync(keyPath, logKey + "\n");
            await File.WriteAllTextAsync(keptPath, keptMessage);
            using (var archive = System.IO.Compression.ZipFile.OpenRead(zipPath))
            {
                await story.NoteAsync("The zip holds: " + string.Join(", ", archive.Entries.Select(e => $"{e.FullName} ({e.Length:N0} bytes)")));
            }

            await story.NoteAsync("$ distressbot verify C-0001-bundle.zip --key network-log-key.vkey --checkpoint kept-checkpoint.txt   (the message he kept, saved as a file)");
            using var verdict = new StringWriter();
            using var errors = new StringWriter();
            var exitCode = VerifyCommand.Run(new VerifyOptions(zipPath, keyPath, null, null, [keptPath], null), verdict, errors, _ => "en_GB.UTF-8");
            foreach (var line in (verdict.ToString() + errors).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            {
                await output.WriteLineAsync("      " + line);
            }

            await output.WriteLineAsync($"      (exit code {exitCode})");
            await story.NoteAsync("The bundle holds one entry more than the checkpoint he kept: the export itself, covered by a checkpoint signed for it. Folders under checkpoints/ are numbered by checkpoint, not by size.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Stands for a photo taken at the flat: any bytes do, the bot keeps them as they are and logs their hash.
    private static byte[] DoorPhoto() => [0xFF, 0xD8, 0xFF, 0xE0, .. System.Text.Encoding.ASCII.GetBytes("demo photo of a forced door"), 0xFF, 0xD9];

    private static async Task<AdminResult> Admin(BotSandbox sandbox, CancellationToken ct, params string[] args) =>
        await AdminSocketClient.TryExecuteAsync(sandbox.DataDirectory, args, ct)
        ?? throw new InvalidOperationException("The running bot did not answer on its admin socket.");

    private static int LastMessageId(FakeBotApiServer telegram, long chatId) =>
        telegram.Transcript(chatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    private static Task<FakeChatEntry> Reply(FakeBotApiServer telegram, long chatId, string containing) =>
        telegram.WaitForBotMessageAsync(chatId, m => m.Text?.Contains(containing, StringComparison.Ordinal) == true, Wait);

    [GeneratedRegex("[0-9A-Z]{20}")]
    private static partial Regex Code();
}
