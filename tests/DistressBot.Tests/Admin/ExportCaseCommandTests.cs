using DistressBot.Cli;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Tests.Admin;

/// <summary>`distressbot export-case`: the admin's bundle, written only into a new or empty folder outside the data directory; bad arguments change nothing.</summary>
public sealed class ExportCaseCommandTests : IAsyncLifetime
{
    private readonly InitializedData _data = InitializedData.Create("export", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private BotRuntime _runtime = null!;
    private readonly byte[] _levPrivateKey = SealedBundle.NewPrivateKey();

    public async Task InitializeAsync()
    {
        _runtime = await _data.OpenAsync();

        // Salek's SOS opens C-0001; Nina notes what she found.
        await _runtime.Store.RunAsync(db =>
        {
            var nina = DomainWorld.NewPerson(db.NewId("p"), Role.Coordinator, 1, "Nina", "UTC", _data.Time.GetUtcNow());
            var salek = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, 2, "Salek", "UTC", _data.Time.GetUtcNow());
            salek.Checkin = new CheckinState();
            salek.CoordinatorIds.Add(nina.Id);
            nina.SubjectIds.Add(salek.Id);
            db.People.Save(nina);
            db.People.Save(salek);

            // Lev registered his sealing key with /lawyerkey; Mira has none.
            var lev = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 3, "Lev", "UTC", _data.Time.GetUtcNow());
            lev.SealingKey = SealedBundle.PublicKeyOf(_levPrivateKey);
            db.People.Save(lev);
            db.People.Save(DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 4, "Mira", "UTC", _data.Time.GetUtcNow()));
            SubjectAlarms.Sos(db, salek, _data.Time.GetUtcNow(), _data.Time.GetUtcNow());
            AddCaseNote.Run(db, nina, "C-0001", "Дверь открыта", _data.Time.GetUtcNow());
        });
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ExportCase_WritesABundleThatVerifiesWithTheLogKey_AndLogsTheAdminsExport()
    {
        var target = Path.Combine(_data.Root, "out", "C-0001");

        var result = await RunAsync("export-case", "c-0001", "--out", target, "--lang", "ru");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(target + "\n", result.Output);
        Assert.Contains("Case C-0001: evidence bundle (", result.Error, StringComparison.Ordinal);
        var verdict = BundleVerifier.Verify(target, new BundleTrust(NoteVerifier.Parse(_runtime.Keyring.LogSigner.VerifierKey)));
        Assert.True(verdict.Verified, verdict.Describe(DistressBot.Localization.Language.En));
        Assert.EndsWith("\"kind\":\"exported\",\"at\":\"2026-11-02T09:00:00.000Z\",\"telegram_date\":null,\"actor\":{\"role\":\"admin\",\"alias\":null},\"person\":null,\"content\":null,\"message_id\":null,\"text\":null}\n", await File.ReadAllTextAsync(Path.Combine(target, "log.jsonl")), StringComparison.Ordinal);
        Assert.StartsWith("Пакет доказательств", await File.ReadAllTextAsync(Path.Combine(target, "README.txt")), StringComparison.Ordinal);
    }

    public static TheoryData<string[], int, string> Refusals => new()
    {
        { ["export-case", "C-0001"], 2, "Option '--out' is required." },
        { ["export-case", "--out", "x"], 2, "Required argument 'CASE' missing for command: 'export-case'." },
        { ["export-case", "C-0001", "--out", "x", "--later"], 2, "Unrecognized command or argument '--later'." },
        { ["export-case", "C-0001", "--out", "x", "--lang", "de"], 2, "--lang takes ru or en, not 'de'." },
        { ["export-case", "C-0001", "--out", "x", "--out", "y"], 2, "Option '--out' expects a single argument but 2 were provided." },
        { ["export-case", "C-0001", "--out"], 2, "Required argument missing for option: '--out'." },
        { ["export-case", "C-0001", "C-0002", "--out", "x"], 2, "Unrecognized command or argument 'C-0002'." },
        { ["export-case", "foo", "--out", "x"], 2, "'foo' is not a case number: case numbers read like C-0042." },
        { ["export-case", "C-0042", "--out", "x"], 1, "There is no case C-0042 (or it was purged). Nothing was exported." },
        { ["export-case", "C-0001", "--out", "x", "--redact", "photos"], 2, "--redact takes words among locations, notes, comma-separated, not 'photos'." },
        { ["export-case", "C-0001", "--out", "x", "--redact", ""], 2, "--redact takes words among locations, notes, comma-separated, not ''." },
        { ["export-case", "C-0001", "--out", "x", "--redact"], 2, "Required argument missing for option: '--redact'." },
        { ["export-case", "C-0001", "--out", "x", "--redact", "notes", "--redact", "locations"], 2, "Option '--redact' expects a single argument but 2 were provided." },
        { ["export-case", "C-0001", "--out", "x", "--seal-to"], 2, "Required argument missing for option: '--seal-to'." },
        { ["export-case", "C-0001", "--out", "x", "--seal-to", "Lev", "--seal-to", "Lev"], 2, "Option '--seal-to' expects a single argument but 2 were provided." },
        { ["export-case", "C-0001", "--out", "x", "--seal-to", "Nina"], 1, "No lawyer is called 'Nina' (distressbot people lists them). Nothing was exported." },
        { ["export-case", "C-0001", "--out", "x", "--seal-to", "mira"], 1, "Lawyer 'Mira' has registered no key" },
    };

    [Fact]
    public async Task ExportCase_SealedToALawyer_WritesOnlyTheSealedFile_WhichOpensWithTheirKeyAlone_AndVerifies()
    {
        var target = Path.Combine(_data.Root, "out", "sealed");

        var result = await RunAsync("export-case", "C-0001", "--out", target, "--seal-to", "lev");

        Assert.Equal(0, result.ExitCode);
        var sealedPath = Path.Combine(target, "C-0001-bundle.zip.sealed");
        Assert.Equal(sealedPath + "\n", result.Output);
        Assert.Contains($"sealed to lawyer 'Lev' (key fingerprint {SealedBundle.Fingerprint(SealedBundle.PublicKeyOf(_levPrivateKey))})", result.Error, StringComparison.Ordinal);
        Assert.Equal([sealedPath], Directory.GetFileSystemEntries(target)); // nothing plain beside it
        var sealedBytes = await File.ReadAllBytesAsync(sealedPath);
        Assert.False(SealedBundle.TryOpen(sealedBytes, SealedBundle.NewPrivateKey(), out var none, out _));
        Assert.Empty(none);
        Assert.True(SealedBundle.TryOpen(sealedBytes, _levPrivateKey, out var zip, out var problem), problem);
        var zipPath = Path.Combine(_data.Root, "opened.zip");
        await File.WriteAllBytesAsync(zipPath, zip);
        var verdict = BundleVerifier.Verify(zipPath, new BundleTrust(NoteVerifier.Parse(_runtime.Keyring.LogSigner.VerifierKey)));
        Assert.True(verdict.Verified, verdict.Describe(DistressBot.Localization.Language.En));
    }

    [Fact]
    public async Task ExportCase_WithRedactNotes_WritesABundleWithoutTheNote_ThatVerifies_AndLogsTheRedaction()
    {
        var target = Path.Combine(_data.Root, "out", "redacted");

        var result = await RunAsync("export-case", "C-0001", "--out", target, "--redact", "notes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(redacted: notes)", result.Error, StringComparison.Ordinal);
        var verdict = BundleVerifier.Verify(target, new BundleTrust(NoteVerifier.Parse(_runtime.Keyring.LogSigner.VerifierKey)));
        Assert.True(verdict.Verified, verdict.Describe(DistressBot.Localization.Language.En));
        Assert.Equal([CaseLogKinds.Note], verdict.Facts!.Redacted.Select(r => r.Kind));
        var log = await File.ReadAllTextAsync(Path.Combine(target, "log.jsonl"));
        Assert.DoesNotContain("Дверь открыта", log, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"redacted=notes\"", log, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ExportCase_WithBadArguments_IsRefused_AndLogsNoExport(string[] args, int exitCode, string says)
    {
        var before = await EntriesAsync();
        var relative = args.Select(a => a is "x" or "y" ? Path.Combine(_data.Root, "out", a) : a).ToArray();

        var result = await RunAsync(relative);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(says, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await EntriesAsync());
        Assert.False(Directory.Exists(Path.Combine(_data.Root, "out", "x"))); // not even an empty folder is left behind
    }

    [Fact]
    public async Task ExportCase_IntoAFolderThatHoldsFiles_OrIntoTheDataDirectory_EvenThroughALink_IsRefused_AndLogsNoExport()
    {
        var before = await EntriesAsync();
        var full = Directory.CreateDirectory(Path.Combine(_data.Root, "full")).FullName;
        await File.WriteAllTextAsync(Path.Combine(full, "keep.txt"), "mine");
        var link = Path.Combine(_data.Root, "link");
        Directory.CreateSymbolicLink(link, _data.Settings.DataDirectory);

        var notEmpty = await RunAsync("export-case", "C-0001", "--out", full);
        var inside = await RunAsync("export-case", "C-0001", "--out", Path.Combine(_data.Settings.DataDirectory, "bundle"));
        var throughLink = await RunAsync("export-case", "C-0001", "--out", Path.Combine(link, "bundle"));

        Assert.Equal((1, 2, 2), (notEmpty.ExitCode, inside.ExitCode, throughLink.ExitCode));
        Assert.Contains("is not empty", notEmpty.Error, StringComparison.Ordinal);
        Assert.Contains("is inside the data directory", throughLink.Error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFiles(full).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(_data.Settings.DataDirectory, "bundle")));
        Assert.Equal(before, await EntriesAsync());
    }

    [Fact]
    public async Task ExportCase_IntoAFolderThatCannotBeMade_SaysTheRunningBotWritesIt_AndWhere_AndLogsNoExport()
    {
        // A path under a file cannot be made by anyone (root included), as a folder outside the service's sandbox cannot.
        var before = await EntriesAsync();
        var file = Path.Combine(_data.Root, "a-file");
        await File.WriteAllTextAsync(file, "mine");
        var target = Path.Combine(file, "C-0001");

        var result = await RunAsync("export-case", "C-0001", "--out", target);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{target} cannot be made or written (", result.Error, StringComparison.Ordinal);
        Assert.Contains("While the bot runs, the bot itself writes this", result.Error, StringComparison.Ordinal);
        Assert.Contains("give a folder under /var/lib/distressbot-exports", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was exported.\n", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(file));
        Assert.Equal(before, await EntriesAsync());
    }

    private Task<AdminResult> RunAsync(params string[] args) =>
        AdminCommands.ExecuteAsync(args, new AdminContext(_runtime, _data.Settings.ToRules(), _data.Time, new Dictionary<string, string>()), CancellationToken.None);

    private Task<long> EntriesAsync() => _runtime.Store.RunAsync(db => db.CaseLog.Head("C-0001").Size);
}
