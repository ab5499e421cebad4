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
        File.WriteAllText(keyFile, bundle.Signer.VerifierKey + "\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)); // as a Windows editor saves it
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
    [InlineData("--witnesses", "x", "Unrecognized command or argument '--witnesses'.")]
    [InlineData("--keys", "x", "'--keys' was not matched. Did you mean one of the following?\n--key\n")]
    [InlineData("--witness-key", "not-a-key", "--witness-key not-a-key: neither a verifier key nor a file holding one")]
    [InlineData("--witness-key", null, "Required argument missing for option: '--witness-key'.")]
    [InlineData("--tsa-cert", "/nonexistent/tsa.crt", "--tsa-cert /nonexistent/tsa.crt: there is no such file.")]
    [InlineData("--checkpoint", "/nonexistent/kept.txt", "--checkpoint /nonexistent/kept.txt: there is no such file.")]
    [InlineData("--checkpoint", null, "Required argument missing for option: '--checkpoint'.")]
    [InlineData("--lang", "de", "--lang takes ru or en, not 'de'.")]
    [InlineData("--key", "not-a-key", "--key not-a-key: neither a verifier key nor a file holding one")]
    [InlineData("second-bundle", null, "Unrecognized command or argument 'second-bundle'.")]
    [InlineData("--lang", null, "Required argument missing for option: '--lang'.")]
    public async Task Verify_BadArguments_ExitTwo_SayingWhatIsWrong_AndCheckNothing(string extra, string? value, string message)
    {
        using var bundle = BundleFixture.Create();
        string[] args = value is null ? ["verify", bundle.Folder, extra] : ["verify", bundle.Folder, extra, value];

        var run = await Run(args);

        Assert.Equal(CommandLine.ExitUsage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("'distressbot verify --help' shows how to call it.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("--key", "junk text", CommandLine.ExitUsage, "--key junk text: neither a verifier key nor a file holding one")]
    [InlineData("--key", "{junk file}", CommandLine.ExitRefused, ": the file holds no verifier key")]
    [InlineData("--witness-key", "{junk file}", CommandLine.ExitRefused, ": the file holds no verifier key")]
    [InlineData("--checkpoint", "/nonexistent/kept.txt", CommandLine.ExitUsage, "--checkpoint /nonexistent/kept.txt: there is no such file.")]
    [InlineData("--checkpoint", "{junk file}", CommandLine.ExitRefused, "")]
    [InlineData("--tsa-cert", "/nonexistent/tsa.crt", CommandLine.ExitUsage, "--tsa-cert /nonexistent/tsa.crt: there is no such file.")]
    [InlineData("--tsa-cert", "{junk file}", CommandLine.ExitRefused, ": not a certificate in PEM")]
    public async Task Verify_ABadArgumentExits2_AFileThatIsThereButIsNotWhatItShouldBeExits1(string option, string value, int exitCode, string says)
    {
        using var bundle = BundleFixture.Create();
        var junk = bundle.Folder + "-junk.txt";
        File.WriteAllText(junk, "junk\n");
        try
        {
            var run = await Run("verify", bundle.Folder, option, value.Replace("{junk file}", junk, StringComparison.Ordinal));

            Assert.True(run.ExitCode == exitCode, run.Output + run.Error);
            Assert.Contains(says, run.Output + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("VERIFIED.", run.Output.Replace("NOT VERIFIED.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(junk);
        }
    }

    [Fact]
    public async Task Verify_WithoutAPath_OrWithAPathToNothing_ExitsTwo()
    {
        var none = await Run("verify");
        var nothing = await Run("verify", "/nonexistent/bundle.zip");

        Assert.Equal(CommandLine.ExitUsage, none.ExitCode);
        Assert.Contains("Required argument 'PATH' missing for command: 'verify'.", none.Error, StringComparison.Ordinal);
        Assert.Equal(CommandLine.ExitUsage, nothing.ExitCode);
        Assert.Contains("/nonexistent/bundle.zip names no folder or file.", nothing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsVerify_AndVerifysHelpNamesEveryOption()
    {
        var help = await Run("help");
        var verify = await Run("help", "verify");

        Assert.Contains("verify <PATH>", help.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--key <VKEY|FILE>", "--witness-key <VKEY|FILE>", "--tsa-cert <FILE>", "--checkpoint <FILE>", "--lang <ru|en>" })
        {
            Assert.Contains(option, verify.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_WithKeptCheckpoints_ExitsZeroWhenTheLogExtendsThem_AndOneWhenItWasRewritten()
    {
        using var bundle = BundleFixture.Create();
        var first = bundle.Folder + "-kept-3.txt";
        var second = bundle.Folder + "-kept-5.txt";
        File.WriteAllText(first, "Checkpoint of case C-0042's log: 3 entries.\n\n" + bundle.SignedCheckpoint(bundle.EntryBytes(), 3));
        File.WriteAllText(second, bundle.SignedCheckpoint(bundle.EntryBytes(), 5));
        try
        {
            var good = await Run("verify", bundle.Folder, "--checkpoint", first, "--checkpoint", second);
            var lines = bundle.LogLines();
            lines[0] = (bundle.Entries[0] with { Content = "Всё спокойно" }).ToString();
            bundle.WriteLog(lines);
            bundle.ResignLatestAndDropEarlier();
            var alone = await Run("verify", bundle.Folder);
            var rewritten = await Run("verify", bundle.Folder, "--checkpoint", first);

            Assert.True(good.ExitCode == 0, good.Output + good.Error);
            Assert.Contains($"The checkpoint you kept ({first}, size 3) is part of this log", good.Output, StringComparison.Ordinal);
            Assert.Contains($"The checkpoint you kept ({second}, size 5) is part of this log", good.Output, StringComparison.Ordinal);
            Assert.Equal(0, alone.ExitCode);
            Assert.Equal(CommandLine.ExitRefused, rewritten.ExitCode);
            Assert.Contains($"The checkpoint you kept ({first}) does not match this log: the log was rewritten after it: the first 3 entries no longer match", rewritten.Output, StringComparison.Ordinal);
            Assert.Equal("", rewritten.Error);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public async Task Verify_WithAWitnessKeyAndATsaCertificate_ChecksAgainstThem()
    {
        using var bundle = BundleFixture.Create();
        using var witness = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var witnessKey = Evidence.CosignatureTests.CosignatureKey("witness.test/w1", witness.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        var folder = bundle.PathOf(DistressBot.Evidence.Verification.BundleLayout.CheckpointFolder(0));
        var text = DistressBot.Evidence.SignedNote.Parse(bundle.FolderNote(0)).Text;
        File.WriteAllText(Path.Combine(folder, "cosignatures"), Evidence.CosignatureTests.Cosign(witness, "witness.test/w1", text, 1_800_000_000) + "\n");
        File.WriteAllText(Path.Combine(folder, "witness.vkey"), witnessKey + "\n");
        var keyFile = bundle.Folder + "-witness.vkey";
        var notACertificate = bundle.Folder + "-tsa.crt";
        File.WriteAllText(keyFile, witnessKey + "\n");
        File.WriteAllText(notACertificate, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        using var otherWitness = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var otherKey = Evidence.CosignatureTests.CosignatureKey("witness.test/w2", otherWitness.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        try
        {
            var pinned = await Run("verify", bundle.Folder, "--witness-key", keyFile);
            var other = await Run("verify", bundle.Folder, "--witness-key", otherKey);
            var badCertificate = await Run("verify", bundle.Folder, "--tsa-cert", notACertificate);
            using (var ecdsa = System.Security.Cryptography.ECDsa.Create())
            {
                using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Some TSA", ecdsa, System.Security.Cryptography.HashAlgorithmName.SHA256)
                    .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
                File.WriteAllText(notACertificate, certificate.ExportCertificatePem());
            }

            var pem = await Run("verify", bundle.Folder, "--tsa-cert", notACertificate);

            Assert.True(pinned.ExitCode == 0, pinned.Output + pinned.Error);
            Assert.Contains("checkpoints/000000: cosigned by the witness witness.test/w1 at 2027-01-15 08:00:00 UTC.", pinned.Output, StringComparison.Ordinal);
            Assert.Contains("The cosignatures are by the witness key you pinned.", pinned.Output, StringComparison.Ordinal);
            Assert.Equal(CommandLine.ExitRefused, other.ExitCode);
            Assert.Contains($"not the witness key you pinned ({otherKey})", other.Output, StringComparison.Ordinal);
            Assert.Equal(CommandLine.ExitRefused, badCertificate.ExitCode);
            Assert.Contains($"--tsa-cert {notACertificate}: not a certificate in PEM", badCertificate.Error, StringComparison.Ordinal);
            Assert.Equal("", badCertificate.Output);
            Assert.True(pem.ExitCode == 0, pem.Output + pem.Error);
            Assert.Contains("You pinned a timestamp authority's certificate, but no checkpoint in the bundle carries a timestamp token.", pem.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
            File.Delete(notACertificate);
        }
    }

    private static Task<(int ExitCode, string Output, string Error)> Run(params string[] args) =>
        InProcessCommandLine.RunAsync(new Dictionary<string, string> { ["LANG"] = "en_US.UTF-8" }, args);
}
