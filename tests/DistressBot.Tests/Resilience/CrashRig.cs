using System.Globalization;
using System.Text.RegularExpressions;
using DistressBot.Cli;
using DistressBot.Tests.EndToEnd;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.Resilience;

/// <summary>
/// The fake Telegram (in this process, keeping its state across the bot's deaths), a temporary data directory and keyring made
/// with `distressbot init --key-file`, the scripted people, and the runs of the real executable against them.
/// </summary>
internal sealed partial class CrashRig : IAsyncDisposable
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(30);
    private readonly List<BotProcess> _runs = [];
    private readonly Lock _driverGate = new();
    private CancellationTokenSource? _driverStop;
    private Task? _driver;
    private volatile bool _checkinsStopped;

    private CrashRig(FakeBotApiServer telegram, string root, int seed)
    {
        Telegram = telegram;
        Root = root;
        Random = new Random(seed);
        Environment = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Telegram__BotToken"] = telegram.Token,
            ["DISTRESSBOT_Telegram__ApiBaseUrl"] = telegram.BaseUrl.ToString(),
            ["DISTRESSBOT_Telegram__PollTimeout"] = "00:00:01",
            ["DISTRESSBOT_Storage__DataDirectory"] = DataDirectory,
            ["DISTRESSBOT_Crypto__KeyringPath"] = KeyringPath,
            ["DISTRESSBOT_Crypto__KeyFile"] = KeyFile,
            ["DISTRESSBOT_Checkins__MinimumInterval"] = "00:00:05",
            ["DISTRESSBOT_Checkins__DefaultGrace"] = "00:00:02",
            ["DISTRESSBOT_Checkins__ReminderLead"] = "00:00:00",
            // Only the missed-check-in alarms themselves: no level 2, no repeats, so every alert can be accounted for.
            ["DISTRESSBOT_Escalation__AcknowledgeTimeout"] = "10.00:00:00",
            ["DISTRESSBOT_Escalation__RepeatEvery"] = "10.00:00:00",
            ["DISTRESSBOT_Escalation__AcknowledgedReminder"] = "10.00:00:00",
        };
    }

    public FakeBotApiServer Telegram { get; }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string KeyringPath => Path.Combine(Root, "keys", "keyring.json");

    public string KeyFile => Path.Combine(Root, "keys", "key");

    public Dictionary<string, string> Environment { get; }

    public Random Random { get; }

    public List<FakeUser> Coordinators { get; } = [];

    public List<SubjectScript> Subjects { get; } = [];

    /// <summary>The bot's current run, if one is going.</summary>
    public BotProcess? Bot { get; private set; }

    /// <summary>Every run so far, ended or not.</summary>
    public IReadOnlyList<BotProcess> Runs => _runs;

    /// <summary>When each SIGKILL was sent.</summary>
    public List<DateTimeOffset> Kills { get; } = [];

    /// <summary>Starts the fake Telegram and makes the data directory and keyring with the real `init --key-file`.</summary>
    public static async Task<CrashRig> StartAsync(int seed)
    {
        var telegram = await FakeBotApiServer.StartAsync(new FakeBotApiOptions());
        var root = Directory.CreateTempSubdirectory("distressbot-crash-").FullName;
        var rig = new CrashRig(telegram, root, seed);
        var init = await DistressbotProcess.RunAsync(rig.Environment, "init", "--key-file", rig.KeyFile);
        Assert.True(init.ExitCode == 0, "init failed: " + init.Error);
        return rig;
    }

    /// <summary>Starts a run of the bot.</summary>
    public BotProcess StartBot()
    {
        Assert.True(Bot is null || Bot.EndedAt is not null, "The previous run is still going.");
        Bot = BotProcess.Start(Environment);
        _runs.Add(Bot);
        return Bot;
    }

    /// <summary>SIGKILLs the current run; fails if it had already died by itself.</summary>
    public async Task KillBotAsync()
    {
        var bot = Bot!;
        Assert.False(bot.ExitedByItself, $"The bot exited by itself (code {bot.ExitCode}) before it was killed:\n{bot.Tail()}");
        await bot.KillAsync();
        Kills.Add(bot.EndedAt!.Value);
    }

    /// <summary>Enrols coordinators (admin invite + /start) and subjects (/invite + /start, then every coordinator is assigned), and sets every schedule.</summary>
    public async Task EnrolAsync(int coordinators, IReadOnlyList<Habit> habits)
    {
        await Telegram.WaitForGetUpdatesAsync(ReplyWait);
        for (var c = 0; c < coordinators; c++)
        {
            var user = new FakeUser(5_000_000_001 + c, "Coord" + c, c % 2 == 0 ? "en" : "ru");
            var name = "Coord" + c.ToString(CultureInfo.InvariantCulture);
            var invite = await AdminAsync("invite", "coordinator", "--name", name);
            await SayAsync(user, "/start " + invite.Trim(), c % 2 == 0 ? "coordinator" : "координатор");
            Coordinators.Add(user);
        }

        for (var i = 0; i < habits.Count; i++)
        {
            var user = new FakeUser(7_000_000_001 + i, "Subject" + i, i % 2 == 0 ? "ru" : "en");
            Subjects.Add(new SubjectScript(user, "S" + i.ToString("D2", CultureInfo.InvariantCulture), habits[i]));
        }

        await Task.WhenAll(Coordinators.Select((coordinator, c) => Task.Run(async () =>
        {
            foreach (var subject in Subjects.Where((_, i) => i % Coordinators.Count == c))
            {
                var code = Code().Match(await SayAsync(coordinator, "/invite " + subject.Alias, "/start ")).Value;
                await SayAsync(subject.User, "/start " + code, subject.User.LanguageCode == "ru" ? "Вы подключены" : "You are connected");
            }
        })));

        for (var i = 0; i < Subjects.Count; i++)
        {
            for (var c = 0; c < Coordinators.Count; c++)
            {
                if (c != i % Coordinators.Count)
                {
                    await AdminAsync("assign", "coordinator", "Coord" + c.ToString(CultureInfo.InvariantCulture), "--subject", Subjects[i].Alias);
                }
            }
        }

        await Task.WhenAll(Subjects.Select(subject => Task.Run(async () =>
        {
            var known = Known(subject.User.Id);
            var update = Telegram.EnqueueMessage(subject.User.Id, "/schedule " + SubjectScript.ScheduleText, subject.User);
            var answer = await Telegram.WaitForBotMessageAsync(
                subject.User.Id, m => !known.Contains(m.MessageId) && (m.Text?.Contains("Расписание сохранено", StringComparison.Ordinal) == true || m.Text?.Contains("Schedule saved", StringComparison.Ordinal) == true), ReplyWait);
            subject.ScheduleSet = (SubjectScript.DateOf(update.Message!.Date), answer.SentAt);
        })));
    }

    /// <summary>Starts the scripted check-ins, sent whether or not the bot is alive (Telegram keeps them).</summary>
    public void StartCheckins()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var subject in Subjects)
        {
            subject.Begin(now, Random);
        }

        _driverStop = new CancellationTokenSource();
        var token = _driverStop.Token;
        _driver = Task.Run(async () =>
        {
            var random = new Random(Random.Next());
            while (!token.IsCancellationRequested)
            {
                lock (_driverGate)
                {
                    foreach (var subject in Subjects)
                    {
                        subject.Act(Telegram, DateTimeOffset.UtcNow, random, _checkinsStopped);
                    }
                }

                await Task.Delay(50, CancellationToken.None);
            }
        });
    }

    /// <summary>Every subject stops checking in from now on.</summary>
    public async Task StopCheckinsAsync()
    {
        _checkinsStopped = true;
        if (_driverStop is not null)
        {
            await _driverStop.CancelAsync();
            await _driver!;
        }
    }

    /// <summary>
    /// Lets the current run work until every subject's last deadline plus grace is clearly past, every update is consumed, and
    /// the bot has sent nothing for two seconds: the outbox has drained.
    /// </summary>
    public async Task WaitUntilDrainedAsync(TimeSpan limit)
    {
        var until = DateTimeOffset.UtcNow + limit;
        var quietFrom = Subjects.Max(s => s.Checkins.Count > 0 ? s.Checkins[^1] : s.ScheduleSet.Answered) + TimeSpan.FromSeconds(10);
        var lastCount = -1;
        var lastChange = DateTimeOffset.UtcNow;
        while (true)
        {
            Assert.False(Bot!.ExitedByItself, $"The bot exited by itself (code {Bot.ExitCode}):\n{Bot.Tail()}");
            var now = DateTimeOffset.UtcNow;
            Assert.True(now < until, $"The bot did not drain within {limit}:\n{Bot.Tail()}");
            var count = BotMessageCount();
            if (count != lastCount)
            {
                lastCount = count;
                lastChange = now;
            }
            else if (now >= quietFrom && now - lastChange >= TimeSpan.FromSeconds(2))
            {
                await Telegram.WaitUntilUpdatesConsumedAsync(limit);
                if (BotMessageCount() == count)
                {
                    // Quiet is not empty: on a loaded machine the bot may pause longer than the quiet gap with rows still
                    // queued, so its own status must say the outbox is empty.
                    if (await OutboxLengthAsync() == 0)
                    {
                        return;
                    }

                    lastChange = DateTimeOffset.UtcNow;
                }
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every message the bot sent to anyone, duplicates included.</summary>
    public int BotMessageCount() =>
        Chats().Sum(chat => Telegram.Transcript(chat).Count(e => e.Direction == Direction.FromBot));

    /// <summary>Every private chat of the test's people.</summary>
    public IEnumerable<long> Chats() => Coordinators.Select(c => c.Id).Concat(Subjects.Select(s => s.User.Id));

    /// <summary>Reads a copy of the data directory as it is now (the bot must not be running).</summary>
    public Task<DataSnapshot> ReadDataAsync() =>
        DataSnapshot.ReadCopyAsync(DataDirectory, KeyringPath, KeyFile, Path.Combine(Root, "copy"));

    public async ValueTask DisposeAsync()
    {
        if (_driverStop is not null)
        {
            await _driverStop.CancelAsync();
            await _driver!;
            _driverStop.Dispose();
        }

        foreach (var run in _runs)
        {
            run.Dispose();
        }

        await Telegram.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless; its data is encrypted.
        }
    }

    // The running bot's outbox length, from `status --json` over its admin socket (its exit code says whether anything needs
    // the admin, which is beside the point here); -1 when it did not answer.
    private async Task<int> OutboxLengthAsync()
    {
        var result = await AdminSocketClient.TryExecuteAsync(DataDirectory, ["status", "--json"], CancellationToken.None);
        if (result is null)
        {
            return -1;
        }

        using var status = System.Text.Json.JsonDocument.Parse(result.Output);
        return status.RootElement.GetProperty("outbox_length") is { ValueKind: System.Text.Json.JsonValueKind.Number } length ? length.GetInt32() : -1;
    }

    private async Task<string> AdminAsync(params string[] args)
    {
        var until = DateTimeOffset.UtcNow + ReplyWait;
        while (true)
        {
            var result = await AdminSocketClient.TryExecuteAsync(DataDirectory, args, CancellationToken.None);
            if (result is not null)
            {
                Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
                return result.Output;
            }

            Assert.True(DateTimeOffset.UtcNow < until, "The bot did not answer on its admin socket.");
            await Task.Delay(100);
        }
    }

    private async Task<string> SayAsync(FakeUser user, string text, string expect)
    {
        var known = Known(user.Id);
        Telegram.EnqueueMessage(user.Id, text, user);
        var reply = await Telegram.WaitForBotMessageAsync(
            user.Id, m => !known.Contains(m.MessageId) && m.Text?.Contains(expect, StringComparison.Ordinal) == true, ReplyWait);
        return reply.Text!;
    }

    private HashSet<int> Known(long chatId) => [.. Telegram.Transcript(chatId).Where(e => e.Direction == Direction.FromBot).Select(e => e.MessageId)];

    [GeneratedRegex("[0-9A-Z]{20}")]
    private static partial Regex Code();
}
