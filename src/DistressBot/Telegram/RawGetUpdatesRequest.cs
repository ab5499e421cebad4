using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;

namespace DistressBot.Telegram;

/// <summary>getUpdates returning each update as raw JSON, so one malformed update cannot block the batch and each can be stored before it is parsed.</summary>
public sealed class RawGetUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>First update id to return; earlier ones are confirmed to Telegram.</summary>
    [JsonPropertyName("offset")]
    public long? Offset { get; init; }

    /// <summary>At most this many updates.</summary>
    [JsonPropertyName("limit")]
    public int Limit { get; init; } = 100;

    /// <summary>Long-polling seconds.</summary>
    [JsonPropertyName("timeout")]
    public int Timeout { get; init; }

    /// <summary>Update kinds we handle.</summary>
    [JsonPropertyName("allowed_updates")]
    public IReadOnlyList<string> AllowedUpdates { get; init; } = ["message", "edited_message", "callback_query"];

    /// <inheritdoc/>
    public override HttpContent ToHttpContent() =>
        new StringContent(JsonSerializer.Serialize(new Payload(Offset, Limit, Timeout, AllowedUpdates), Json), System.Text.Encoding.UTF8, "application/json");

    private sealed record Payload(
        [property: JsonPropertyName("offset")] long? Offset,
        [property: JsonPropertyName("limit")] int Limit,
        [property: JsonPropertyName("timeout")] int Timeout,
        [property: JsonPropertyName("allowed_updates")] IReadOnlyList<string> AllowedUpdates);
}
