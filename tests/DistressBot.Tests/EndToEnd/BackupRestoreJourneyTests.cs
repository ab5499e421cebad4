using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Hosting;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// The admin's disaster journey with the real bot: a backup taken over the socket while the bot runs, restore refused while it
/// runs, the data directory lost, restored from the backup into a fresh one, and the restarted bot serves the same subject.
/// </summary>
public sealed class BackupRestoreJourneyTests
{
    [Fact]
    public async Task BackupWhileRunning_RestoreIntoAFreshDirectory_TheRestartedBotTakesTheCheckinAndWatchesTheDeadline()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание"); // deadline 11:00 UTC, grace until 11:30
        var backup = Path.Combine(s.Sandbox.Root, "backups", "before-the-disk-died");
        var settings = BotSettings.Bind(s.Sandbox.Configuration);
        using var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!);

        var written = await s.AdminAsync("backup", backup);
        var whileRunning = RestoreCommand.Execute(new RestoreOptions(backup, Force: true), settings, secret, s.Time);
        await s.Sandbox.StopBotAsync();
        Directory.Move(s.Sandbox.DataDirectory, s.Sandbox.DataDirectory + ".lost");
        var restored = RestoreCommand.Execute(new RestoreOptions(backup, Force: false), settings, secret, s.Time);
        await s.Sandbox.StartBotAsync();
        var accepted = await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        s.Advance(TimeSpan.FromMinutes(151));
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");

        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Contains("1 subject(s), 1 coordinator(s)", written.Error, StringComparison.Ordinal);
        Assert.Equal(CommandLine.ExitData, whileRunning.ExitCode);
        Assert.Contains("stop it first", whileRunning.Error, StringComparison.Ordinal);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("через 2 ч", accepted, StringComparison.Ordinal);
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 11:00 UTC", alert, StringComparison.Ordinal);
    }
}
