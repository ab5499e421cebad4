using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Tests.Backups;

/// <summary>
/// Scheduled backups over a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>: stamped folders written by the same
/// code as `distressbot backup`, pruned to Backup:Keep among the folders the bot made that verify, a failure survived.
/// </summary>
public sealed class ScheduledBackupsTests : IAsyncLifetime
{
    private readonly InitializedData _data = InitializedData.Create("scheduled", CaseChain.Opening);
    private readonly CapturingLogger<ScheduledBackups> _logger = new();
    private BotRuntime _runtime = null!;

    private string Backups => Path.Combine(_data.Root, "backups");

    public async Task InitializeAsync()
    {
        _runtime = await _data.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Rounds_KeepTheNewestThatVerify_AndNeverTouchFoldersTheBotDidNotMakeOrThatDoNotVerify()
    {
        Directory.CreateDirectory(Path.Combine(Backups, "mine"));
        var damaged = Directory.CreateDirectory(Path.Combine(Backups, "distressbot-20200101T000000Z")).FullName;
        File.WriteAllText(Path.Combine(damaged, "manifest.json"), "{}");
        var service = Service(keep: 2);

        var rounds = new List<BackupRound>();
        for (var i = 0; i < 4; i++)
        {
            rounds.Add(await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None));
            _data.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(
            ["distressbot-20200101T000000Z", "distressbot-20261104T113000Z", "distressbot-20261105T113000Z", "mine"],
            Directory.GetDirectories(Backups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([0, 0, 1, 1], rounds.Select(r => r.Removed.Count));
        Assert.Equal(Path.Combine(Backups, "distressbot-20261102T113000Z"), Assert.Single(rounds[2].Removed));
        Assert.Equal(4, _logger.Entries.Count(e => e.EventId == 3600));
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId == 3602));
        Assert.Equal(4, _logger.Entries.Count(e => e.EventId == 3603 && e["Folder"] == damaged)); // named each time, never removed
        Assert.DoesNotContain(_logger.Entries, e => e.EventId is 3601 or 3604);
    }

    [Fact]
    public async Task AnOlderBackupHoldingMorePeopleThanTheNewest_IsKeptBeyondKeep_AndNamedAsAWarning_EachRound()
    {
        // What happened on a trial: the bot was started on an empty data directory, and its backups pruned the real ones away.
        var nina = await _runtime.Store.RunAsync(db =>
        {
            var person = DomainWorld.NewPerson(db.NewId("p"), DistressBot.Domain.Role.Coordinator, 101, "Nina", "UTC", CaseChain.Opening);
            db.People.Save(person);
            return person.Id;
        });
        var service = Service(keep: 1);
        var full = await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None);
        _data.Time.Advance(TimeSpan.FromDays(1));
        await _runtime.Store.RunAsync(db => db.People.Delete(nina));

        var firstEmpty = await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None);
        _data.Time.Advance(TimeSpan.FromDays(1));
        var secondEmpty = await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(full.Written);
        Assert.True(Directory.Exists(full.Written));
        Assert.Empty(firstEmpty.Removed);
        Assert.Equal<string?>([firstEmpty.Written], secondEmpty.Removed); // one that holds no more than the newest still goes
        Assert.Equal<string?>([full.Written, secondEmpty.Written], Directory.GetDirectories(Backups).Order(StringComparer.Ordinal));
        var warnings = _logger.Entries.Where(e => e.EventId == 3605).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(full.Written, w["Folder"]));
        Assert.All(warnings, w => Assert.Equal("1", w["People"]));
        Assert.DoesNotContain(_logger.Entries, e => e.EventId == 3602 && e["Folder"] == full.Written);
        Assert.DoesNotContain(_logger.Entries, e => e.EventId is 3601 or 3604);
    }

    [Fact]
    public async Task AFailedBackup_IsLogged_RemovesNothing_AndTheNextRoundWritesOne()
    {
        var service = Service(keep: 1);
        await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None);
        _data.Time.Advance(TimeSpan.FromDays(1));
        Directory.CreateDirectory(Backups);
        var blocked = Path.Combine(Backups, ScheduledBackups.FolderName(_data.Time.GetUtcNow()));
        File.WriteAllText(blocked, "a file where the folder should go");

        var failed = await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None);
        _data.Time.Advance(TimeSpan.FromDays(1));
        var next = await service.RunOnceAsync(_data.Time.GetUtcNow(), CancellationToken.None);

        Assert.Null(failed.Written);
        Assert.Empty(failed.Removed); // the last good backup stays while the new one failed
        Assert.Single(_logger.Entries, e => e.EventId == 3601);
        Assert.Equal(Path.Combine(Backups, "distressbot-20261104T113000Z"), next.Written);
        Assert.Equal([Path.Combine(Backups, "distressbot-20261102T113000Z")], next.Removed);
        Assert.True(File.Exists(blocked));
    }

    [Fact]
    public async Task TheService_WaitsUntilEveryHasPassedSinceTheNewestBackup_ThenBacksUpOnSchedule()
    {
        var service = Service(keep: 7);
        await service.RunOnceAsync(_data.Time.GetUtcNow() - TimeSpan.FromHours(1), CancellationToken.None); // made an hour ago
        var armed = service.Waiting.NextAsync();
        await service.StartAsync(CancellationToken.None);
        try
        {
            await armed.WaitAsync(TimeSpan.FromSeconds(30));
            var rearmed = service.Waiting.NextAsync();
            var first = service.Ticked.NextAsync();
            _data.Time.Advance(TimeSpan.FromHours(23));
            await first.WaitAsync(TimeSpan.FromSeconds(30));
            await rearmed.WaitAsync(TimeSpan.FromSeconds(30));
            var second = service.Ticked.NextAsync();
            _data.Time.Advance(TimeSpan.FromDays(1));
            await second.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        // Not at start (11:30), but a day after the backup of 10:30, and a day after that.
        Assert.Equal(
            ["distressbot-20261102T103000Z", "distressbot-20261103T103000Z", "distressbot-20261104T103000Z"],
            Directory.GetDirectories(Backups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-30T09:05:01Z", "distressbot-20261130T090501Z")]
    [InlineData("2026-11-30T12:05:01+03:00", "distressbot-20261130T090501Z")]
    public void FolderName_IsTheUtcStamp_AndReadsBack(string at, string name)
    {
        var when = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(name, ScheduledBackups.FolderName(when));
        Assert.Equal(when, ScheduledBackups.TakenAt(name));
    }

    [Theory]
    [InlineData("distressbot-2026113T090501Z")]
    [InlineData("distressbot-20261130T090501")]
    [InlineData("distressbot-20261130T090501Z-copy")]
    [InlineData("backup-20261130T090501Z")]
    [InlineData("distressbot-20261331T090501Z")]
    public void TakenAt_NameTheServiceDoesNotGive_IsNull(string name) => Assert.Null(ScheduledBackups.TakenAt(name));

    private ScheduledBackups Service(int keep)
    {
        var settings = BotSettings.Bind(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = _data.Settings.DataDirectory,
                ["Crypto:KeyringPath"] = _data.Settings.KeyringPath,
                ["Backup:Directory"] = Backups,
                ["Backup:Every"] = "1d",
                ["Backup:Keep"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build(),
            _ => null);
        return new ScheduledBackups(_runtime, settings, _data.Time, _logger);
    }
}
