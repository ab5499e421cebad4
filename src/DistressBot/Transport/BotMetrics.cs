using System.Diagnostics.Metrics;
using DistressBot.Domain;

namespace DistressBot.Transport;

/// <summary>The bot's counters on the one <see cref="Meter"/> named <see cref="MeterName"/> (docs/operations.md lists every instrument); tags are kinds and classes, never a person, chat, case or text.</summary>
/// <remarks>Made through the host's <see cref="IMeterFactory"/>, so each host (a test's too) has its own meter; the gauges are in Hosting/BotGauges.</remarks>
public sealed class BotMetrics
{
    /// <summary>The meter's name, for dotnet-counters (<c>--counters DistressBot</c>) and the OTLP exporter.</summary>
    public const string MeterName = "DistressBot";

    private readonly Counter<long> _checkins;
    private readonly Counter<long> _alarms;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _telegramErrors;

    /// <summary>Creates the counters on <paramref name="meters"/>' meter <see cref="MeterName"/>.</summary>
    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _checkins = Meter.CreateCounter<long>("distressbot.checkins", "{checkin}", "Check-ins recorded (a duress check-in counts as one, as the phone sees it)");
        _alarms = Meter.CreateCounter<long>("distressbot.alarms.opened", "{case}", "Alarms that opened a case, by kind");
        _sent = Meter.CreateCounter<long>("distressbot.messages.sent", "{message}", "Messages Telegram accepted, by priority (alarm = alerts)");
        _failed = Meter.CreateCounter<long>("distressbot.messages.failed", "{message}", "Sends that failed, by priority and outcome (retried, dropped)");
        _telegramErrors = Meter.CreateCounter<long>("distressbot.telegram.errors", "{error}", "Failed Bot API calls, by class (401, 403, 400, 429, 5xx, network, timeout) and call (poll, send)");
    }

    /// <summary>The meter (the gauges are added to it by Hosting).</summary>
    public Meter Meter { get; }

    /// <summary>One check-in recorded.</summary>
    public void CheckedIn() => _checkins.Add(1);

    /// <summary>An alarm opened a case of <paramref name="kind"/>.</summary>
    public void AlarmOpened(CaseTrigger kind) => _alarms.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    /// <summary>Telegram accepted a message of <paramref name="priority"/>.</summary>
    public void Sent(MessagePriority priority) => _sent.Add(1, new KeyValuePair<string, object?>("priority", Word(priority)));

    /// <summary>A send of <paramref name="priority"/> failed; <paramref name="dropped"/> when it will not be tried again.</summary>
    public void SendFailed(MessagePriority priority, bool dropped) =>
        _failed.Add(1, new KeyValuePair<string, object?>("priority", Word(priority)), new KeyValuePair<string, object?>("outcome", dropped ? "dropped" : "retried"));

    /// <summary>A Bot API call (<paramref name="call"/>: "poll" or "send") failed with <paramref name="errorClass"/>.</summary>
    public void TelegramError(TelegramErrorClass errorClass, string call) =>
        _telegramErrors.Add(1, new KeyValuePair<string, object?>("class", TelegramErrors.Word(errorClass)), new KeyValuePair<string, object?>("call", call));

    private static string Word(MessagePriority priority) => priority.ToString().ToLowerInvariant();
}
