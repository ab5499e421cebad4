using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>The arguments of one Bot API call, read the same way whether they came as JSON, a form or the query string.</summary>
internal sealed class RequestArgs
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly Dictionary<string, UploadedFile> _files;

    private RequestArgs(Dictionary<string, JsonElement> values, Dictionary<string, UploadedFile> files)
    {
        _values = values;
        _files = files;
    }

    /// <summary>Reads the body and query; throws <see cref="BotApiException"/> (400) when the body cannot be parsed.</summary>
    public static async Task<RequestArgs> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = FromText(value.ToString());
        }

        // Parameterless calls (getMe) may come with no body at all, whatever their content type says.
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && request.HasJsonContentType())
        {
            await ReadJsonAsync(request, values, ct);
        }
        else if (hasBody && request.HasFormContentType)
        {
            await RefuseOverLimitAsync(request, ct);
            await ReadFormAsync(request, values, files, ct);
        }
        else if (hasBody)
        {
            throw new BotApiException(400, "Bad Request: unsupported content type; send JSON, a form or multipart");
        }

        return new RequestArgs(values, files);
    }

    /// <summary>True when the argument was given at all (even as null).</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>A string argument; numbers and booleans are given as their JSON text.</summary>
    public string? String(string name) => _values.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null
        ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
        : null;

    /// <summary>An integer argument, or null when absent; 400 when it is not an integer.</summary>
    public long? Long(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BotApiException(400, $"Bad Request: invalid {name} specified");
    }

    /// <summary>A 32-bit integer argument, or null when absent; 400 when out of range.</summary>
    public int? Int(string name) => Long(name) is { } value
        ? (value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new BotApiException(400, $"Bad Request: invalid {name} specified"))
        : null;

    /// <summary>A boolean argument; absent means false, as in the Bot API.</summary>
    public bool Bool(string name) => String(name) is { } text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>An argument that is itself JSON (reply_markup, message_ids): parsed from a string when sent as a form field.</summary>
    public JsonElement? Json(string name)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            return v;
        }

        try
        {
            using var doc = JsonDocument.Parse(v.GetString()!);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BotApiException(400, $"Bad Request: can't parse {name} JSON object");
        }
    }

    /// <summary>The chat_id argument as a number; 400 "chat not found" for @usernames, which the fake does not know.</summary>
    public long? ChatId()
    {
        var text = String("chat_id");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new BotApiException(400, "Bad Request: chat not found");
    }

    /// <summary>The chat_id argument, required; 400 "chat_id is empty" when missing, as Telegram says.</summary>
    public long RequiredChatId() => ChatId() ?? throw new BotApiException(400, "Bad Request: chat_id is empty");

    /// <summary>A file uploaded in a multipart part with this name.</summary>
    public UploadedFile? File(string partName) => _files.GetValueOrDefault(partName);

    /// <summary>The only uploaded file, when there is exactly one.</summary>
    public UploadedFile? SingleFile() => _files.Count == 1 ? _files.Values.First() : null;

    private static async Task ReadJsonAsync(HttpRequest request, Dictionary<string, JsonElement> values, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException ex)
        {
            throw new BotApiException(400, $"Bad Request: can't parse JSON object: {ex.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BotApiException(400, "Bad Request: JSON body must be an object");
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }
    }

    // Telegram's answer to an upload over its limit, given once the client has sent the whole body (as a proxy would).
    private static async Task RefuseOverLimitAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > KestrelHost.MaxRequestBodyBytes)
        {
            await request.Body.CopyToAsync(Stream.Null, ct);
            throw new BotApiException(413, "Request Entity Too Large");
        }
    }

    private static async Task ReadFormAsync(HttpRequest request, Dictionary<string, JsonElement> values, Dictionary<string, UploadedFile> files, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
        {
            throw new BotApiException(400, $"Bad Request: can't parse form body: {ex.Message}");
        }

        foreach (var (key, value) in form)
        {
            values[key] = FromText(value.ToString());
        }

        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            files[file.Name] = new UploadedFile(file.FileName, buffer.ToArray());
        }
    }

    // Form and query values are always text; holding them as JSON strings lets one reader serve every encoding.
    private static JsonElement FromText(string text) => JsonSerializer.SerializeToElement(text);
}

/// <summary>One file part of a multipart request.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);
