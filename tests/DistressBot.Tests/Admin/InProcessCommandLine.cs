using DistressBot.Cli;

namespace DistressBot.Tests.Admin;

/// <summary>
/// Tests that call <see cref="CommandLine.RunAsync"/> in this process. It reads the process's environment, current folder and
/// console, so these tests run alone: xunit runs a collection that disables parallelization after all the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateGroup
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment, folder and console";
}

/// <summary>Runs the `distressbot` command line in process with only the environment a test gives it, as <c>EndToEnd.DistressbotProcess</c> runs the executable.</summary>
internal static class InProcessCommandLine
{
    // Variables the default locations and the log format follow; a test sets the ones it means (as DistressbotProcess strips them).
    private static readonly string[] Inherited = ["STATE_DIRECTORY", "CONFIGURATION_DIRECTORY", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "JOURNAL_STREAM", "CREDENTIALS_DIRECTORY", "HOME"];
    private static readonly SemaphoreSlim Alone = new(1, 1);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] args) =>
        RunInAsync(null, environment, args);

    /// <summary>Runs it with <paramref name="workingDirectory"/> as the current folder (null: leave it).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunInAsync(string? workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        await Alone.WaitAsync();
        var saved = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DISTRESSBOT_", StringComparison.Ordinal) || Inherited.Contains(k))
            .Concat(environment.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        var folder = Environment.CurrentDirectory;
        var (output, error) = (Console.Out, Console.Error);
        using var capturedOutput = new StringWriter();
        using var capturedError = new StringWriter();
        try
        {
            foreach (var key in saved.Keys)
            {
                Environment.SetEnvironmentVariable(key, environment.TryGetValue(key, out var value) ? value : null);
            }

            if (workingDirectory is not null)
            {
                Environment.CurrentDirectory = workingDirectory;
            }

            Console.SetOut(capturedOutput);
            Console.SetError(capturedError);
            var exitCode = await CommandLine.RunAsync(args);
            return (exitCode, capturedOutput.ToString(), capturedError.ToString());
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            Environment.CurrentDirectory = folder;
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            Alone.Release();
        }
    }
}
