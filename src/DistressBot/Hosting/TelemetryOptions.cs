namespace DistressBot.Hosting;

/// <summary>Where metrics go beyond dotnet-counters (section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    /// <summary>An OpenTelemetry collector's OTLP/HTTP base (e.g. http://127.0.0.1:4318); metrics are POSTed to …/v1/metrics. Empty: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The endpoint as an absolute http(s) URI, or null when unset.</summary>
    public Uri? Endpoint => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint, UriKind.Absolute);

    /// <summary>Adds to <paramref name="errors"/> what is wrong with the section, naming the setting and its fix.</summary>
    public void Validate(List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !BotSettings.IsHttpUrl(OtlpEndpoint, out var scheme))
        {
            errors.Add($"Telemetry:OtlpEndpoint must be an absolute http:// or https:// URL of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318{(scheme is null ? "" : $" (it uses '{scheme}')")}; leave it empty for no export.");
        }
    }
}
