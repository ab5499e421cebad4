using Microsoft.AspNetCore.Http;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Serves POST /bot{token}/{method}: outage, token, method lookup, arguments, faults, blocks, then the method.</summary>
internal sealed class BotApiEndpoint(
    FakeBotApiOptions options,
    BotApiMethods methods,
    UpdateQueue updates,
    ChatBook chats,
    RequestLog log,
    FakeReachability reachability,
    FileBook files,
    CancellationToken stopping)
{
    private readonly RateLimiter? _limits = options.RateLimits is { } limits ? new RateLimiter(limits) : null;

    /// <summary>Handles one HTTP request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = options.TransportTime.GetUtcNow();
        if (context.Request.Path.Value is { } filePath && filePath.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await DownloadAsync(context, filePath, receivedAt);
            return;
        }

        var (token, method) = ParsePath(context.Request.Path.Value);
        var call = new Call(context, log, method ?? context.Request.Path.Value ?? "", receivedAt);
        if (!reachability.IsReachable)
        {
            call.Drop();
            return;
        }

        if (method is null || !(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsGet(context.Request.Method)))
        {
            await call.FailAsync(new BotApiException(404, "Not Found"));
            return;
        }

        if (options.TokenRevoked || !string.Equals(token, options.Token, StringComparison.Ordinal))
        {
            await call.FailAsync(new BotApiException(401, "Unauthorized"));
            return;
        }

        if (!methods.TryGet(method, out var handler))
        {
            await call.FailAsync(new BotApiException(404, "Not Found: method not found"));
            return;
        }

        if (method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase))
        {
            updates.NotePoll();
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping, reachability.OutageToken);
        try
        {
            var args = await RequestArgs.ReadAsync(context.Request, cts.Token);
            call.ChatId = args.ChatId();
            if (!await SurviveFaultsAsync(call, BotApiMethods.IsSending(method), cts.Token))
            {
                return;
            }

            if (call.ChatId is { } chatId)
            {
                chats.ThrowIfBlocked(chatId);
            }

            // Checked last, as Telegram counts only the sends it would otherwise accept.
            if (_limits is not null && BotApiMethods.IsSending(method) && _limits.TryAcquire(call.ChatId, receivedAt) is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                await call.FailAsync(new BotApiException(429, $"Too Many Requests: retry after {seconds}", seconds));
                return;
            }

            var result = await handler(args, cts.Token);
            if (!reachability.IsReachable)
            {
                call.Drop();
                return;
            }

            await call.SucceedAsync(result);
        }
        catch (BotApiException error)
        {
            await call.FailAsync(error);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // The client gave up, the server is stopping or an outage began: nobody is waiting for an answer.
            call.Drop();
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // A bug in the fake must read as a server error with a reason, not as a malformed answer.
            await call.FailAsync(new BotApiException(500, $"Internal Server Error: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    // GET /file/bot{token}/{file_path}: the bytes of a file getFile gave the path of, as Telegram's file server serves them.
    private async Task DownloadAsync(HttpContext context, string path, DateTimeOffset receivedAt)
    {
        var rest = path["/file/bot".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bytes = slash < 0 ? null : files.Read(rest[(slash + 1)..]);
        var status = !reachability.IsReachable ? 0
            : slash < 0 || !string.Equals(rest[..slash], options.Token, StringComparison.Ordinal) ? StatusCodes.Status401Unauthorized
            : bytes is null ? StatusCodes.Status404NotFound
            : StatusCodes.Status200OK;
        log.Add(new FakeRequest("file", null, receivedAt, status));
        if (status == 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        if (bytes is not null && status == StatusCodes.Status200OK)
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    // Returns false when the fault already answered (or dropped) the call.
    private async Task<bool> SurviveFaultsAsync(Call call, bool isSending, CancellationToken ct)
    {
        var fault = options.Faults.Decide(isSending);
        if (fault.Delay > TimeSpan.Zero)
        {
            // Wall-clock on purpose: the delay exists to run into the client's real HTTP timeout.
            await Task.Delay(fault.Delay, TimeProvider.System, ct);
        }

        switch (fault.Kind)
        {
            case FaultKind.Abort:
                call.Drop();
                return false;
            case FaultKind.TooManyRequests:
                await call.FailAsync(new BotApiException(429, $"Too Many Requests: retry after {fault.RetryAfterSeconds}", fault.RetryAfterSeconds));
                return false;
            case FaultKind.ServerError:
                await call.FailAsync(new BotApiException(502, "Bad Gateway"));
                return false;
            default:
                return true;
        }
    }

    // "/bot123:ABC/sendMessage" → ("123:ABC", "sendMessage"); anything else is not a Bot API path.
    private static (string? Token, string? Method) ParsePath(string? path)
    {
        if (path is null || !path.StartsWith("/bot", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var slash = path.IndexOf('/', 4);
        if (slash < 0 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0)
        {
            return (null, null);
        }

        return (path[4..slash], path[(slash + 1)..]);
    }

    /// <summary>One call being answered; logs its outcome just before the answer goes out, so a client never sees an unlogged answer.</summary>
    private sealed class Call(HttpContext context, RequestLog log, string method, DateTimeOffset receivedAt)
    {
        public long? ChatId { get; set; }

        public Task SucceedAsync(string resultJson)
        {
            log.Add(new FakeRequest(method, ChatId, receivedAt, StatusCodes.Status200OK));
            return ApiAnswer.OkAsync(context.Response, resultJson);
        }

        public Task FailAsync(BotApiException error)
        {
            log.Add(new FakeRequest(method, ChatId, receivedAt, error.ErrorCode));
            return ApiAnswer.ErrorAsync(context.Response, error);
        }

        public void Drop()
        {
            log.Add(new FakeRequest(method, ChatId, receivedAt, 0));
            context.Abort();
        }
    }
}
