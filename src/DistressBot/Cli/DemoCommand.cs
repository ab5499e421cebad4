using System.Text.RegularExpressions;
using DistressBot.Hosting;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Cli;

/// <summary>`distressbot demo`: the real bot against an in-process fake Telegram, offline, in under a minute.</summary>
public static partial class DemoCommand
{
    private const long NinaId = 70_001;
    private const long SalekId = 70_002;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Enrols a coordinator and a subject, runs a 15-second schedule, misses a check-in, then prints what each person saw.</summary>
    public static async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("Starting the bot against an in-process fake Telegram on 127.0.0.1 (about 40 seconds)…");
        await using var sandbox = await BotSandbox.StartAsync(
            new BotSandboxOptions
            {
                Settings =
                {
                    ["Checkins:MinimumInterval"] = "00:00:10",
                    ["Checkins:DefaultGrace"] = "00:00:05",
                    ["Checkins:ReminderLead"] = "00:00:05",
                    ["Bot:DefaultTimeZone"] = "Europe/Moscow",
                },
            },
            ct);
        var telegram = sandbox.Server;
        var nina = new FakeUser(NinaId, "Nina", "en");
        var salek = new FakeUser(SalekId, "Salek", "ru");

        await Step(output, "The admin invites coordinator Nina (handed to the running bot over its admin socket)");
        var invite = await AdminSocketClient.TryExecuteAsync(sandbox.DataDirectory, ["invite", "coordinator", "--name", "Nina"], ct)
            ?? throw new InvalidOperationException("The running bot did not answer on its admin socket.");
        var coordinatorCode = invite.Output.Trim();
        await output.WriteLineAsync("  distressbot invite coordinator --name \"Nina\"  →  " + coordinatorCode);

        await Step(output, "Nina enrols; she invites a subject she will call Salek; Salek enrols");
        telegram.EnqueueMessage(NinaId, "/start " + coordinatorCode, nina);
        await Reply(telegram, NinaId, "coordinator");
        telegram.EnqueueMessage(NinaId, "/invite Salek", nina);
        var codeMessage = await Reply(telegram, NinaId, "/start ");
        var subjectCode = Code().Match(codeMessage.Text ?? "").Value;
        telegram.EnqueueMessage(SalekId, "/start " + subjectCode, salek);
        await Reply(telegram, SalekId, "/schedule");
        await Reply(telegram, NinaId, "Salek has joined");

        await Step(output, "Salek sets a 15-second schedule (demo settings allow it) and waits for the reminder");
        telegram.EnqueueMessage(SalekId, "/schedule every 15s grace 5s", salek);
        await Reply(telegram, SalekId, "Расписание");
        await Reply(telegram, SalekId, "Напоминание");

        await Step(output, "Salek taps the check-in button; then goes silent");
        telegram.EnqueueMessage(SalekId, "✅ Отметиться", salek);
        await Reply(telegram, SalekId, "Отметка принята");
        await Reply(telegram, SalekId, "Срок отметки наступил");

        await Step(output, "Deadline plus grace passes: Nina is alerted");
        await Reply(telegram, NinaId, "missed a check-in");

        await Step(output, "Salek checks in late; Nina is told at once and looks at /subjects");
        telegram.EnqueueMessage(SalekId, "/checkin", salek);
        await Reply(telegram, NinaId, "late");
        telegram.EnqueueMessage(NinaId, "/subjects", nina);
        await Reply(telegram, NinaId, "Your people");

        await output.WriteLineAsync();
        await output.WriteLineAsync(telegram.RenderConversation(NinaId, "What coordinator Nina saw (English)"));
        await output.WriteLineAsync(telegram.RenderConversation(SalekId, "What Salek saw (Russian)"));
        await output.WriteLineAsync("The same code runs with `distressbot run`; only the Telegram endpoint differs. Demo data was encrypted in a temporary directory and deleted.");
        return 0;
    }

    private static Task Step(TextWriter output, string text) => output.WriteLineAsync("• " + text);

    private static Task<FakeChatEntry> Reply(FakeBotApiServer telegram, long chatId, string containing) =>
        telegram.WaitForBotMessageAsync(chatId, m => m.Text?.Contains(containing, StringComparison.Ordinal) == true, Wait);

    [GeneratedRegex("[0-9A-Z]{20}")]
    private static partial Regex Code();
}
