using System.Diagnostics;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using DistressBot.Tests.Storage.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DistressBot.Tests.Storage;

/// <summary>Durable write rates, printed for the report: DISTRESSBOT_MEASURE=1 dotnet test --filter Category=Measure --logger "console;verbosity=detailed".</summary>
[Trait("Category", "Measure")]
public sealed class LiteRecordStoreMeasurements(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [MeasureFact]
    public async Task DurableWrites_OneWriterThenFiftyWriters_PrintsRates()
    {
        await using var store = await LiteRecordStore.OpenAsync(_dir.Path, NullLogger.Instance, TimeProvider.System);
        var blob = new byte[300];

        var single = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var id = $"s{i:D5}";
            await store.ExecuteAsync(s => { s.Put(new StoredRecord("single", id, null, blob)); return 0; });
        }

        single.Stop();

        const int Writers = 50;
        const int PerWriter = 200;
        var group = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var id = $"g{w:D2}-{i:D4}";
                await store.ExecuteAsync(s => { s.Put(new StoredRecord("group", id, null, blob)); return 0; });
            }
        })));
        group.Stop();

        output.WriteLine($"single writer: {1000 / single.Elapsed.TotalSeconds:F0} durable writes/s");
        output.WriteLine($"{Writers} writers: {Writers * PerWriter / group.Elapsed.TotalSeconds:F0} durable writes/s");
    }
}
