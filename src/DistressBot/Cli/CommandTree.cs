using System.CommandLine;
using System.Reflection;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DistressBot.Cli;

/// <summary>
/// The one `distressbot` command tree (System.CommandLine): every command, its typed options and arguments and its help.
/// The command line and the running bot's admin socket parse the same arguments with it, so both accept the same commands.
/// </summary>
/// <remarks>Adding a command: one file with <c>static Command Build(IAdminSide side)</c>, one line in <see cref="Build"/> (docs/architecture.md, "Cli").</remarks>
internal static class CommandTree
{
    /// <summary>Help lines are wrapped at this width everywhere, so help reads the same in a terminal, a pipe and over the socket.</summary>
    public const int HelpWidth = 110;

    private const string Description = "distressbot — emergency check-in and escalation bot. Run without a command, it runs the bot.";

    private const string Epilog = """
        Admin commands work while the bot runs: they are handed to it over its socket in the data directory and
        print the same output with the same exit code.
        Settings: appsettings.json beside the program, a file named by DISTRESSBOT_CONFIG, and DISTRESSBOT_*
        environment variables (DISTRESSBOT_Telegram__BotToken, DISTRESSBOT_Storage__DataDirectory, …). Durations:
        settings take 30s, 15m, 1h30m, 2d or hh:mm:ss (d.hh:mm:ss); options such as --ack-timeout take only 30s, 15m,
        1h30m or 2d; at most 30 days either way.
        Exit codes: 0 done; 1 refused, with the reason (something exists already, a file's content does not check,
        revoke or cases purge/release without --yes and no terminal to confirm on); 2 bad settings or arguments (an
        unknown command, option or settings section, a value of the wrong form, a file or folder that is not there);
        3 keyring not opened; 4 data directory taken, unreadable, or holds no data; 5 run stopped because a part
        failed.
        The keyring secret: Crypto:KeyFile, $CREDENTIALS_DIRECTORY/distressbot-key, DISTRESSBOT_KEY_FILE,
        DISTRESSBOT_PASSPHRASE, or a prompt.
        'distressbot COMMAND --help' describes each command.

        """;

