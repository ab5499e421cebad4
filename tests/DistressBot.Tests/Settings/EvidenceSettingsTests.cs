using DistressBot.Evidence;
using DistressBot.Hosting;
using Microsoft.Extensions.Configuration;
using NSec.Cryptography;

namespace DistressBot.Tests.Settings;

/// <summary>The Evidence section: where checkpoints go, each setting checked at start with its fix named.</summary>
public sealed class EvidenceSettingsTests
{
    private const string WitnessKey = "witness.example/w1+eb762cc2+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea";

    private static readonly Func<string, string?> Home = name => name == "HOME" ? "/home/admin" : null;

    [Fact]
    public void Unset_IsValid_AndNamesNoDestination()
    {
        var settings = Bind();

        Assert.DoesNotContain(settings.Validate(SettingsUse.Run), e => e.StartsWith("Evidence", StringComparison.Ordinal));
        Assert.Null(settings.Evidence.WitnessUri);
        Assert.Null(settings.Evidence.TimestampAuthorityUri);
        Assert.Null(settings.Evidence.WitnessVerifier());
        Assert.Null(settings.Evidence.PinnedAuthorityCertificate());
    }

    [Theory]
    [InlineData("https://witness.example/prefix/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://localhost:8080/")]
    public void WitnessUrl_HttpsOrLoopbackHttp_WithItsKey_IsValid(string url)
    {
        var settings = Bind(("Evidence:WitnessUrl", url), ("Evidence:WitnessKey", WitnessKey));

        Assert.Empty(settings.Validate(SettingsUse.Admin));
        Assert.Equal(new Uri(url), settings.Evidence.WitnessUri);
        Assert.Equal(WitnessKey, settings.Evidence.WitnessVerifier()!.ToString());
    }

    [Theory]
    [InlineData("http://witness.example/")]
    [InlineData("ftp://witness.example/")]
    [InlineData("witness.example")]
    public void WitnessUrl_PlainHttpOffLoopbackOrNotAUrl_IsRefused(string url)
    {
        var settings = Bind(("Evidence:WitnessUrl", url), ("Evidence:WitnessKey", WitnessKey));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.StartsWith("Evidence:WitnessUrl must be an absolute https URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WitnessUrl_WithoutItsKey_IsRefused()
    {
        var settings = Bind(("Evidence:WitnessUrl", "https://witness.example/"));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.StartsWith("Evidence:WitnessKey is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WitnessKey_ANoteKey_IsRefused_SayingAWitnessKeyHasType04()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var settings = Bind(("Evidence:WitnessUrl", "https://witness.example/"), ("Evidence:WitnessKey", new NoteSigner("witness.example", key).VerifierKey));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.StartsWith("Evidence:WitnessKey does not read", error, StringComparison.Ordinal);
        Assert.Contains("0x04", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://tsa.example/tsr")]
    [InlineData("https://tsa.example/tsr")]
    public void TimestampAuthorityUrl_HttpOrHttps_IsValid(string url)
    {
        var settings = Bind(("Evidence:TimestampAuthorityUrl", url));

        Assert.Empty(settings.Validate(SettingsUse.Admin));
        Assert.Equal(new Uri(url), settings.Evidence.TimestampAuthorityUri);
    }

    [Fact]
    public void TimestampAuthorityCertificate_NotAPemCertificate_IsRefused()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a certificate");
            var settings = Bind(("Evidence:TimestampAuthorityUrl", "https://tsa.example/tsr"), ("Evidence:TimestampAuthorityCertificate", file));

            var error = Assert.Single(settings.Validate(SettingsUse.Admin));

            Assert.StartsWith("Evidence:TimestampAuthorityCertificate", error, StringComparison.Ordinal);
            Assert.Contains("PEM", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
    public void WitnessDirectory_OpenToOthers_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("distressbot-witness-dir-").FullName;
        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var settings = Bind(("Evidence:WitnessDirectory", folder));

            var error = Assert.Single(settings.Validate(SettingsUse.Admin));

            Assert.Contains("chmod", error, StringComparison.Ordinal);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Assert.Empty(settings.Validate(SettingsUse.Admin));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static BotSettings Bind(params (string Key, string Value)[] values) =>
        BotSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(), Home);
}
