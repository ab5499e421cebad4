using DistressBot.Cli;
using DistressBot.Tests.Evidence.Verification;

namespace DistressBot.Tests.Admin;

/// <summary>`distressbot verify` through the real command line: exit 0 verified, 1 a problem named, 2 bad arguments; it never touches settings or data.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_AGoodBundle_ExitsZero_WithoutReadingSettingsOrMakingTheDataDirectory()
    {
        using var bundle = BundleFixture.Create();
        var data = Path.Combine(bundle.Folder + "-data", "nested");
        var brokenSettings = bundle.Folder + "-settings.json";
        File.WriteAllText(brokenSettings, "{ this is not json");
        try
        {
            var run = await InProcessCommandLine.RunAsync(
                new Dictionary<string, string> { ["DISTRESSBOT_Storage__DataDirectory"] = data, ["DISTRESSBOT_CONFIG"] = brokenSettings, ["LANG"] = "C.UTF-8" },
                "verify",
                bundle.Zip());

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.StartsWith("VERIFIED", run.Output, StringComparison.Ordinal);
            Assert.Equal("", run.Error);
            Assert.False(Directory.Exists(data));
            Assert.False(Directory.Exists(bundle.Folder + "-data"));
        }
        finally
        {
            File.Delete(brokenSettings);
        }
    }

    [Fact]
    public async Task Verify_AChangedBundle_ExitsOne_NamingTheProblemInTheReadersLanguage()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        lines.RemoveAt(1);
        bundle.WriteLog(lines);

        var russian = await InProcessCommandLine.RunAsync(new Dictionary<string, string> { ["LANG"] = "ru_RU.UTF-8" }, "verify", bundle.Folder);
        var english = await InProcessCommandLine.RunAsync(new Dictionary<string, string> { ["LANG"] = "ru_RU.UTF-8" }, "verify", "--lang", "en", bundle.Folder);

        Assert.Equal(CommandLine.ExitRefused, russian.ExitCode);
        Assert.Equal("ПРОВЕРКА НЕ ПРОЙДЕНА.\nВ строке 2 log.jsonl стоит запись 2, а должна стоять запись 1: запись удалена, добавлена или переставлена.\n", russian.Output);
        Assert.Equal(CommandLine.ExitRefused, english.ExitCode);
        Assert.Equal("NOT VERIFIED.\nLine 2 of log.jsonl holds entry 2 where entry 1 belongs: an entry was removed, added or moved.\n", english.Output);
    }

    [Fact]
    public async Task Verify_WithThePinnedKeyAsAFileOrAsText_Passes_AndWithAnotherKeyFails()
    {
        using var bundle = BundleFixture.Create();
        using var other = BundleFixture.Create();
        var keyFile = bundle.Folder + "-pinned.vkey";
        File.WriteAllText(keyFile, bundle.Signer.VerifierKey + "\n");
        try
        {
            var fromFile = await Run("verify", bundle.Folder, "--key", keyFile);
            var fromText = await Run("verify", "--key", bundle.Signer.VerifierKey, bundle.Folder);
            var wrongKey = await Run("verify", bundle.Folder, "--key", other.Signer.VerifierKey);

            Assert.True(fromFile.ExitCode == 0, fromFile.Output + fromFile.Error);
            Assert.Contains("The key is the one you pinned.", fromFile.Output, StringComparison.Ordinal);
            Assert.Equal(0, fromText.ExitCode);
            Assert.Equal(CommandLine.ExitRefused, wrongKey.ExitCode);
            Assert.Contains("not with the key you pinned (" + other.Signer.VerifierKey + ")", wrongKey.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Theory]
    [InlineData("--witness-key", "x", "Unknown option '--witness-key'.")]
    [InlineData("--keys", "x", "Unknown option '--keys'.")]
    [InlineData("--lang", "de", "--lang takes ru or en, not 'de'.")]
    [InlineData("--key", "not-a-key", "--key not-a-key: neither a verifier key nor a file holding one")]
    [InlineData("second-bundle", null, "One bundle at a time: 'second-bundle' is one argument too many.")]
    [InlineData("--lang", null, "--lang needs a value.")]
    public async Task Verify_BadArguments_ExitTwo_SayingWhatIsWrong_AndCheckNothing(string extra, string? value, string message)
    {
        using var bundle = BundleFixture.Create();
        string[] args = value is null ? ["verify", bundle.Folder, extra] : ["verify", bundle.Folder, extra, value];

        var run = await Run(args);

        Assert.Equal(CommandLine.ExitUsage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains(VerifyCommand.Usage, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Verify_WithoutAPath_OrWithAPathToNothing_ExitsTwo()
    {
        var none = await Run("verify");
        var nothing = await Run("verify", "/nonexistent/bundle.zip");

        Assert.Equal(CommandLine.ExitUsage, none.ExitCode);
        Assert.Contains("Name the bundle to check.", none.Error, StringComparison.Ordinal);
        Assert.Equal(CommandLine.ExitUsage, nothing.ExitCode);
        Assert.Contains("/nonexistent/bundle.zip names no folder or file.", nothing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsVerify()
    {
        var help = await Run("help");

        Assert.Contains("verify PATH [--key VKEY|FILE] [--lang ru|en]", help.Output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> Run(params string[] args) =>
        InProcessCommandLine.RunAsync(new Dictionary<string, string> { ["LANG"] = "en_US.UTF-8" }, args);
}