    /// <summary>The tree; data commands run where <paramref name="side"/> says.</summary>
    /// <remarks>A plain command named "distressbot", not a RootCommand: that one takes its name from the entry assembly, a test host's in tests, and help must read the same everywhere.</remarks>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var run = CommandLine.BuildRun();
        var root = new Command("distressbot", Description)
        {
            new HelpOption { Action = new TopLevelHelpAction(new HelpAction { MaxWidth = HelpWidth }) },
            new VersionOption { Action = new ProductVersionAction() },
            run,
            CommandLine.BuildInit(),
            InviteCommand.Build(side),
            AssignCommand.Build(side),
            PolicyCommand.Build(side),
            CoverCommand.Build(side),
            PeopleCommand.Build(side),
            KeyCommands.Build(side),
            CaseCommands.Build(side),
            BackupCommand.Build(side),
            RestoreCommand.Build(),
            ExportCaseCommand.Build(side),
            DraftCommand.Build(side),
            StatusCommand.Build(side),
            RevokeCommand.Build(side),
            VerifyCommand.Build(),
            LawyerKeyCommand.Build(),
            OpenCommand.Build(),
            BuildMovedNotice(),
        };
        root.Action = run.Action;
        root.Subcommands.Add(BuildHelp(root));
        return root;
    }

    /// <summary>Parses <paramref name="args"/>; `@file` is an ordinary word here (response files off), so a name never reads a file.</summary>
    public static ParseResult Parse(Command root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>
    /// Runs what <paramref name="parse"/> found, writing to <paramref name="output"/> and <paramref name="error"/>; a parse
    /// error is named on <paramref name="error"/> with the closest spellings and gives exit 2, with nothing run.
    /// </summary>
    public static async Task<int> InvokeAsync(ParseResult parse, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (parse.Action is ParseErrorAction refusal)
        {
            // Each error, then System.CommandLine's closest spellings (which it writes to the output), then where to read more: all on stderr.
            refusal.ShowHelp = false;
            refusal.ShowTypoCorrections = true;
            using var corrections = new StringWriter();
            await parse.InvokeAsync(Configuration(corrections, TextWriter.Null), ct);
            var lines = parse.Errors.Select(e => e.Message)
                .Concat(corrections.ToString().ReplaceLineEndings("\n").Split('\n').Where(line => line.Trim().Length > 0))
                .Append($"Nothing was run. '{CommandPath(parse)} --help' shows how to call it.");
            await error.WriteAsync(string.Concat(lines.Select(line => line + "\n")).AsMemory(), ct);
            return CommandLine.ExitUsage;
        }

        return await parse.InvokeAsync(Configuration(output, error), ct);
    }

    /// <summary>The top-level command named by <paramref name="args"/> when there is one such command, else "?" (for logs: never a word the admin typed otherwise).</summary>
    public static string CommandName(IReadOnlyList<string> args, Command root)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(root);
        return args.Count > 0 && root.Subcommands.Any(c => c.Name == args[0]) ? args[0] : "?";
    }

    // "distressbot keys rotate": the command the parse got to, from the root.
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static InvocationConfiguration Configuration(TextWriter output, TextWriter error) => new()
    {
        Output = output,
        Error = error,

        // Exceptions are the command line's to turn into exit codes (keyring 3, data 4); stopping on a signal is the host's.
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };

    // `distressbot help [COMMAND...]`: the same text as --help.
    private static Command BuildHelp(Command root)
    {
        var words = new Argument<string[]>("COMMAND") { Description = "the command to describe, e.g. keys rotate", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "this text, or a command's help (the same as --help)") { words };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(words) ?? [];
            if (Unknown(root, path) is { } refusal)
            {
                await parse.InvocationConfiguration.Error.WriteAsync(refusal.AsMemory(), ct);
                return CommandLine.ExitUsage;
            }

            return await InvokeAsync(Parse(root, [.. path, "--help"]), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    // `help peeple`: --help wins over an unknown word in System.CommandLine, so the words are walked here; null when they name a command.
    private static string? Unknown(Command root, IReadOnlyList<string> path)
    {
        var command = root;
        var names = new List<string> { root.Name };
        foreach (var word in path)
        {
            var visible = command.Subcommands.Where(c => !c.Hidden).ToList();
            if (visible.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word)) is not { } next)
            {
                var here = string.Join(' ', names);
                var closest = visible.Count == 0 ? "" : $" Did you mean '{visible.MinBy(c => Quickenshtein.Levenshtein.GetDistance(word, c.Name))!.Name}'?";
                return $"'{word}' is not a command of '{here}'.{closest}\nNothing was run. '{here} --help' shows how to call it.\n";
            }

            command = next;
            names.Add(next.Name);
        }

        return null;
    }

    // `distressbot demo`: the demo is its own program, built from a source checkout, not part of the installed bot.
    private static Command BuildMovedNotice()
    {
        var command = new Command("demo", "where the demo lives") { Hidden = true };
        command.SetAction(async (parse, ct) =>
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(CommandLine.DemoMoved.AsMemory(), ct);
            return CommandLine.ExitUsage;
        });
        return command;
    }

    // --version: this program's informational version (System.CommandLine's own reads the entry assembly, a test host's in tests).
    private sealed class ProductVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var version = typeof(CommandTree).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(CommandTree).Assembly.GetName().Version?.ToString() ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return 0;
        }
    }

    // The top-level help ends with what today's admins need beside the commands: settings, exit codes, key sources.
    private sealed class TopLevelHelpAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (parseResult.CommandResult.Parent is null)
            {
                parseResult.InvocationConfiguration.Output.Write(Epilog);
            }

            return exitCode;
        }
    }
}
