using DistressBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Tests.Settings;

/// <summary>Health:HeartbeatUrl, Health's status limits and Telemetry:OtlpEndpoint are checked at start (`run`), each named with its fix.</summary>
public sealed class HealthAndTelemetrySettingsTests
{
    [Theory]
    [InlineData("ftp://monitor.example/ping", "'ftp'")]
    [InlineData("FTP://monitor.example:21/ping", "'ftp'")]
    public void Validate_HeartbeatUrlNotHttp_IsRefusedAtStart_WithoutRepeatingTheUrl(string url, string scheme)
    {
        var errors = Bind(("Health:HeartbeatUrl", url)).Validate(SettingsUse.Run);

        var error = Assert.Single(errors);
        Assert.StartsWith("Health:HeartbeatUrl uses " + scheme, error, StringComparison.Ordinal);
        Assert.Contains("only http:// and https://", error, StringComparison.Ordinal);
        Assert.DoesNotContain("monitor.example", error, StringComparison.Ordinal); // a heartbeat URL is often its own secret
    }

    [Theory]
    [InlineData("https://hc-ping.com/5f1d0c2e")]
    [InlineData("http://127.0.0.1:8080/ping")]
    public void Validate_HeartbeatUrlHttpOrHttps_IsAccepted(string url) =>
        Assert.Empty(Bind(("Health:HeartbeatUrl", url)).Validate(SettingsUse.Run));

    [Theory]
    [InlineData("ftp://collector:4318", "(it uses 'ftp')")]
    [InlineData("collector:4318", "(it uses 'collector')")]
    [InlineData("not a url", "e.g. http://127.0.0.1:4318;")]
    [InlineData("/v1/metrics", "(it uses 'file')")]
    public void Validate_OtlpEndpointNotAnAbsoluteHttpUrl_IsRefused_NamingTheSettingAndAnExample(string endpoint, string detail)
    {
        var error = Assert.Single(Bind(("Telemetry:OtlpEndpoint", endpoint)).Validate(SettingsUse.Run));

        Assert.StartsWith("Telemetry:OtlpEndpoint must be an absolute http:// or https:// URL", error, StringComparison.Ordinal);
        Assert.Contains(detail, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_Unset_ExportsNothing_AndSetToHttp_IsValid()
    {
        var unset = Bind();
        var set = Bind(("Telemetry:OtlpEndpoint", "http://127.0.0.1:4318"));

        Assert.Null(unset.Telemetry.Endpoint);
        Assert.Empty(set.Validate(SettingsUse.Run));
        Assert.Equal(new Uri("http://127.0.0.1:4318/v1/metrics"), OtlpExport.MetricsUri(set.Telemetry.Endpoint!));
        Assert.Equal(new Uri("http://collector/otlp/v1/metrics"), OtlpExport.MetricsUri(new Uri("http://collector/otlp/v1/metrics")));
    }

    [Fact]
    public void StatusLimits_DefaultsAndSettings_AreRead_AndNonPositiveIsRefused()
    {
        var defaults = StatusLimits.From(Bind());
        var set = StatusLimits.From(Bind(("Health:OutboxAgeLimit", "10m"), ("Health:SchedulerLagLimit", "30s")));
        var zero = Bind(("Health:SchedulerLagLimit", "0")).Validate(SettingsUse.Run);

        Assert.Equal(TimeSpan.FromMinutes(5), defaults.OutboxAge);
        Assert.Equal(TimeSpan.FromMinutes(2), defaults.SchedulerLag);
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.TelegramDown); // Telegram:OutageAlertAfter
        Assert.Equal(TimeSpan.FromMinutes(10), set.OutboxAge);
        Assert.Equal(TimeSpan.FromSeconds(30), set.SchedulerLag);
        Assert.Contains("Health:OutboxAgeLimit and Health:SchedulerLagLimit must be positive", Assert.Single(zero), StringComparison.Ordinal);
    }

    private static BotSettings Bind(params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = "/srv/distressbot",
            ["Crypto:KeyringPath"] = "/etc/distressbot/keyring.json",
            ["Telegram:BotToken"] = "123456:ABC",
        };
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        return BotSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(all).Build(), _ => null);
    }
}
