using DistressBot.Cli;
using DistressBot.Evidence;
using DistressBot.Tests.Evidence.Verification;

namespace DistressBot.Tests.Admin;

/// <summary>`distressbot lawyer-key` and `distressbot open` through the real command line: no settings or data read; 0 done, 1 does not open (nothing written), 2 bad arguments.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class OpenCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("distressbot-open-").FullName;
    private readonly Dictionary<string, string> _environment;

    public OpenCommandTests()
    {
        var brokenSettings = Path.Combine(_folder, "settings.json");
        File.WriteAllText(brokenSettings, "{ this is not json");
        _environment = new() { ["DISTRESSBOT_CONFIG"] = brokenSettings, ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(_folder, "data"), ["LANG"] = "C.UTF-8" };
    }

    [Fact]
    public async Task LawyerKey_ThenOpen_WritesTheZip_WhichVerifies_WithoutSettingsOrData()
    {
        using var bundle = BundleFixture.Create();
        var keyFile = Path.Combine(_folder, "lawyer.key");

        var made = await InProcessCommandLine.RunAsync(_environment, "lawyer-key", "--out", keyFile);

        Assert.True(made.ExitCode == 0, made.Output + made.Error);
        Assert.StartsWith("/lawyerkey ", made.Output, StringComparison.Ordinal);
        var publicKey = Convert.FromBase64String(made.Output["/lawyerkey ".Length..].Trim());
        Assert.Contains(SealedBundle.Fingerprint(publicKey), made.Error, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        var zip = File.ReadAllBytes(bundle.Zip());
        var sealedFile = Path.Combine(_folder, "C-0042-bundle.zip.sealed");
        File.WriteAllBytes(sealedFile, SealedBundle.Seal(zip, publicKey));
        var target = Path.Combine(_folder, "opened.zip");

        var opened = await InProcessCommandLine.RunAsync(_environment, "open", sealedFile, "--key", keyFile, "--out", target);

        Assert.True(opened.ExitCode == 0, opened.Output + opened.Error);
        Assert.Equal(zip, File.ReadAllBytes(target));
        var verified = await InProcessCommandLine.RunAsync(_environment, "verify", target);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task Open_WithAnotherKey_OrAChangedOrCutFile_ExitsOne_AndWritesNothing()
    {
        var theirs = await NewKey("theirs.key");
        var mine = await NewKey("mine.key");
        var sealedBytes = SealedBundle.Seal("PK a zip"u8, theirs.PublicKey);
        var changed = (byte[])sealedBytes.Clone();
        changed[^3] ^= 0x40;
        var cases = new (string Name, byte[] Bytes, string Key, string Says)[]
        {
            ("other-key.sealed", sealedBytes, mine.File, "does not open with this key"),
            ("changed.sealed", changed, theirs.File, "does not open with this key"),
            ("cut.sealed", sealedBytes[..40], theirs.File, "cut short"),
        };

        foreach (var (name, bytes, key, says) in cases)
        {
            var file = Path.Combine(_folder, name);
            File.WriteAllBytes(file, bytes);
            var target = Path.Combine(_folder, name + ".zip");

            var run = await InProcessCommandLine.RunAsync(_environment, "open", file, "--key", key, "--out", target);

            Assert.Equal(CommandLine.ExitRefused, run.ExitCode);
            Assert.Contains(says, run.Error, StringComparison.Ordinal);
            Assert.Contains("Nothing was written", run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(target), name);
        }
    }

    [Fact]
    public async Task Open_AndLawyerKey_WithBadArguments_ExitTwo_AndAFileThatIsThereButWrong_ExitOne_AndWriteNothing()
    {
        var key = await NewKey("lawyer.key");
        var sealedFile = Path.Combine(_folder, "b.sealed");
        File.WriteAllBytes(sealedFile, SealedBundle.Seal("PK"u8, key.PublicKey));
        var notAKey = Path.Combine(_folder, "not.key");
        File.WriteAllText(notAKey, "hello");
        var target = Path.Combine(_folder, "out.zip");
        var missingFolder = Path.Combine(_folder, "missing", "dir");

        (int ExitCode, string[] Args)[] bad =
        [
            (CommandLine.ExitUsage, ["open"]),
            (CommandLine.ExitUsage, ["open", sealedFile, "--key", key.File]),
            (CommandLine.ExitUsage, ["open", sealedFile, "--out", target]),
            (CommandLine.ExitUsage, ["open", Path.Combine(_folder, "missing.sealed"), "--key", key.File, "--out", target]),
            (CommandLine.ExitUsage, ["open", sealedFile, "--key", Path.Combine(_folder, "missing.key"), "--out", target]),
            (CommandLine.ExitUsage, ["open", sealedFile, "--key", key.File, "--out", target, "--lang", "ru"]),
            (CommandLine.ExitUsage, ["lawyer-key"]),
            (CommandLine.ExitUsage, ["lawyer-key", "--out", target, "extra"]),

            // A folder named for the new file that is not there is a named path that is not there: 2, as a missing input file is.
            (CommandLine.ExitUsage, ["lawyer-key", "--out", Path.Combine(missingFolder, "k.key")]),
            (CommandLine.ExitUsage, ["open", sealedFile, "--key", key.File, "--out", Path.Combine(missingFolder, "out.zip")]),

            // A file that is there but is not what it should be, and a target that exists: refused, with the reason.
            (CommandLine.ExitRefused, ["open", sealedFile, "--key", notAKey, "--out", target]),
            (CommandLine.ExitRefused, ["open", sealedFile, "--key", key.File, "--out", key.File]),
            (CommandLine.ExitRefused, ["lawyer-key", "--out", key.File]),
        ];
        var keyBefore = File.ReadAllText(key.File);

        foreach (var (exitCode, args) in bad)
        {
            var run = await InProcessCommandLine.RunAsync(_environment, args);

            Assert.True(run.ExitCode == exitCode, string.Join(' ', args) + ": " + run.Error);
            Assert.Contains(exitCode == CommandLine.ExitUsage ? $"'distressbot {args[0]} --help' shows how to call it." : "Nothing was written.", run.Error, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
            Assert.False(File.Exists(target), string.Join(' ', args));
        }

        Assert.Equal(keyBefore, File.ReadAllText(key.File));
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing"))); // the missing folder was named, never made
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(string File, byte[] PublicKey)> NewKey(string name)
    {
        var file = Path.Combine(_folder, name);
        var run = await InProcessCommandLine.RunAsync(_environment, "lawyer-key", "--out", file);
        Assert.Equal(0, run.ExitCode);
        return (file, Convert.FromBase64String(run.Output["/lawyerkey ".Length..].Trim()));
    }
}
