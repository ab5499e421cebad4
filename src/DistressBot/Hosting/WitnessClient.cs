using System.Text;
using DistressBot.Evidence;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Submits signed checkpoints to a C2SP tlog-witness (POST …/add-checkpoint) and says what it answered; never throws for the witness's faults.</summary>
/// <remarks>Logs hold the outcome's kind and status only: never the URL (it may carry a secret) nor the checkpoint.</remarks>
public sealed partial class WitnessClient
{
    private readonly IHttpClientFactory _http;
    private readonly ILogger<WitnessClient> _logger;

    /// <summary>A client over the named <see cref="EvidenceClients.HttpClientName"/> HttpClient.</summary>
    public WitnessClient(IHttpClientFactory http, ILogger<WitnessClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    /// <summary>
    /// Sends <paramref name="note"/> (a signed checkpoint) with the consistency <paramref name="proof"/> from
    /// <paramref name="oldSize"/> (0 and no proof the first time) to the witness at submission prefix
    /// <paramref name="witness"/>: <see cref="WitnessCosigned"/> (verify it with <see cref="CosignatureVerifier.TryVerify"/>),
    /// <see cref="WitnessConflict"/> (resend from its size), or <see cref="WitnessFailed"/> (retry when transient).
    /// <see cref="ArgumentException"/>/<see cref="FormatException"/> only for a request no witness could take (see
    /// <see cref="WitnessProtocol.AddCheckpointBody"/>); <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires.
    /// </summary>
    public async Task<WitnessOutcome> AddCheckpointAsync(Uri witness, ulong oldSize, IReadOnlyList<byte[]> proof, string note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(witness);
        var body = WitnessProtocol.AddCheckpointBody(oldSize, proof, note);
        var outcome = await SendAsync(AddCheckpointUri(witness), body, oldSize, ct).ConfigureAwait(false);
        switch (outcome)
        {
            case WitnessCosigned:
                LogCosigned(_logger);
                break;
            case WitnessConflict:
                LogConflict(_logger);
                break;
            case WitnessFailed failed:
                LogFailed(_logger, failed.Kind, failed.Status, failed.Transient);
                break;
        }

        return outcome;
    }

    /// <summary>The add-checkpoint URL below a submission prefix, keeping its query.</summary>
    internal static Uri AddCheckpointUri(Uri prefix)
    {
        var builder = new UriBuilder(prefix);
        builder.Path = builder.Path.TrimEnd('/') + "/" + WitnessProtocol.AddCheckpointPath;
        return builder.Uri;
    }

    private async Task<WitnessOutcome> SendAsync(Uri url, string body, ulong oldSize, CancellationToken ct)
    {
        using var client = _http.CreateClient(EvidenceClients.HttpClientName);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        try
        {
            using var response = await client.PostAsync(url, content, ct).ConfigureAwait(false);
            var bytes = await EvidenceClients.ReadBodyAsync(response.Content, ct).ConfigureAwait(false);
            if (bytes is null)
            {
                return new WitnessFailed(WitnessFailureKind.BadResponse, (int)response.StatusCode, "The witness's answer is larger than any witness answer should be.");
            }

            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return new WitnessFailed(WitnessFailureKind.BadResponse, (int)response.StatusCode, "The witness's answer is not UTF-8 text.");
            }

            return WitnessProtocol.ReadResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, oldSize);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WitnessFailed(WitnessFailureKind.Timeout, null, $"The witness did not answer within {EvidenceClients.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may name the host; the words here do not.
            return new WitnessFailed(WitnessFailureKind.Network, null, $"The witness could not be reached ({ex.HttpRequestError}).");
        }
    }

    [LoggerMessage(EventId = 3510, Level = LogLevel.Debug, Message = "The witness cosigned a checkpoint")]
    private static partial void LogCosigned(ILogger logger);

    [LoggerMessage(EventId = 3511, Level = LogLevel.Information, Message = "The witness knows another size of the log; the checkpoint is to be sent again from that size")]
    private static partial void LogConflict(ILogger logger);

    [LoggerMessage(EventId = 3512, Level = LogLevel.Warning, Message = "The witness did not cosign ({Kind}, HTTP status {Status}, transient {Transient})")]
    private static partial void LogFailed(ILogger logger, WitnessFailureKind kind, int? status, bool transient);
}
