using System.Diagnostics;
using System.Globalization;
using DistressBot.Domain;
using DistressBot.Telegram.FakeApi;
using Xunit.Abstractions;

namespace DistressBot.Tests.Resilience;

/// <summary>
/// The real executable against the fake Bot API, SIGKILLed at random moments and restarted many times while subjects check in
/// and miss deadlines. After every kill, a copy of what it left on disk is opened and checked; at the end, every check-in the
/// bot confirmed is stored and every alarm that fell due reached every coordinator.
/// </summary>
/// <remarks>
/// `dotnet test` runs a short version (DISTRESSBOT_CRASH_ROUNDS kills, 15 by default); for the figures in docs/resilience.md:
/// <c>DISTRESSBOT_CRASH_ROUNDS=60 dotnet test --filter Category=Crash --logger "console;verbosity=detailed"</c>.
/// The script (kill moments, outages, each subject's habits) comes from DISTRESSBOT_CRASH_SEED, a fixed seed by default so
/// CI runs the same script every time; the seed is printed and named in every failure, and re-running with it replays the
/// script (not the process's own timing), as docs/resilience.md describes.
/// </remarks>
[Trait("Category", "Crash")]
public sealed class CrashTests(ITestOutputHelper output)
{
    /// <summary>The seed when DISTRESSBOT_CRASH_SEED is unset: fixed, so every CI run plays the same script.</summary>
    public const int DefaultSeed = 20261102;

    private const int DefaultRounds = 15;
    private const int MaxSendsPerSecond = 30;

    // The pacer allows 1 a second per chat, but a restarted process knows nothing of its predecessor's last sends, and kills may come close together.
    private const int MaxSendsPerChatPerSecond = 6;

    [Fact]
    public async Task KilledAtRandomAndRestarted_LosesNoConfirmedCheckinAndNoAlert()
    {
        var rounds = Setting("DISTRESSBOT_CRASH_ROUNDS", DefaultRounds);
        var seed = Setting("DISTRESSBOT_CRASH_SEED", DefaultSeed);
        output.WriteLine($"crash test: {rounds} kills, seed {seed}");
        try
        {
            await RunAsync(rounds, seed);
        }
        catch (Exception ex)
        {
            // Whatever failed (an assertion here or in the rig, a timeout), the message says which script to replay.
            throw new Xunit.Sdk.XunitException($"Crash test failed with seed {seed} ({rounds} kills); replay it with DISTRESSBOT_CRASH_SEED={seed} DISTRESSBOT_CRASH_ROUNDS={rounds} (docs/resilience.md).\n{ex.Message}", ex);
        }
    }

    private async Task RunAsync(int rounds, int seed)
    {
        var clock = Stopwatch.StartNew();
        Habit[] habits =
        [
            Habit.Keeper, Habit.Intermittent, Habit.Intermittent, Habit.Silent,
            Habit.Keeper, Habit.Intermittent, Habit.Intermittent, Habit.Keeper,
            Habit.Intermittent, Habit.Silent, Habit.Intermittent, Habit.Keeper,
        ];

        await using var rig = await CrashRig.StartAsync(seed);
        rig.StartBot();
        await rig.EnrolAsync(coordinators: 2, habits);
        var enrolled = clock.Elapsed;

        // Act: check-ins go on while the bot is killed at a random moment of each run and started again.
        rig.StartCheckins();
        var problems = new List<string>();
        var snapshots = 0;
        var caughtInFlight = new HashSet<(long Chat, int MessageId)>();
        var confirmedWhileKilling = 0;
        var outages = 0;
        for (var round = 0; round < rounds; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.3 + (rig.Random.NextDouble() * 2.7)));
            await rig.KillBotAsync();

            var data = await rig.ReadDataAsync();
            snapshots++;
            if (CrashChecks.CaughtInFlight(data, rig.Telegram, rig.Chats(), rig.Bot!) is { } inFlight)
            {
                caughtInFlight.Add(inFlight);
            }

            var resendsSoFar = CrashChecks.Resends(rig.Telegram, caughtInFlight);
            problems.AddRange(CrashChecks.ConfirmedCheckinsStored(data, rig.Telegram, rig.Subjects, resendsSoFar).Select(p => $"after kill {round + 1}: {p}"));
            problems.AddRange(CrashChecks.AlertsAccountedFor(data, rig.Telegram).Select(p => $"after kill {round + 1}: {p}"));
            Assert.True(problems.Count == 0, string.Join('\n', problems));
            confirmedWhileKilling = rig.Subjects.Sum(s => CrashChecks.Confirmations(rig.Telegram, s, resendsSoFar).Count);

