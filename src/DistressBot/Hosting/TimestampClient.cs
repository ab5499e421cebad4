using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using DistressBot.Evidence;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>What a timestamp authority gave: a token checked against the request and the bytes, or why not.</summary>
public abstract record TimestampOutcome;

/// <summary>A DER TimeStampToken for the bytes, checked (imprint, nonce, signature, pin), with its genTime and the TSA's subject name.</summary>
public sealed record TimestampGranted(byte[] Token, DateTimeOffset GenTime, string Authority) : TimestampOutcome;

/// <summary>No token: <paramref name="Kind"/> says why, <paramref name="Status"/> the HTTP status if one came, <paramref name="Message"/> in words (no URL).</summary>
public sealed record TimestampFailed(TimestampFailureKind Kind, int? Status, string Message) : TimestampOutcome
{
    /// <summary>True when asking again later may help (network, timeout, 5xx, 429, the authority busy).</summary>
    public bool Transient => Kind is TimestampFailureKind.Network or TimestampFailureKind.Timeout or TimestampFailureKind.ServerError
        or TimestampFailureKind.RateLimited or TimestampFailureKind.Busy;
}

/// <summary>Why a timestamp authority gave no token.</summary>
public enum TimestampFailureKind
{
    /// <summary>No answer: connection refused or reset, name not found, TLS failure. Transient.</summary>
    Network,

    /// <summary>No answer in time. Transient.</summary>
    Timeout,

    /// <summary>5xx. Transient.</summary>
    ServerError,

    /// <summary>429. Transient.</summary>
    RateLimited,

    /// <summary>PKIStatus waiting: the authority asks to be asked again. Transient.</summary>
    Busy,

    /// <summary>Another 4xx or other HTTP status. Permanent.</summary>
    Refused,

    /// <summary>PKIStatus rejection (or another refusal). Permanent.</summary>
    Rejected,

    /// <summary>A reply that does not decode, or a token whose imprint, nonce, signature or signer does not match. Permanent.</summary>
    BadReply,
}

/// <summary>Asks an RFC 3161 timestamp authority for a token on some bytes (a checkpoint note) and checks it before handing it back; never throws for the authority's faults.</summary>
/// <remarks>Logs hold the outcome's kind and status only: never the URL nor the bytes.</remarks>
public sealed partial class TimestampClient
{
    private readonly IHttpClientFactory _http;
    private readonly ILogger<TimestampClient> _logger;

    /// <summary>A client over the named <see cref="EvidenceClients.HttpClientName"/> HttpClient.</summary>
    public TimestampClient(IHttpClientFactory http, ILogger<TimestampClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    /// <summary>A checked token for SHA-256 of <paramref name="data"/> from the authority at <paramref name="tsa"/>, signed by any time-stamping certificate.</summary>
    public Task<TimestampOutcome> RequestAsync(Uri tsa, byte[] data, CancellationToken ct) => RequestAsync(tsa, data, null, ct);

    /// <summary>
    /// A token for SHA-256 of <paramref name="data"/> from the authority at <paramref name="tsa"/>, checked: HTTP 200, PKIStatus
    /// granted, nonce and imprint of this request, a valid signature, and (when <paramref name="pinned"/> is given) signed by that
    /// certificate or under it. <see cref="OperationCanceledException"/> only when <paramref name="ct"/> fires.
    /// </summary>
    public async Task<TimestampOutcome> RequestAsync(Uri tsa, byte[] data, X509Certificate2? pinned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tsa);
        ArgumentNullException.ThrowIfNull(data);
        var outcome = await SendAsync(tsa, data, pinned, ct).ConfigureAwait(false);
        if (outcome is TimestampFailed failed)
        {
            LogFailed(_logger, failed.Kind, failed.Status, failed.Transient);
        }
        else
        {
            LogGranted(_logger);
        }

        return outcome;
    }

    private async Task<TimestampOutcome> SendAsync(Uri tsa, byte[] data, X509Certificate2? pinned, CancellationToken ct)
    {
        var request = TimestampToken.CreateRequest(data);
        using var client = _http.CreateClient(EvidenceClients.HttpClientName);
        using var content = new ByteArrayContent(request.Encoded);
        content.Headers.ContentType = new MediaTypeHeaderValue(TimestampToken.RequestMediaType);
        try
        {
            using var response = await client.PostAsync(tsa, content, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status != 200)
            {
                var kind = status switch
                {
                    429 => TimestampFailureKind.RateLimited,
                    >= 500 and <= 599 => TimestampFailureKind.ServerError,
                    _ => TimestampFailureKind.Refused,
                };
                return new TimestampFailed(kind, status, $"The timestamp authority answered with status {status}.");
            }

            var reply = await EvidenceClients.ReadBodyAsync(response.Content, ct).ConfigureAwait(false);
            if (reply is null)
            {
                return new TimestampFailed(TimestampFailureKind.BadReply, status, "The timestamp authority's reply is larger than any token should be.");
            }

            return Check(request, reply, data, pinned, status);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TimestampFailed(TimestampFailureKind.Timeout, null, $"The timestamp authority did not answer within {EvidenceClients.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return new TimestampFailed(TimestampFailureKind.Network, null, $"The timestamp authority could not be reached ({ex.HttpRequestError}).");
        }
    }

    private static TimestampOutcome Check(TimestampRequest request, byte[] reply, byte[] data, X509Certificate2? pinned, int status)
    {
        byte[] token;
        try
        {
            token = TimestampToken.ReadReply(request, reply);
        }
        catch (TimestampReplyException ex)
        {
            var kind = ex.Problem switch
            {
                TimestampReplyProblem.Waiting => TimestampFailureKind.Busy,
                TimestampReplyProblem.Rejected => TimestampFailureKind.Rejected,
                _ => TimestampFailureKind.BadReply,
            };
            return new TimestampFailed(kind, status, ex.Message);
        }

        var check = TimestampToken.Verify(token, data, pinned);
        return check.IsValid
            ? new TimestampGranted(token, check.GenTime!.Value, check.Authority!)
            : new TimestampFailed(TimestampFailureKind.BadReply, status, check.Problem!);
    }

    [LoggerMessage(EventId = 3513, Level = LogLevel.Debug, Message = "The timestamp authority granted a token")]
    private static partial void LogGranted(ILogger logger);

    [LoggerMessage(EventId = 3514, Level = LogLevel.Warning, Message = "The timestamp authority gave no token ({Kind}, HTTP status {Status}, transient {Transient})")]
    private static partial void LogFailed(ILogger logger, TimestampFailureKind kind, int? status, bool transient);
}
