using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Cli;

/// <summary>One request on the admin socket, a single JSON line: the command line's words, the secrets it collected, and the admin's folder (relative paths count from it).</summary>
internal sealed record AdminRequest(string[] Args, Dictionary<string, string>? Secrets = null, string? WorkingDirectory = null);

/// <summary>Serves admin commands inside the running bot, so they never open the data file a second time.</summary>
/// <remarks>The data directory is 0700 and the socket 0600: only the bot's own user (and root) can connect.</remarks>
public sealed partial class AdminSocketServer(
    BotRuntime runtime,
    BotRules rules,
    TimeProvider time,
    TransportClock transport,
    ReencryptionService reencryption,
    CommandMenuSignal menus,
    ILogger<AdminSocketServer> logger,
    LiveStatus? live = null) : BackgroundService, IStartupReadiness
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _bound;

    /// <summary>Completes once the socket first listens: an admin command can be handed to the running bot from then on.</summary>
    public Task Ready => _listening.Task;

    /// <summary>Opens the socket before the host reports started, so an admin command right after the start (or READY=1) is served.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _bound = Bind();
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            // ExecuteAsync tries again with backoff: the bot runs on without its socket meanwhile.
            LogSocketFailed(ex.GetType().Name, ex.Message);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(Interlocked.Exchange(ref _bound, null) ?? Bind(), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Admin commands can still run with the bot stopped; losing the socket must never stop the bot.
                LogSocketFailed(ex.GetType().Name, ex.Message);
                await Task.Delay(backoff.Next(), transport.Time, stoppingToken);
            }
        }

        // Stopped before the listener bound at start was ever served.
        if (Interlocked.Exchange(ref _bound, null) is { } unused)
        {
            unused.Dispose();
            File.Delete(AdminSocketPath.For(runtime.Settings.DataDirectory));
        }
    }

    private Socket Bind()
    {
        var path = AdminSocketPath.For(runtime.Settings.DataDirectory);
        File.Delete(path); // a stale socket from a crash; we hold the directory lock, so it is not another live bot's
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            // Room for a burst of connections: a full backlog makes a Unix connect fail at once (EAGAIN), not wait.
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        LogListening();
        _listening.TrySetResult();
        return listener;
    }

    private async Task ListenAsync(Socket listener, CancellationToken stoppingToken)
    {
        using (listener)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var client = await listener.AcceptAsync(stoppingToken);
                    _ = ServeAsync(client, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            finally
            {
                File.Delete(AdminSocketPath.For(runtime.Settings.DataDirectory));
            }
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        AdminResult result;
        try
        {
            // Only reading the request is limited (size and time); a long command (rotate --now) runs to its end.
            var read = await AdminRequestReader.ReadAsync(
                stream, AdminRequestReader.MaxRequestBytes, AdminRequestReader.RequestTimeout, TimeProvider.System, stoppingToken);
            switch (read.Outcome)
            {
                case AdminReadOutcome.Closed:
                    return;
                case AdminReadOutcome.TooLarge:
                    LogRequestRefused(read.Outcome);
                    result = AdminResult.Usage($"The admin request is larger than {AdminRequestReader.MaxRequestBytes / 1024} KiB; nothing was run.");
                    break;
                case AdminReadOutcome.TimedOut:
                    LogRequestRefused(read.Outcome);
                    result = AdminResult.Usage($"No whole admin request arrived within {AdminRequestReader.RequestTimeout.TotalSeconds:0} s; the connection was closed and nothing was run.");
                    break;
                default:
                    // The same command tree as the command line: the same commands, refusals, output and exit codes.
                    var request = JsonSerializer.Deserialize<AdminRequest>(read.Line!);
                    var args = request?.Args ?? [];
                    var context = new AdminContext(runtime, rules, time, request?.Secrets ?? [], reencryption.Wake.Notify, menus.Notify, live);
                    (result, var command) = await AdminCommands.ExecuteNamedAsync(args, context, request?.WorkingDirectory is { } folder && Path.IsPathFullyQualified(folder) ? folder : null, stoppingToken);
                    LogServed(command, result.ExitCode);
                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or OperationCanceledException)
        {
            result = AdminResult.Fail("The admin request failed: " + ex.Message);
        }
        catch (Exception ex)
        {
            // Fire-and-forget handler: whatever else fails is logged (its type only: a message may hold a name or a path) and answered.
            LogCommandFailed(ex.GetType().Name);
            result = AdminResult.Fail($"The running bot could not run that admin command ({ex.GetType().Name}); nothing more is known here, see the bot's log.");
        }

        try
        {
            using var writeTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            writeTimeout.CancelAfter(AdminRequestReader.RequestTimeout);
            var answer = JsonSerializer.Serialize(result) + "\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), writeTimeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The admin's command went away; the command itself already ran or failed on its own.
        }
    }

    [LoggerMessage(EventId = 2502, Level = LogLevel.Error, Message = "Admin socket failed ({Kind}: {Reason}); retrying. Admin commands work meanwhile with the bot stopped")]
    private partial void LogSocketFailed(string kind, string reason);

    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "Admin socket listening")]
    private partial void LogListening();

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Admin command '{Command}' served, exit {ExitCode}")]
    private partial void LogServed(string command, int exitCode);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Error, Message = "Admin command failed with {Kind}; the admin was answered with a failure")]
    private partial void LogCommandFailed(string kind);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Admin socket refused a connection's request ({Outcome}); nothing was run")]
    private partial void LogRequestRefused(AdminReadOutcome outcome);
}

/// <summary>Hands an admin command to the running bot, if there is one.</summary>
public static class AdminSocketClient
{
    private const int BusyAttempts = 50;
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(100);

    /// <summary>The running bot's answer, or null when no bot is listening (then the caller opens the data itself).</summary>
    /// <param name="dataDirectory">The data directory the bot holds (its socket is there).</param>
    /// <param name="args">The command line's words, parsed again by the bot.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <param name="secrets">Secrets collected for the command (a new passphrase); never logged.</param>
    /// <param name="workingDirectory">The admin's folder, which relative paths count from; null: this process's current folder.</param>
    public static async Task<AdminResult?> TryExecuteAsync(
        string dataDirectory, IReadOnlyList<string> args, CancellationToken ct, IReadOnlyDictionary<string, string>? secrets = null, string? workingDirectory = null)
    {
        var path = AdminSocketPath.For(dataDirectory);
        if (!File.Exists(path))
        {
            return null;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.TryAgain)
            {
                // A live bot whose backlog is full: opening the data ourselves would only find it locked.
                if (attempt == BusyAttempts)
                {
                    return AdminResult.Fail("The running bot's admin socket is busy (too many connections waiting); try again in a moment.");
                }

                await Task.Delay(BusyPause, ct);
            }
            catch (SocketException)
            {
                return null; // a socket file left by a killed bot
            }
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var request = JsonSerializer.Serialize(new AdminRequest([.. args], secrets is null ? null : new Dictionary<string, string>(secrets), Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory))) + "\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(ct);
        return line is null
            ? AdminResult.Fail("The running bot closed the admin connection without an answer; see its log.")
            : JsonSerializer.Deserialize<AdminResult>(line) ?? AdminResult.Fail("The running bot sent an empty answer.");
    }
}
