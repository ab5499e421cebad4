using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Admin;

/// <summary>
/// The admin commands that touch the data, run in process against real files (LiteDB, keyring, case keys) as the running bot
/// or the stopped command line runs them: purge, key rotation and passphrase change, re-encryption resumed at start, policy.
/// </summary>
public sealed class AdminDataCommandsTests : IAsyncLifetime
{
    private readonly InitializedData _data = InitializedData.Create("admin-data", CaseChain.Opening);
    private BotRuntime _runtime = null!;


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
    public async Task CasesPurge_NeedsYes_ThenLeavesTheCaseUnreadableEvenFromAnOldCopy_AndFreesTheSubject()
    {
        var salek = await EnrolAsync();
        await _runtime.Store.RunAsync(db => Alarms.Sos(db, db.People.Find(salek)!, _data.Time.GetUtcNow(), _data.Time.GetUtcNow()));
        var old = await _runtime.Records.ExecuteAsync(session => session.Find(Collections.Cases, "C-0001"));
        Assert.NotNull(old);
        var address = new RecordAddress(Collections.Cases, "C-0001", Collections.DataField);
        Assert.NotEmpty(_runtime.Keyring.Cipher.Open(old.Blob, address));

        var refused = await AdminAsync("cases", "purge", "C-0001");
        Assert.Equal(2, refused.ExitCode);
        Assert.NotEmpty(_runtime.Keyring.Cipher.Open(old.Blob, address)); // refused: nothing destroyed
        var purged = await AdminAsync("cases", "purge", "C-0001", "--yes");
        var again = await AdminAsync("cases", "purge", "C-0001", "--yes");

        Assert.Equal(0, purged.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Throws<RecordIntegrityException>(() => _runtime.Keyring.Cipher.Open(old.Blob, address));
        Assert.Null(await _runtime.Records.ExecuteAsync(session => session.Find(Collections.Cases, "C-0001")));
        var next = await _runtime.Store.RunAsync(db => Alarms.Sos(db, db.People.Find(salek)!, _data.Time.GetUtcNow(), _data.Time.GetUtcNow()));
        Assert.Equal("C-0002", next.Id);
    }

    [Fact]
    public async Task KeysRotateNow_SaysTheNewKey_AndLeavesNothingUnderTheOldOne()
    {
        var salek = await EnrolAsync();

        var rotated = await AdminAsync("keys", "rotate", "--now");

        Assert.Equal(0, rotated.ExitCode);
        Assert.Equal("k2\n", rotated.Output);
        var status = (await AdminAsync("keys", "status")).Output;
        Assert.Contains("current data key: k2", status, StringComparison.Ordinal);
        Assert.Contains("records under older keys: 0", status, StringComparison.Ordinal);
        Assert.Equal("Salek", await _runtime.Store.RunAsync(db => db.People.Find(salek)!.Name));
    }

    [Fact]
    public async Task Rotation_InterruptedHalfWay_IsFinishedByThePassAtStart_AndEverythingStaysReadable()
    {
        var salek = await EnrolAsync();
        await EnrolAsync("Timur");
        await EnrolAsync("Anna");
        await EnrolAsync("Dana");
        _runtime.Keyring.Rotate();
        var fields = Collections.All.Select(c => (c, Collections.DataField)).ToList();
        Assert.Equal(2, await _runtime.Records.ExecuteAsync(session => RecordReencryptor.Reencrypt(session, _runtime.Keyring.Cipher, fields, 2)));
        await _runtime.DisposeAsync(); // the "crash": the rest is still under the old key
        _runtime = await _data.OpenAsync();
        Assert.DoesNotContain("records under older keys: 0", (await AdminAsync("keys", "status")).Output, StringComparison.Ordinal);

        var service = new ReencryptionService(_runtime, NullLogger<ReencryptionService>.Instance);
        var passed = service.PassCompleted.NextAsync();
        await service.StartAsync(CancellationToken.None);
        await passed.WaitAsync(TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        var status = (await AdminAsync("keys", "status")).Output;
        Assert.Contains("current data key: k2", status, StringComparison.Ordinal);
        Assert.Contains("records under older keys: 0", status, StringComparison.Ordinal);
        Assert.Equal(["Anna", "Dana", "Salek", "Timur"], await _runtime.Store.RunAsync(db => db.People.All().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()));
        Assert.Equal(TimeSpan.FromHours(12), await _runtime.Store.RunAsync(db => db.People.Find(salek)!.Checkin!.Schedule!.Every));
    }

    [Fact]
    public async Task KeysChangePassphrase_ToANewKeyFile_TheOldKeyFileNoLongerOpensTheKeyring()
    {
        var newKey = Path.Combine(_data.Root, "keys", "new-key");
        KeyFile.Create(newKey);
        var before = await File.ReadAllBytesAsync(_data.Settings.KeyringPath);

        var changed = await AdminAsync(new Dictionary<string, string> { [KeyCommands.NewKeyFile] = newKey }, "keys", "change-passphrase");

        Assert.Equal(0, changed.ExitCode);
        Assert.NotEqual(before, await File.ReadAllBytesAsync(_data.Settings.KeyringPath));
        using (var oldSecret = KeyEncryptionSecret.FromKeyFile(_data.KeyFilePath))
        {
            Assert.Throws<KeyringException>(() => Keyring.Open(_data.Settings.KeyringPath, oldSecret));
        }

        using var newSecret = KeyEncryptionSecret.FromKeyFile(newKey);
        using var reopened = Keyring.Open(_data.Settings.KeyringPath, newSecret);
        Assert.Equal("k1", reopened.CurrentKeyId);
    }

    [Fact]
    public async Task Policy_ForOneSubject_SaysTheTimingsNowInForce_AndLeavesOthersOnTheDeployments()
    {
        var salek = await EnrolAsync();
        var timur = await EnrolAsync("Timur");

        var policy = await AdminAsync("policy", "Salek", "--ack-timeout", "5m");

        Assert.Equal(0, policy.ExitCode);
        Assert.Equal("'Salek': level 2 after 5m, repeats every 10m, quiet acknowledgement reminded after 30m.\n", policy.Error);
        Assert.Equal(TimeSpan.FromMinutes(5), await _runtime.Store.RunAsync(db => db.People.Find(salek)!.Policy!.AcknowledgeTimeout));
        Assert.Null(await _runtime.Store.RunAsync(db => db.People.Find(timur)!.Policy));
    }

    [Fact]
    public async Task Cover_OnAndOffForOneSubject_IsStoredOnThem_OthersUntouched_AndWakesTheMenuUpdater()
    {
        var salek = await EnrolAsync();
        var timur = await EnrolAsync("Timur");
        var woken = 0;
        Task<AdminResult> Cover(params string[] args) =>
            AdminCommands.ExecuteAsync(args, new AdminContext(_runtime, _data.Settings.ToRules(), _data.Time, new Dictionary<string, string>(), AfterCoverChange: () => woken++), CancellationToken.None);

        var on = await Cover("cover", "Salek", "on");
        var stored = await _runtime.Store.RunAsync(db => (db.People.Find(salek)!.CoverWording, db.People.Find(timur)!.CoverWording));
        var again = await Cover("cover", "Salek", "on");
        var off = await Cover("cover", "Salek", "off");

        Assert.Equal((0, "'Salek': cover wording on. Their command menu follows when the bot runs.\n"), (on.ExitCode, on.Error));
        Assert.Equal((true, false), stored);
        Assert.Equal((0, "'Salek': cover wording was already on; nothing changed.\n"), (again.ExitCode, again.Error));
        Assert.Equal((0, "'Salek': cover wording off. Their command menu follows when the bot runs.\n"), (off.ExitCode, off.Error));
        Assert.False(await _runtime.Store.RunAsync(db => db.People.Find(salek)!.CoverWording));
        Assert.Equal(3, woken);
    }

    [Theory]
    [InlineData(2, "Required argument 'on|off' missing for command: 'cover'.", "cover", "Salek")]
    [InlineData(2, "cover takes on or off, not 'maybe'.", "cover", "Salek", "maybe")]
    [InlineData(1, "No subject is called 'Nobody'.", "cover", "Nobody", "on")]
    public async Task Cover_BadInput_IsRefusedWithWhatToDo_AndChangesNothing(int exitCode, string says, params string[] args)
    {
        var salek = await EnrolAsync();

        var result = await AdminAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith(says, result.Error, StringComparison.Ordinal);
        Assert.False(await _runtime.Store.RunAsync(db => db.People.Find(salek)!.CoverWording));
    }

    [Fact]
    public async Task Revoke_TheSubjectsLastCoordinator_ReportsTheCoverageGapInTheSameUnit_AndPeopleMarksTheSubjectUnreachable()
    {
        var log = new CapturingLogger<DomainEventLog>();
        _runtime.Store.Observer = new DomainEventLog(log);
        var salek = await EnrolAsync();
        var (nina, lev) = (await HelperAsync("Nina", Role.Coordinator, salek), await HelperAsync("Lev", Role.Lawyer, salek));
        var before = await AdminAsync("people");

        var revoked = await AdminAsync("revoke", "Nina", "--yes");
        var after = await AdminAsync("people");

        Assert.DoesNotContain("UNREACHABLE", before.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("WARNING: no coordinator left for 'Salek'", revoked.Error, StringComparison.Ordinal);
        Assert.Contains("subject\tSalek\tcoordinators: \tbackups: \tlawyers: Lev\tUNREACHABLE: no coordinator can reach them; assign one (distressbot assign coordinator NAME --subject Salek)\n", after.Output, StringComparison.Ordinal);
        var gap = Assert.Single(log.Entries, e => e.EventId == 3310);
        Assert.Equal(("1", "1"), (gap["Subjects"], gap["Told"])); // Lev, still in Salek's chain, is the one told
        var toLev = await _runtime.Store.RunAsync(db => db.Outbox.All().Where(m => m.PersonId == lev).ToList());
        Assert.Contains(toLev, m => m.Content?.Parts?.Any(p => p.Id == nameof(TextId.CoverageGap)) == true);
        Assert.Equal(_data.Time.GetUtcNow(), await _runtime.Store.RunAsync(db => db.People.Find(salek)!.CoverageGapReportedAt));
        Assert.Null(await _runtime.Store.RunAsync(db => db.People.Find(nina)));
    }

    [Fact]
    public async Task Revoke_ACoordinatorWhenAnotherRemains_ReportsNoGap_AndPeopleMarksNobody()
    {
        var log = new CapturingLogger<DomainEventLog>();
        _runtime.Store.Observer = new DomainEventLog(log);
        var salek = await EnrolAsync();
        await HelperAsync("Nina", Role.Coordinator, salek);
        await HelperAsync("Olga", Role.Coordinator, salek);

        var revoked = await AdminAsync("revoke", "Nina", "--yes");
        var after = await AdminAsync("people");

        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("subject\tSalek\tcoordinators: Olga\t", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UNREACHABLE", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.EventId == 3310);
    }

    // A coordinator (or lawyer) of the subject <paramref name="subject"/>; returns their id.
    private Task<string> HelperAsync(string name, Role role, string subject) => _runtime.Store.RunAsync(db =>
    {
        var person = DomainWorld.NewPerson(db.NewId("p"), role, name.Length * 1000 + name[0], name, "UTC", _data.Time.GetUtcNow());
        var of = db.People.Find(subject)!;
        if (role == Role.Lawyer)
        {
            of.LawyerIds.Add(person.Id);
        }
        else
        {
            of.CoordinatorIds.Add(person.Id);
            person.SubjectIds.Add(subject);
        }

        db.People.Save(person);
        db.People.Save(of);
        return person.Id;
    });

    // A subject with a 12-hour schedule, as enrolment leaves one; returns their id.
    private Task<string> EnrolAsync(string name = "Salek") => _runtime.Store.RunAsync(db =>
    {
        var person = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, name.Length * 1000 + 7, name, "UTC", _data.Time.GetUtcNow());
        person.Checkin = new CheckinState { Schedule = Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30)), ScheduleSetAt = _data.Time.GetUtcNow() };
        db.People.Save(person);
        return person.Id;
    });

    private Task<AdminResult> AdminAsync(params string[] args) => AdminAsync(new Dictionary<string, string>(), args);

    private Task<AdminResult> AdminAsync(IReadOnlyDictionary<string, string> secrets, params string[] args) =>
        AdminCommands.ExecuteAsync(args, new AdminContext(_runtime, _data.Settings.ToRules(), _data.Time, secrets), CancellationToken.None);
}
