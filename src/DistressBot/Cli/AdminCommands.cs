using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>What an admin command printed and its exit code; the same whether it ran in the bot's process or in its own.</summary>
/// <param name="ExitCode">0 on success.</param>
/// <param name="Output">Standard output: only the result scripts capture (an enrollment code).</param>
/// <param name="Error">Standard error: explanations and errors.</param>
public sealed record AdminResult(int ExitCode, string Output, string Error)
{
    /// <summary>A usage or input error (exit 2).</summary>
    public static AdminResult Usage(string message) => new(2, "", message + "\n");

    /// <summary>A refusal (exit 1).</summary>
    public static AdminResult Fail(string message) => new(1, "", message + "\n");

    /// <summary>Writes <see cref="Output"/> and <see cref="Error"/> where <paramref name="parse"/> prints; returns <see cref="ExitCode"/>.</summary>
    internal async Task<int> PrintAsync(System.CommandLine.ParseResult parse, CancellationToken ct)
    {
        await parse.InvocationConfiguration.Output.WriteAsync(Output.AsMemory(), ct);
        await parse.InvocationConfiguration.Error.WriteAsync(Error.AsMemory(), ct);
        return ExitCode;
    }
}

/// <summary>What an admin command runs against: the opened data of the one process that owns the data directory.</summary>
/// <param name="Runtime">Opened keyring, case keys and store.</param>
/// <param name="Rules">Validated domain settings.</param>
/// <param name="Time">The clock.</param>
/// <param name="Secrets">Secrets the command line collected for this command (a new passphrase); never logged.</param>
/// <param name="AfterRotation">Wakes background re-encryption after a rotation, when the bot runs.</param>
/// <param name="AfterCoverChange">Wakes the command-menu updater after a subject's wording changed, when the bot runs.</param>
/// <param name="Live">The running bot's health figures (`status`); null with the bot stopped.</param>
public sealed record AdminContext(
    BotRuntime Runtime,
    BotRules Rules,
    TimeProvider Time,
    IReadOnlyDictionary<string, string> Secrets,
    Action? AfterRotation = null,
    Action? AfterCoverChange = null,
    LiveStatus? Live = null);

/// <summary>The admin commands that touch the data, run from their arguments: by the live bot (handed over its socket) or, with the bot stopped, by tests and tools.</summary>
public static class AdminCommands
{
    /// <summary>
    /// Parses <paramref name="args"/> with the same tree as the command line and runs a data command against the opened data
    /// in <paramref name="context"/>: the same output and exit code as the command line gives (2 for anything it refuses to
    /// parse, with nothing run). Commands that run only on the admin's side (run, init, verify, open, lawyer-key) are refused.
    /// </summary>
    /// <param name="args">The command line's words, e.g. ["keys", "rotate", "--now"].</param>
    /// <param name="context">The opened data.</param>
    /// <param name="ct">Cancels the command.</param>
    /// <param name="workingDirectory">The folder relative paths count from (the admin's); null: this process's.</param>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct, string? workingDirectory = null) =>
        (await ExecuteNamedAsync(args, context, workingDirectory, ct)).Result;

    /// <summary>As <see cref="ExecuteAsync"/>, with the top-level command run (for the log: "?" for anything the tree refused, never a word the admin typed).</summary>
    internal static async Task<(AdminResult Result, string Command)> ExecuteNamedAsync(IReadOnlyList<string> args, AdminContext context, string? workingDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = CommandTree.Build(new OpenedDataSide(context, Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory)));
        var parse = CommandTree.Parse(root, args);
        var command = parse.Errors.Count == 0 ? CommandTree.CommandName(args, root) : "?";
        if (parse.Errors.Count == 0 && parse.Action is LocalAction)
        {
            return (AdminResult.Usage($"'{command}' runs on the admin's own machine, not inside the running bot; nothing was run."), command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandTree.InvokeAsync(parse, output, error, ct);
        return (new AdminResult(exitCode, output.ToString(), error.ToString()), command);
    }

    /// <summary>The word for <paramref name="role"/> in the admin's messages ("person" when none is known).</summary>
    internal static string RoleWord(Role? role) => role switch
    {
        Role.Subject => "subject",
        Role.Coordinator => "coordinator",
        Role.Lawyer => "lawyer",
        _ => "person",
    };

    /// <summary>Why no single subject was found by alias (and --of).</summary>
    internal static string SubjectNotFound(SubjectLookup lookup, string alias, string? of) => lookup.Outcome switch
    {
        SubjectLookupOutcome.NoSuchCoordinator => $"No coordinator is called '{of}'.",
        SubjectLookupOutcome.Ambiguous => $"{lookup.Count} subjects are called '{alias}': add --of with one of their coordinators' names.",
        _ => $"No subject is called '{alias}'" + (of is null ? "." : $" among {of}'s subjects."),
    };
}

/// <summary>Runs data commands on data this process already has open: the running bot (for its socket) and tests.</summary>
/// <param name="context">The opened data.</param>
/// <param name="workingDirectory">The admin's folder, which relative paths count from.</param>
internal sealed class OpenedDataSide(AdminContext context, string workingDirectory) : IAdminSide
{
    /// <inheritdoc/>
    public string WorkingDirectory => workingDirectory;

    /// <inheritdoc/>
    public Task<AdminResult> RunAsync(AdminInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return invocation.RunAsync(context, ct);
    }
}
