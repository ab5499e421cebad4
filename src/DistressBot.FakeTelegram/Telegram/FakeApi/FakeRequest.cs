namespace DistressBot.Telegram.FakeApi;

/// <summary>One Bot API call the fake received; <see cref="StatusCode"/> is 0 when the connection was dropped.</summary>
/// <param name="Method">Bot API method name as requested, such as "sendMessage".</param>
/// <param name="ChatId">The numeric chat_id argument, when the call had one.</param>
/// <param name="ReceivedAt">When it arrived, by the server's <see cref="FakeBotApiOptions.TransportTime"/>.</param>
/// <param name="StatusCode">HTTP status answered, or 0 for an aborted connection.</param>
public sealed record FakeRequest(string Method, long? ChatId, DateTimeOffset ReceivedAt, int StatusCode);
