using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using DistressBot.Hosting;
using DistressBot.Tests.EndToEnd;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Metrics;

namespace DistressBot.Tests.Health;

/// <summary>The DistressBot meter: its counters move in a journey of the real bot, its tags name kinds and classes only, and OTLP/HTTP export reaches a collector when Telemetry:OtlpEndpoint is set.</summary>
public sealed class MetricsTests
{
    // Every tag value a counter may carry: kinds, priorities, outcomes, error classes and calls; never a person, chat, case or text.
    private static readonly HashSet<string> TagWords =
    [
        "MissedCheckin", "Sos", "Duress", "MissingReport", "SubjectUnreachable", "Drill",
        "alarm", "reminder", "reply", "edit", "stranger", "retried", "dropped",
        "401", "403", "400", "429", "5xx", "timeout", "network", "poll", "send",
    ];

    [Fact]
    public async Task Journey_CheckinThenMissedDeadline_MovesTheCounters_AndTheGauges_WithoutPersonalData()
    {
        await using var s = await Scenario.StartAsync();
        var factory = s.Sandbox.Get<IMeterFactory>();
        var counted = new ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this bot's meter: other tests' hosts run in the same process with meters of the same name.
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == BotMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => counted.Enqueue((i.Name, v, tags.ToArray())));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => counted.Enqueue((i.Name, v, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => counted.Enqueue((i.Name, v, tags.ToArray())));
        listener.Start();

        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(105));
        await s.ExpectAsync(Scenario.Salek, "Напоминание");
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        s.Advance(TimeSpan.FromHours(3));
        await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        await s.QuietAsync();
        await s.Sandbox.Get<LiveStatus>().ReadAsync(CancellationToken.None); // the gauges' figures, as `status` reads them
        listener.RecordObservableInstruments();

        double Sum(string name, string? tag = null, string? value = null) =>
            counted.Where(c => c.Name == name && (tag is null || c.Tags.Any(t => t.Key == tag && (string?)t.Value == value))).Sum(c => c.Value);
        Assert.Equal(1, Sum("distressbot.checkins"));
        Assert.Equal(1, Sum("distressbot.alarms.opened", "kind", "MissedCheckin"));
        Assert.Equal(1, Sum("distressbot.alarms.opened"));
        Assert.True(Sum("distressbot.messages.sent", "priority", "alarm") >= 1);
        Assert.True(Sum("distressbot.messages.sent", "priority", "reply") >= 3);
        Assert.Equal(0, Sum("distressbot.messages.failed"));
        Assert.Equal(0, Sum("distressbot.telegram.errors"));
        Assert.Equal(1, counted.Last(c => c.Name == "distressbot.cases.open").Value);
        Assert.Equal(0, counted.Last(c => c.Name == "distressbot.outbox.length").Value);
        Assert.Equal(0, counted.Last(c => c.Name == "distressbot.scheduler.lag").Value);
        Assert.All(counted.SelectMany(c => c.Tags), t => Assert.Contains((string)t.Value!, TagWords));
    }

    [Fact]
    public async Task OtlpEndpointSet_MetricsArePostedAsProtobuf_ToV1Metrics_OnTheCollector()
    {
        var requests = new ConcurrentQueue<(string Path, string? ContentType, byte[] Body)>();
        await using var collector = await LoopbackServer.StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            requests.Enqueue((context.Request.Path.Value ?? "", context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = collector.BaseUrl.ToString() });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");

        Assert.True(s.Sandbox.Get<MeterProvider>().ForceFlush(10_000));

        // A gauge is in every export; a counter only once it moved, which for a sent message is just after Telegram answered.
        var request = requests.FirstOrDefault(r => Encoding.UTF8.GetString(r.Body).Contains("distressbot.outbox.length", StringComparison.Ordinal));
        Assert.True(request.Body is not null, $"{requests.Count} requests reached the collector, none with the outbox gauge: " + string.Join(", ", requests.Select(r => r.Path)));
        Assert.Equal("application/x-protobuf", request.ContentType);
        var text = Encoding.UTF8.GetString(request.Body);
        Assert.Contains(BotMetrics.MeterName, text, StringComparison.Ordinal);
        Assert.Contains("distressbot.cases.open", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", text, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal("/v1/metrics", r.Path));
    }

    [Fact]
    public async Task OtlpEndpointUnset_NoExporterIsRegistered()
    {
        await using var s = await Scenario.StartAsync();

        Assert.Null(s.Sandbox.Services.GetService(typeof(MeterProvider)));
    }
}
