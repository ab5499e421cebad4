using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.Hosting;

/// <summary>The evidence clients as the host registers them (AddEvidenceClients), with every log line captured.</summary>
internal sealed class EvidenceClientsHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly CapturingLoggerProvider _logs = new();

    public EvidenceClientsHarness()
    {
        _services = new ServiceCollection()
            .AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(_logs))
            .AddEvidenceClients()
            .BuildServiceProvider();
    }

    public WitnessClient Witness => _services.GetRequiredService<WitnessClient>();

    public TimestampClient Timestamps => _services.GetRequiredService<TimestampClient>();

    /// <summary>Every captured log line, message and values.</summary>
    public IReadOnlyList<CapturedLog> Logs => [.. _logs.Entries];

    public void Dispose() => _services.Dispose();
}
