using System.Diagnostics;
using DistressBot.Cli;

namespace DistressBot.Tests.EndToEnd;

/// <summary>Runs the real `distressbot` executable as a child process with only the environment a test gives it.</summary>
internal static class DistressbotProcess
{
    // Variables the default locations and the log format follow; a test sets the ones it means.
    private static readonly string[] Inherited = ["STATE_DIRECTORY", "CONFIGURATION_DIRECTORY", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "JOURNAL_STREAM"];

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] args) =>
        RunInAsync(null, environment, args);

    /// <summary>Runs it in <paramref name="workingDirectory"/> (null: the test's own).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunInAsync(string? workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("DISTRESSBOT_", StringComparison.Ordinal) || k == "CREDENTIALS_DIRECTORY" || Inherited.Contains(k)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
