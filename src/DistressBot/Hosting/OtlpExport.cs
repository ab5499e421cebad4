using DistressBot.Transport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace DistressBot.Hosting;

/// <summary>Exports the <see cref="BotMetrics.MeterName"/> meter over OTLP/HTTP (protobuf) when Telemetry:OtlpEndpoint is set; adds nothing when it is not.</summary>
public static class OtlpExport
{
    /// <summary>The path an OTLP/HTTP collector takes metrics at.</summary>
    public const string MetricsPath = "v1/metrics";

    /// <summary>Registers the exporter when <paramref name="telemetry"/> names an endpoint.</summary>
    public static void Add(IServiceCollection services, TelemetryOptions telemetry)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(telemetry);
        if (telemetry.Endpoint is not { } endpoint)
        {
            return;
        }

        var target = MetricsUri(endpoint);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = target;
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
            }));
    }

    /// <summary>The collector's metrics URL: <paramref name="endpoint"/> + /v1/metrics, unless it already ends so (set in code, the exporter takes the URL as it is).</summary>
    public static Uri MetricsUri(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var text = endpoint.AbsoluteUri.TrimEnd('/');
        return text.EndsWith("/" + MetricsPath, StringComparison.Ordinal) ? new Uri(text) : new Uri(text + "/" + MetricsPath);
    }
}