            // Mostly restarted at once, as systemd would; sometimes down for seconds, so deadlines pass and late check-ins queue meanwhile.
            if (rig.Random.NextDouble() < 0.2)
            {
                outages++;
                await Task.Delay(TimeSpan.FromSeconds(2 + (rig.Random.NextDouble() * 4)));
            }

            rig.StartBot();
        }

        await rig.StopCheckinsAsync();
        await rig.WaitUntilDrainedAsync(TimeSpan.FromSeconds(90));
        await rig.Bot!.StopAsync(TimeSpan.FromSeconds(20));
        var stoppedAt = rig.Bot.EndedAt!.Value;
        Assert.True(rig.Bot.ExitCode == 0, $"The last run did not stop cleanly (exit code {rig.Bot.ExitCode}):\n{rig.Bot.Tail()}");

        // Assert: what the last run left opens and verifies, holds every confirmed check-in, and accounts for every alert.
        var final = await rig.ReadDataAsync();
        Assert.Equal(0, final.InboxCount);
        Assert.Empty(final.Outbox);
        var resends = CrashChecks.Resends(rig.Telegram, caughtInFlight);
        problems.AddRange(CrashChecks.ConfirmedCheckinsStored(final, rig.Telegram, rig.Subjects, resends));
        problems.AddRange(CrashChecks.AlertsAccountedFor(final, rig.Telegram));

        var stored = final.SubjectsByTelegramId;
        var checkinsSent = 0;
        var answered = 0;
        var mustAlarms = 0;
        var alarmsStored = 0;
        var falseAlarms = 0;
        foreach (var subject in rig.Subjects)
        {
            var person = stored[subject.User.Id];
            var sent = subject.Checkins;
            checkinsSent += sent.Count;

            // Telegram keeps what the bot has not confirmed, so after the last run even unconfirmed check-ins are stored.
            if (sent.Count > 0 && !(person.Checkin?.LastCheckinAt >= sent.Max()))
            {
                problems.Add($"{subject.Alias}: sent a check-in at {CrashChecks.Iso(sent.Max())}, stored last check-in {person.Checkin?.LastCheckinAt}");
            }

            // Each check-in is answered once; any answer more is the resend of one a kill caught in flight.
            var answers = rig.Telegram.Transcript(subject.User.Id).Count(e => e.Direction == Direction.FromBot && CrashChecks.IsConfirmation(e.Text));
            var answersResent = resends.Count(r => r.Chat == subject.User.Id);
            answered += Math.Min(answers, sent.Count);
            if (answers < sent.Count || answers - sent.Count > answersResent)
            {
                problems.Add($"{subject.Alias}: {sent.Count} check-ins sent, {answers} answers, of which at most {answersResent} resent after a kill");
            }

            var alarms = final.Cases.Where(c => c.SubjectId == person.Id && !c.IsDrill).SelectMany(CrashChecks.AlarmDeadlines).ToList();
            alarmsStored += alarms.Count;
            var gaps = subject.Gaps(stoppedAt);
            foreach (var gap in gaps)
            {
                var matched = alarms.Count(d => d >= gap.DeadlineFrom && d <= gap.DeadlineTo);
                mustAlarms += gap.Due == AlarmDue.Must ? 1 : 0;
                if (gap.Due == AlarmDue.Must && matched == 0)
                {
                    problems.Add($"{subject.Alias}: missed the deadline of {CrashChecks.Iso(gap.DeadlineFrom)}, no alarm stored");
                }

                if (matched > 1)
                {
                    problems.Add($"{subject.Alias}: {matched} alarms for the deadline of {CrashChecks.Iso(gap.DeadlineFrom)}");
                }
            }

            foreach (var deadline in alarms)
            {
                var gap = gaps.LastOrDefault(g => deadline >= g.DeadlineFrom && deadline <= g.DeadlineTo);
                if (gap is null || gap.Due == AlarmDue.MustNot)
                {
                    falseAlarms++;
                    problems.Add($"{subject.Alias}: alarm for the deadline of {CrashChecks.Iso(deadline)}, which was kept");
                }
            }

            // Each alarm reached each of the subject's coordinators once (recorded copy = message Telegram holds, checked above).
            foreach (var @case in final.Cases.Where(c => c.SubjectId == person.Id))
            {
                var count = CrashChecks.AlarmDeadlines(@case).Count;
                foreach (var coordinatorId in person.CoordinatorIds)
                {
                    // An alarm due while the coordinator's earlier copy still waited is merged into it (no copies pile up).
                    var copies = @case.Copies.Count(c => c.PersonId == coordinatorId)
                        + @case.Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged && e.PersonId == coordinatorId && e.Detail == nameof(AlertReason.Alarm));
                    if (copies != count)
                    {
                        problems.Add($"{@case.Id}: {count} alarms, {copies} delivered to {coordinatorId}");
                    }
                }
            }
        }

        // Duplicates. Case messages are exact: the case records the id of every one Telegram accepted, so one it does not record is
        // a first copy that a kill caught between the send and the delete. The rest are counted against the outbox's numbering.
        var alertsDelivered = final.Cases.Sum(c => c.Copies.Count);
        var caseDuplicates = CrashChecks.UnrecordedCaseMessages(final, rig.Telegram);
        foreach (var extra in caseDuplicates.Where(e => !caughtInFlight.Contains((e.ChatId, e.MessageId))))
        {
            problems.Add($"message {extra.MessageId} to {extra.ChatId} about {CrashChecks.CaseIdIn(extra.Text!)} is not recorded in its case, and no kill caught it in flight");
        }

        var alertDuplicates = caseDuplicates.Count(e => CrashChecks.IsMissedAlert(e.Text));
        var botMessages = rig.BotMessageCount();
        var duplicates = botMessages - final.MessagesEverQueued;
        if (duplicates < caseDuplicates.Count || duplicates > caughtInFlight.Count || duplicates > rig.Kills.Count)
        {
            problems.Add($"{final.MessagesEverQueued} messages queued, {botMessages} delivered: {duplicates} duplicates, {caseDuplicates.Count} about cases, {caughtInFlight.Count} caught in flight, {rig.Kills.Count} kills");
        }

        var sends = rig.Telegram.Requests.Where(r => r.Method == "sendMessage" && r.StatusCode == 200).ToList();
        var peak = PeakPerSecond(sends);
        var peakPerChat = sends.GroupBy(r => r.ChatId).Max(g => PeakPerSecond([.. g]));
        var firstPolls = rig.Runs
            .Select(run => rig.Telegram.Requests.FirstOrDefault(r => r.Method == "getUpdates" && r.ReceivedAt >= run.StartedAt && r.ReceivedAt <= (run.EndedAt ?? DateTimeOffset.MaxValue)) is { } poll ? poll.ReceivedAt - run.StartedAt : (TimeSpan?)null)
            .ToList();
        var polled = firstPolls.Count(p => p is not null);
        var startup = firstPolls.OfType<TimeSpan>().Order().ToList();

        output.WriteLine($"enrolment {enrolled.TotalSeconds:F0} s, whole test {clock.Elapsed.TotalSeconds:F0} s");
        output.WriteLine($"kills (SIGKILL at 0.3-3 s of uptime): {rig.Kills.Count}; runs that reached polling: {polled} of {rig.Runs.Count} (first poll {startup[0].TotalSeconds:F2}-{startup[^1].TotalSeconds:F2} s after start, median {startup[startup.Count / 2].TotalSeconds:F2} s); restarts after a longer outage: {outages}; none exited by itself; data copy opened and checked after every kill: {snapshots}");
        output.WriteLine($"check-ins sent: {checkinsSent}; confirmed by the time of the last kill: {confirmedWhileKilling}; answered in the end: {answered}; lost: 0 (every confirmed one stored at every kill; every sent one stored at the end)");
        output.WriteLine($"alarms stored: {alarmsStored} ({mustAlarms} clearly due by the script, 0 missing); false alarms: {falseAlarms}; alert messages delivered and recorded: {alertsDelivered}; lost: 0");
        output.WriteLine($"duplicates: {duplicates} of {botMessages} messages ({alertDuplicates} alerts, {caseDuplicates.Count - alertDuplicates} case notes, {duplicates - caseDuplicates.Count} other), each the resend of a message a kill caught between Telegram accepting it and the outbox row being deleted");
        output.WriteLine($"records opened and verified at the end: {final.RecordsVerified}; peak sends: {peak}/s overall, {peakPerChat}/s to one chat");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.InRange(peak, 1, MaxSendsPerSecond);
        Assert.InRange(peakPerChat, 1, MaxSendsPerChatPerSecond);
        Assert.True(rig.Kills.Count == rounds);
        Assert.True(mustAlarms > 0 && alarmsStored >= mustAlarms, "The script made no subject miss a deadline: the test would prove nothing about alerts.");
    }

    private static int PeakPerSecond(IReadOnlyList<FakeRequest> requests)
    {
        var times = requests.Select(r => r.ReceivedAt).Order().ToList();
        var peak = 0;
        for (int i = 0, j = 0; i < times.Count; i++)
        {
            while (times[i] - times[j] >= TimeSpan.FromSeconds(1))
            {
                j++;
            }

            peak = Math.Max(peak, i - j + 1);
        }

        return peak;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
