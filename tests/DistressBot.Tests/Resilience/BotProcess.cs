using System.Diagnostics;
using DistressBot.Cli;

namespace DistressBot.Tests.Resilience;

/// <summary>One run of the real `distressbot run` executable as a child process: started, then killed (SIGKILL) or stopped (SIGTERM).</summary>
internal sealed class BotProcess : IDisposable
{
    private const int LogLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _log = new();

    private BotProcess(Process process, DateTimeOffset startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    /// <summary>When the child was started (wall clock).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When it was killed or stopped, once it was.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>True once the child ended without being told to: a crash or a refused start.</summary>
    public bool ExitedByItself => _process.HasExited && EndedAt is null;

    /// <summary>Starts `distressbot run` with only <paramref name="environment"/> among the DISTRESSBOT_* variables.</summary>
    public static BotProcess Start(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        start.ArgumentList.Add("run");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("DISTRESSBOT_", StringComparison.Ordinal) || k == "CREDENTIALS_DIRECTORY").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var startedAt = DateTimeOffset.UtcNow;
        var process = Process.Start(start)!;
        var bot = new BotProcess(process, startedAt);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return bot;
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer would end it; returns when the process is gone.</summary>
    public async Task KillAsync()
    {
        EndedAt ??= DateTimeOffset.UtcNow;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd stops it; waits for the graceful shutdown, then kills after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        EndedAt ??= DateTimeOffset.UtcNow;
        if (_process.HasExited)
        {
            return;
        }

        // The host stops on SIGTERM (as under systemd); `kill` sends it without unsafe interop.
        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>The child's exit code, once it exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the child wrote (stdout and stderr together), for failure messages.</summary>
    public string Tail()
    {
        lock (_log)
        {
            return string.Join('\n', _log);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLines)
            {
                _log.Dequeue();
            }
        }
    }
}
