using Microsoft.Extensions.DependencyInjection;

namespace DistressBot.Hosting;

/// <summary>Registers the clients checkpoints leave the server by: <see cref="WitnessClient"/> and <see cref="TimestampClient"/>.</summary>
public static class EvidenceClients
{
    /// <summary>The named HttpClient both use: no request logging (a witness or TSA URL may carry a secret), 30 s timeout.</summary>
    public const string HttpClientName = "evidence";

    /// <summary>Longest wait for a witness or timestamp authority to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Largest answer body read: a witness's few lines or a token with its certificates fit well below.</summary>
    internal const int MaxAnswerBytes = 1 << 20;

    /// <summary>Adds the named client and both evidence clients as singletons.</summary>
    public static IServiceCollection AddEvidenceClients(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout).RemoveAllLoggers();
        services.AddSingleton<WitnessClient>();
        services.AddSingleton<TimestampClient>();
        return services;
    }

    /// <summary>The body as bytes, refusing more than <see cref="MaxAnswerBytes"/>; null when larger.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
