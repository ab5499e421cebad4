using System.Runtime.Versioning;
using System.Security.Cryptography;
using DistressBot.Cli;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DocumentFormat.OpenXml.Packaging;

namespace DistressBot.Tests.Admin;

/// <summary>`distressbot draft` run in process against real files, as the running bot or the stopped command line runs it.</summary>
[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class DraftCommandTests : IAsyncLifetime
{
    private readonly InitializedData _data = InitializedData.Create("admin-draft", CaseChain.Opening);
    private BotRuntime _runtime = null!;


    private string Out => Path.Combine(_data.Root, "out", "draft.docx");

    public async Task InitializeAsync()
    {
        _runtime = await _data.OpenAsync();

        Directory.CreateDirectory(Path.Combine(_data.Root, "out"));
        await _runtime.Store.RunAsync(db =>
        {
            var salek = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, 7007, "Salek", "UTC", _data.Time.GetUtcNow());
            salek.Checkin = new CheckinState { Schedule = Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30)), ScheduleSetAt = _data.Time.GetUtcNow() };
            db.People.Save(salek);
            return Alarms.Sos(db, salek, _data.Time.GetUtcNow(), _data.Time.GetUtcNow());
        });
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Draft_OfACase_WritesAnOwnerOnlyDocx_AndLogsItAsTheAdminsWithItsHash()
    {
        var result = await AdminAsync("draft", "c-0001", "wgeid", "--out", Out, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Out + "\n", result.Output);
        var bytes = await File.ReadAllBytesAsync(Out);
        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Contains("DRAFT", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Out));
        var made = await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.Timeline[^1]);
        Assert.Equal((CaseEntryKind.DraftMade, true, "wgeid en sha256=" + Convert.ToHexStringLower(SHA256.HashData(bytes))), (made.Kind, made.ByAdmin, made.Detail));
    }

    [Theory]
    [InlineData("Required argument 'CASE' missing for command: 'draft'.", "draft")]
    [InlineData("Required argument 'police|wgeid|interim' missing for command: 'draft'.", "draft", "C-0001")]
    [InlineData("Option '--out' is required.", "draft", "C-0001", "wgeid")]
    [InlineData("'memo' is not a kind of draft", "draft", "C-0001", "memo", "--out", "OUT")]
    [InlineData("--lang takes ru or en, not 'de'", "draft", "C-0001", "wgeid", "--out", "OUT", "--lang", "de")]
    [InlineData("Required argument missing for option: '--out'.", "draft", "C-0001", "wgeid", "--out")]
    [InlineData("Option '--out' expects a single argument but 2 were provided.", "draft", "C-0001", "wgeid", "--out", "OUT", "--out", "OUT")]
    [InlineData("Unrecognized command or argument '--force'.", "draft", "C-0001", "wgeid", "--out", "OUT", "--force")]
    [InlineData("Unrecognized command or argument 'extra'.", "draft", "C-0001", "wgeid", "extra", "--out", "OUT")]
    [InlineData("'C-1' is not a case number: case numbers read like C-0042.", "draft", "C-1", "wgeid", "--out", "OUT")]
    public async Task Draft_BadArguments_Exit2_SayWhatIsMissing_AndWriteAndLogNothing(string says, params string[] args)
    {
        var before = await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.Timeline.Count);

        var result = await AdminAsync([.. args.Select(a => a == "OUT" ? Out : a)]);

        Assert.Equal(CommandLine.ExitUsage, result.ExitCode);
        Assert.Contains(says, result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was run. 'distressbot draft --help' shows how to call it.\n", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
        Assert.Equal(before, await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.Timeline.Count));
    }

    [Fact]
    public async Task Draft_IntoTheDataDirectory_Exit2_AndOverAnExistingFileOrForNoCase_Exit1_NothingOverwritten()
    {
        var inside = await AdminAsync("draft", "C-0001", "police", "--out", Path.Combine(_data.Settings.DataDirectory, "d.docx"));
        await File.WriteAllTextAsync(Out, "mine");
        var existing = await AdminAsync("draft", "C-0001", "police", "--out", Out);
        var noCase = await AdminAsync("draft", "C-0042", "police", "--out", Out + ".new");

        Assert.Equal((2, 1, 1), (inside.ExitCode, existing.ExitCode, noCase.ExitCode));
        Assert.Equal("mine", await File.ReadAllTextAsync(Out));
        Assert.Contains("There is no case C-0042", noCase.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out + ".new"));
        Assert.DoesNotContain(await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.Timeline), e => e.Kind == CaseEntryKind.DraftMade);
    }

    [Fact]
    public async Task Draft_IntoAFolderThatDoesNotExistYet_MakesItOwnerOnly()
    {
        var deeper = Path.Combine(_data.Root, "out", "new", "draft.docx");

        var result = await AdminAsync("draft", "C-0001", "wgeid", "--out", deeper);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(deeper));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(deeper)!));
    }

    [Fact]
    public async Task Draft_IntoAFolderThatCannotBeMade_SaysTheRunningBotWritesIt_AndWhere_AndLogsNoDraft()
    {
        var file = Path.Combine(_data.Root, "a-file");
        await File.WriteAllTextAsync(file, "mine");
        var target = Path.Combine(file, "draft.docx");

        var result = await AdminAsync("draft", "C-0001", "police", "--out", target);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{target} cannot be made (", result.Error, StringComparison.Ordinal);
        Assert.Contains("While the bot runs, the bot itself writes this", result.Error, StringComparison.Ordinal);
        Assert.Contains("give a folder under /var/lib/distressbot-exports", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(file));
        Assert.DoesNotContain(await _runtime.Store.RunAsync(db => db.Cases.Find("C-0001")!.Timeline), e => e.Kind == CaseEntryKind.DraftMade);
    }

    private Task<AdminResult> AdminAsync(params string[] args) =>
        AdminCommands.ExecuteAsync(args, new AdminContext(_runtime, _data.Settings.ToRules(), _data.Time, new Dictionary<string, string>()), CancellationToken.None);
}
