using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Writes Bot API answers: {"ok":true,"result":...} or {"ok":false,"error_code":N,"description":...}.</summary>
internal static class ApiAnswer
{
    /// <summary>200 with the result, already serialised as JSON.</summary>
    public static Task OkAsync(HttpResponse response, string resultJson)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        return response.WriteAsync("{\"ok\":true,\"result\":" + resultJson + "}", response.HttpContext.RequestAborted);
    }

    /// <summary>The error's status with Telegram's error body; 429 carries parameters.retry_after.</summary>
    public static async Task ErrorAsync(HttpResponse response, BotApiException error)
    {
        response.StatusCode = error.ErrorCode;
        response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps descriptions such as "can't parse" readable in raw answers; nothing here is embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", false);
            json.WriteNumber("error_code", error.ErrorCode);
            json.WriteString("description", error.Description);
            if (error.RetryAfterSeconds is { } retryAfter)
            {
                json.WriteStartObject("parameters");
                json.WriteNumber("retry_after", retryAfter);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.ToArray(), response.HttpContext.RequestAborted);
    }
}
