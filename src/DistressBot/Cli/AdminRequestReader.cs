using System.Text;

namespace DistressBot.Cli;

/// <summary>How reading an admin connection's request ended.</summary>
public enum AdminReadOutcome
{
    /// <summary>A whole request line arrived within the limits.</summary>
    Request,

    /// <summary>The other side closed before a whole line arrived.</summary>
    Closed,

    /// <summary>More than the allowed bytes came without a newline; the rest was not read.</summary>
    TooLarge,

    /// <summary>No whole line within the allowed time.</summary>
    TimedOut,
}

/// <summary>The request line read from an admin connection, or why there is none.</summary>
/// <param name="Outcome">How reading ended.</param>
/// <param name="Line">The request line without its newline, when <paramref name="Outcome"/> is <see cref="AdminReadOutcome.Request"/>.</param>
public readonly record struct AdminRead(AdminReadOutcome Outcome, string? Line = null);

/// <summary>Reads one request line from an admin connection, never more than a cap and never longer than a deadline.</summary>
public static class AdminRequestReader
{
    /// <summary>The largest request line the running bot accepts, in bytes (arguments and a new passphrase fit many times over).</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>How long a connection may take to send its whole request before it is closed.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads up to the first newline: at most <paramref name="maxBytes"/> + 1 bytes are ever read, and reading stops after <paramref name="timeout"/> by <paramref name="clock"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static async Task<AdminRead> ReadAsync(Stream stream, int maxBytes, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        using var deadline = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var buffer = new byte[Math.Min(4096, maxBytes + 1)];
        using var request = new MemoryStream();
        try
        {
            while (true)
            {
                // Never ask for more than one byte past the cap: that byte is enough to know the request is too large.
                var room = maxBytes - (int)request.Length + 1;
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, room)), linked.Token);
                if (read == 0)
                {
                    return new AdminRead(AdminReadOutcome.Closed);
                }

                var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
                request.Write(buffer, 0, newline < 0 ? read : newline);
                if (request.Length > maxBytes)
                {
                    return new AdminRead(AdminReadOutcome.TooLarge);
                }

                if (newline >= 0)
                {
                    return new AdminRead(AdminReadOutcome.Request, Encoding.UTF8.GetString(request.GetBuffer(), 0, (int)request.Length));
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new AdminRead(AdminReadOutcome.TimedOut);
        }
    }
}
