using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Admin;

/// <summary>
/// Retention with legal hold (docs/retention.md): routine history (updates set aside after failing) goes after
/// Retention:CheckinDays unless a held case covers it; a case is held until the admin releases it with `cases release`
/// (only a resolved one, the same stopped and running), and a released case is purged, its key destroyed, only once
/// Retention:ReleasedCaseDays have passed. Time is the fake clock and the round is called directly: nothing waits.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Opening = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-retention-").FullName;
    private readonly FakeTimeProvider _time = new(Opening);
    private readonly CapturingLoggerProvider _logs = new();
    private BotSettings _settings = null!;
    private BotRuntime _runtime = null!;
    private string _nina = "";
    private string _salek = "";
    private string _timur = "";

    private string KeyFilePath => Path.Combine(_root, "keys", "key");

    public void Dispose() => _logs.Dispose();

    public async Task InitializeAsync()
    {
        _settings = BotSettings.Bind(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = Path.Combine(_root, "data"),
                ["Crypto:KeyringPath"] = Path.Combine(_root, "keys", "keyring.json"),
                ["Crypto:KeyFile"] = KeyFilePath,
            }).Build(),
            _ => null);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(_settings.KeyringPath)!);
        KeyFile.Create(KeyFilePath);
        using (var secret = KeyEncryptionSecret.FromKeyFile(KeyFilePath))
        using (var keyring = Keyring.Create(_settings.KeyringPath, secret, _time))
        using (CaseKeyStore.Open(_settings.DataDirectory, keyring))
        {
        }

        using (var secret = KeyEncryptionSecret.FromKeyFile(KeyFilePath))
        {
            _runtime = await BotRuntime.OpenAsync(_settings, secret, NullLoggerFactory.Instance, _time);
        }

        // Nina coordinates Salek and Timur; Salek last checked in two days before his SOS opens C-0001.
        (_nina, _salek, _timur) = await _runtime.Store.RunAsync(db =>
        {
            var nina = DomainWorld.NewPerson(db.NewId("p"), Role.Coordinator, 1, "Nina", "UTC", Opening.AddDays(-30));
            var salek = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, 2, "Salek", "UTC", Opening.AddDays(-30));
            var timur = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, 3, "Timur", "UTC", Opening.AddDays(-30));
            salek.Checkin = new CheckinState { LastCheckinAt = Opening.AddDays(-2) };
            timur.Checkin = new CheckinState();
            foreach (var subject in new[] { salek, timur })
            {
                subject.CoordinatorIds.Add(nina.Id);
                nina.SubjectIds.Add(subject.Id);
                db.People.Save(subject);
            }

            db.People.Save(nina);
            Alarms.Sos(db, salek, Opening, Opening);
            return (nina.Id, salek.Id, timur.Id);
        });
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Retention_RemovesOldSetAsideUpdates_KeepsThoseAHeldCaseCovers_AndNewerOnes_AndTouchesNoCase()
    {
        await ResolveAsync("C-0001", Opening.AddHours(5));
        var now = Opening.AddDays(60);
        await SetAsideAsync(1, Opening.AddDays(-10), _timur);  // routine, 70 days old: goes
        await SetAsideAsync(2, Opening.AddDays(-1), _salek);   // after Salek's last check-in before C-0001: held
        await SetAsideAsync(3, Opening.AddDays(-5), _salek);   // before that check-in: routine, goes
        await SetAsideAsync(4, now.AddDays(-10), _timur);     // newer than 30 days: stays
        await SetAsideAsync(5, Opening.AddDays(-10), null);    // a stranger's: goes
        var caseBefore = await CaseRecordsAsync("C-0001");

        var round = await Service().RunOnceAsync(now, CancellationToken.None);

        Assert.Equal(3, round.HistoryRemoved);
        Assert.Empty(round.Purged);
        Assert.Equal([2, 4], await SetAsideIdsAsync());
        Assert.Equal(caseBefore, await CaseRecordsAsync("C-0001")); // record, log, checkpoints: not one byte changed
        Assert.True(_runtime.CaseKeys.Exists("C-0001"));

        // Released, the case no longer holds Salek's update: it is routine history like the rest.
        Assert.Equal(0, (await RunAsync("cases", "release", "C-0001", "--yes")).ExitCode);
        var after = await Service().RunOnceAsync(now, CancellationToken.None);
        Assert.Equal(1, after.HistoryRemoved);
        Assert.Equal([4], await SetAsideIdsAsync());
        Assert.Empty(after.Purged);
    }

    [Fact]
    public async Task ASetAsideUpdateFromAnEarlierVersion_WithoutATime_IsKeptTheFullPeriodFromWhenRetentionFirstSawIt()
    {
        var sealedJson = _runtime.Keyring.Cipher.Seal("{\"json\":\"{}\",\"error\":\"boom\"}"u8, new RecordAddress(Collections.FailedUpdates, "0000000000000000009", Collections.DataField));
        await _runtime.Records.ExecuteAsync(session =>
        {
            session.Put(new StoredRecord(Collections.FailedUpdates, "0000000000000000009", null, sealedJson));
            return true;
        });

        var first = await Service().RunOnceAsync(Opening, CancellationToken.None);
        var early = await Service().RunOnceAsync(Opening.AddDays(29), CancellationToken.None);
        var due = await Service().RunOnceAsync(Opening.AddDays(30), CancellationToken.None);

        Assert.Equal((0, 0, 1), (first.HistoryRemoved, early.HistoryRemoved, due.HistoryRemoved));
        Assert.Empty(await SetAsideIdsAsync());
    }

    [Fact]
    public async Task CasesRelease_OfAnOpenCase_IsRefused_AndChangesNothing()
    {
        var result = await RunAsync("cases", "release", "C-0001", "--yes");

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Equal("Case C-0001 is still open: only a resolved case can be released from legal hold. Nothing was released.\n", result.Error);
        var @case = await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!);
        Assert.Null(@case.ReleasedAt);
        Assert.DoesNotContain(@case.Timeline, e => e.Kind == CaseEntryKind.Released);
    }

    [Theory]
    [InlineData("C-0002", 1, "There is no case C-0002 (or it was purged already). Nothing was released.\n")]
    [InlineData("C-O001", 2, "'C-O001' is not a case number: case numbers read like C-0042.\nNothing was run. 'distressbot cases release --help' shows how to call it.\n")]
    [InlineData("C-001", 2, "'C-001' is not a case number: case numbers read like C-0042.\nNothing was run. 'distressbot cases release --help' shows how to call it.\n")]
    public async Task CasesRelease_OfATypo_IsRefused_AndReleasesNothing(string typed, int exitCode, string error)
    {
        await ResolveAsync("C-0001", Opening.AddHours(1));

        var result = await RunAsync("cases", "release", typed, "--yes");

        Assert.Equal((exitCode, "", error), (result.ExitCode, result.Output, result.Error));
        Assert.Null(await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.ReleasedAt));
    }

    [Fact]
    public async Task CasesRelease_WithoutYes_OrWithAnUnknownArgument_ReleasesNothing()
    {
        await ResolveAsync("C-0001", Opening.AddHours(1));

        var unconfirmed = await RunAsync("cases", "release", "C-0001");
        var unknown = await RunAsync("cases", "release", "C-0001", "--yse");

        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("purged for good 90 days from now (Retention:ReleasedCaseDays). Confirm with --yes.", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("Unrecognized command or argument '--yse'.\n'--yse' was not matched. Did you mean one of the following?\n--yes\n", unknown.Error, StringComparison.Ordinal);
        Assert.Null(await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.ReleasedAt));
    }

    [Fact]
    public async Task CasesRelease_TheSameStoppedAndRunning_WritesAReleasedEntryByTheAdmin_AndASecondReleaseKeepsTheFirst()
    {
        await ResolveAsync("C-0001", Opening.AddHours(1));
        await _runtime.Store.RunAsync(db => Alarms.Sos(db, db.People.Find(_timur)!, Opening.AddHours(2), Opening.AddHours(2)));
        await ResolveAsync("C-0002", Opening.AddHours(3));
        _time.SetUtcNow(Opening.AddDays(1));

        var stopped = await RunAsync("cases", "release", "C-0001", "--yes");
        var running = await RunningAsync("cases", "release", "C-0002", "--yes");
        var again = await RunningAsync("cases", "release", "C-0001", "--yes");

        Assert.Equal(new AdminResult(0, "", "Case C-0001 released from legal hold: it will be purged (its key destroyed) on or after 2027-02-01 09:00 UTC. Export it first (distressbot export-case C-0001 --out DIRECTORY) if it must be kept.\n"), stopped);
        Assert.Equal(stopped with { Error = stopped.Error.Replace("C-0001", "C-0002", StringComparison.Ordinal) }, running);
        Assert.Equal(new AdminResult(1, "", "Case C-0001 was released already on 2026-11-03 09:00 UTC; it is purged 90 days after that. Nothing was changed.\n"), again);
        foreach (var caseId in new[] { "C-0001", "C-0002" })
        {
            var (releasedAt, entries) = await _runtime.Store.RunAsync(db => (db.Cases.Find(caseId)!.ReleasedAt, db.CaseLog.Entries(caseId).Select(b => CaseLogEntry.Parse(b)).ToList()));
            Assert.Equal(Opening.AddDays(1), releasedAt);
            var last = entries[^1];
            Assert.Equal((CaseLogKinds.Released, "admin", (string?)null, (string?)null), (last.Kind, last.Actor.Role, last.Actor.Alias, last.Content));
            Assert.Single(entries, e => e.Kind == CaseLogKinds.Released); // the refused second release wrote nothing
        }
    }

    [Fact]
    public async Task AReleasedCase_IsPurgedOnlyAfterThePeriod_ItsKeyDestroyed_AndTheLogSaysOnlyItsNumber()
    {
        await ResolveAsync("C-0001", Opening.AddHours(1));
        _time.SetUtcNow(Opening.AddDays(1));
        Assert.Equal(0, (await RunAsync("cases", "release", "C-0001", "--yes")).ExitCode);
        var old = await _runtime.Records.ExecuteAsync(session => session.Find(Collections.Cases, "C-0001"));
        var address = new RecordAddress(Collections.Cases, "C-0001", Collections.DataField);
        var oldEntry = await _runtime.Records.ExecuteAsync(session => session.Find(Collections.CaseLog, CaseLogStore.EntryId("C-0001", 0)));

        var early = await Service().RunOnceAsync(Opening.AddDays(1 + 90).AddMinutes(-1), CancellationToken.None);
        Assert.Empty(early.Purged);
        Assert.NotEmpty(_runtime.Keyring.Cipher.Open(old!.Blob, address)); // a minute early: all there

        var due = await Service().RunOnceAsync(Opening.AddDays(1 + 90), CancellationToken.None);

        Assert.Equal(["C-0001"], due.Purged);
        Assert.False(_runtime.CaseKeys.Exists("C-0001"));
        Assert.Throws<RecordIntegrityException>(() => _runtime.Keyring.Cipher.Open(old.Blob, address)); // an old copy no longer opens
        Assert.Throws<RecordIntegrityException>(() => _runtime.Keyring.Cipher.Open(oldEntry!.Blob, new RecordAddress(Collections.CaseLog, CaseLogStore.EntryId("C-0001", 0), Collections.DataField)));
        Assert.Equal(0, await _runtime.Records.ExecuteAsync(session =>
            session.All(Collections.Cases).Count + session.All(Collections.CaseLog).Count + session.All(Collections.Checkpoints).Count + session.All(Collections.CaseLogHeads).Count));
        var logged = Assert.Single(_logs.Entries, e => e.EventId == 3550);
        Assert.Equal("C-0001", logged["CaseId"]);
        Assert.DoesNotContain("Salek", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", logged.Message, StringComparison.Ordinal);
        Assert.Empty((await Service().RunOnceAsync(Opening.AddDays(200), CancellationToken.None)).Purged); // once only
    }

    [Fact]
    public async Task HeldCases_ResolvedOrOpen_AreUntouchedAfterYears()
    {
        await ResolveAsync("C-0001", Opening.AddHours(1));
        await _runtime.Store.RunAsync(db => Alarms.Sos(db, db.People.Find(_timur)!, Opening.AddHours(2), Opening.AddHours(2)));
        var before = (await CaseRecordsAsync("C-0001"), await CaseRecordsAsync("C-0002"));

        var round = await Service().RunOnceAsync(Opening.AddYears(10), CancellationToken.None);

        Assert.Empty(round.Purged);
        Assert.Equal(before, (await CaseRecordsAsync("C-0001"), await CaseRecordsAsync("C-0002")));
        Assert.True(_runtime.CaseKeys.Exists("C-0001") && _runtime.CaseKeys.Exists("C-0002"));
        Assert.DoesNotContain(_logs.Entries, e => e.EventId == 3550);
    }

    [Theory]
    [InlineData("Retention:CheckinDays", "0", "Retention:CheckinDays (0) must be 1 to 3650 days, e.g. 30.")]
    [InlineData("Retention:ReleasedCaseDays", "-5", "Retention:ReleasedCaseDays (-5) must be 1 to 36500 days, e.g. 90: a released case is purged that long after its release.")]
    public void RetentionSettings_OutOfRange_AreRefusedByName(string key, string value, string error)
    {
        var settings = BotSettings.Bind(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = "/var/lib/distressbot",
                ["Crypto:KeyringPath"] = "/etc/distressbot/keyring.json",
                [key] = value,
            }).Build(),
            _ => null);

        Assert.Equal([error], settings.Validate(SettingsUse.Admin));
    }

    private RetentionService Service() =>
        new(_runtime, _settings, _time, LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<RetentionService>());

    private Task<CaseActionResult> ResolveAsync(string caseId, DateTimeOffset at) =>
        _runtime.Store.RunAsync(db => CloseCase.Run(db, db.People.Find(_nina)!, caseId, CaseOutcome.Safe, "", at, (_, _) => { }));

    private Task SetAsideAsync(long updateId, DateTimeOffset at, string? senderId) =>
        _runtime.Store.RunAsync(db => db.Inbox.MoveToFailed(updateId, "{\"update_id\":" + updateId + "}", "boom", at, senderId));

    private Task<List<long>> SetAsideIdsAsync() =>
        _runtime.Records.ExecuteAsync(session => session.All(Collections.FailedUpdates).Select(r => long.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList());

    // Every stored record of the case, as bytes: equal means nothing of it changed.
    private Task<string> CaseRecordsAsync(string caseId) =>
        _runtime.Records.ExecuteAsync(session => string.Join('\n',
            new[] { Collections.Cases, Collections.CaseLog, Collections.CaseLogHeads, Collections.Checkpoints }
                .SelectMany(c => session.All(c))
                .Where(r => r.Id == caseId || r.Id.StartsWith(caseId + ":", StringComparison.Ordinal))
                .Select(r => r.Collection + "/" + r.Id + "=" + Convert.ToBase64String(r.Blob))));

    private Task<AdminResult> RunAsync(params string[] args) =>
        AdminCommands.ExecuteAsync(args, new AdminContext(_runtime, _settings.ToRules(), _time, new Dictionary<string, string>()), CancellationToken.None);

    // As the command line hands an admin command to the running bot: over the admin socket its AdminSocketServer serves.
    private async Task<AdminResult> RunningAsync(params string[] args)
    {
        using var server = new AdminSocketServer(
            _runtime,
            _settings.ToRules(),
            _time,
            new TransportClock(TimeProvider.System),
            new ReencryptionService(_runtime, NullLogger<ReencryptionService>.Instance),
            new CommandMenuSignal(),
            NullLogger<AdminSocketServer>.Instance);
        await server.StartAsync(CancellationToken.None);
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                // The server opens its socket on the thread pool after StartAsync: until then there is no socket to hand the command to.
                if (await AdminSocketClient.TryExecuteAsync(_settings.DataDirectory, args, CancellationToken.None) is { } result)
                {
                    return result;
                }

                Assert.True(DateTime.UtcNow < until, "The admin socket did not open.");
                await Task.Delay(20);
            }
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }
}
