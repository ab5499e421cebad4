using System.CommandLine;
using System.CommandLine.Invocation;

namespace DistressBot.Cli;

/// <summary>
/// Where a data command's typed work runs: in the admin's own process (<see cref="ConsoleAdminSide"/>: handed to the
/// running bot, or run on the data opened here) or inside the running bot (<see cref="OpenedDataSide"/>).
/// </summary>
public interface IAdminSide
{
    /// <summary>The absolute folder that relative paths on the command line count from: the admin's, even when the bot runs the command.</summary>
    string WorkingDirectory { get; }

    /// <summary>Runs <paramref name="invocation"/>; returns what it printed and its exit code.</summary>
    Task<AdminResult> RunAsync(AdminInvocation invocation, CancellationToken ct);
}

/// <summary>One data command, parsed: its typed options and the work that runs them against opened data.</summary>
/// <param name="Options">The command's typed options record (e.g. <see cref="PolicyOptions"/>).</param>
/// <param name="Work">Runs the command with these options against the opened data.</param>
public sealed record AdminInvocation(object Options, Func<object, AdminContext, CancellationToken, Task<AdminResult>> Work)
{
    /// <summary>
    /// Runs <see cref="Work"/>, the same in the bot and in the admin's process: a stored record that fails authentication is a
    /// refusal (exit 1) that changed nothing; a path the file system refuses (a file where a folder is wanted) is the admin's to fix (exit 2).
    /// </summary>
    public async Task<AdminResult> RunAsync(AdminContext context, CancellationToken ct)
    {
        try
        {
            return await Work(Options, context, ct);
        }
        catch (Crypto.RecordIntegrityException ex)
        {
            return AdminResult.Fail("A stored record failed authentication (" + ex.Address + "); nothing was changed. Check the keyring and the data file.");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            return AdminResult.Usage(ex.Message);
        }
    }
}

/// <summary>What a destructive command asks on the admin's terminal before it is run (unless --yes was given).</summary>
/// <param name="Prompt">The question, ending where the answer is typed.</param>
/// <param name="Answer">What the admin must type to confirm (compared ignoring case and surrounding spaces).</param>
/// <param name="WithoutTerminal">Said when there is no terminal to ask on.</param>
/// <param name="Declined">Said when the answer does not match (exit 1).</param>
public sealed record Confirmation(string Prompt, string Answer, string WithoutTerminal, string Declined);

/// <summary>Typed options of a command that asks before it runs; <see cref="Confirmation"/> is null once --yes was given.</summary>
public interface IConfirmedOptions
{
    /// <summary>What to ask, or null when the command line already confirmed it.</summary>
    Confirmation? Confirmation { get; }

    /// <summary>The same options, confirmed (as --yes gives them).</summary>
    object Confirmed();
}

/// <summary>The action of every data command: binds the parse to typed options, has the side run them, prints the result.</summary>
internal sealed class AdminAction(IAdminSide side, Func<ParseResult, AdminInvocation> bind) : AsynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        var result = await side.RunAsync(bind(parseResult), cancellationToken);
        return await result.PrintAsync(parseResult, cancellationToken);
    }
}

/// <summary>
/// The action of a command that runs only in the admin's own process (run, init, and the offline verify, open and
/// lawyer-key): the running bot refuses it over its socket.
/// </summary>
internal sealed class LocalAction(Func<ParseResult, CancellationToken, Task<int>> run) : AsynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default) => run(parseResult, cancellationToken);
}

/// <summary>Gives a command its action.</summary>
internal static class CommandActions
{
    /// <summary>Makes <paramref name="command"/> a data command: <paramref name="bind"/> reads its typed options, <paramref name="execute"/> runs them where <paramref name="side"/> says.</summary>
    public static Command WithAdminAction<TOptions>(
        this Command command,
        IAdminSide side,
        Func<ParseResult, TOptions> bind,
        Func<TOptions, AdminContext, CancellationToken, Task<AdminResult>> execute)
        where TOptions : notnull
    {
        command.Action = new AdminAction(side, parse => new AdminInvocation(bind(parse), (options, context, ct) => execute((TOptions)options, context, ct)));
        return command;
    }

    /// <summary>Makes <paramref name="command"/> run only in the admin's own process, writing to the parse's output and error.</summary>
    public static Command WithLocalAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> run)
    {
        command.Action = new LocalAction(run);
        return command;
    }
}
