using System.Text;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;
using DistressBot.Localization;

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
}

/// <summary>What an admin command runs against: the opened data of the one process that owns the data directory.</summary>
/// <param name="Runtime">Opened keyring, case keys and store.</param>
/// <param name="Rules">Validated domain settings.</param>
/// <param name="Time">The clock.</param>
/// <param name="Secrets">Secrets the command line collected for this command (a new passphrase); never logged.</param>
/// <param name="AfterRotation">Wakes background re-encryption after a rotation, when the bot runs.</param>
public sealed record AdminContext(
    BotRuntime Runtime,
    BotRules Rules,
    TimeProvider Time,
    IReadOnlyDictionary<string, string> Secrets,
    Action? AfterRotation = null);

/// <summary>The admin commands that touch the data: run by the live bot (handed over its socket) or, with the bot stopped, by the CLI itself.</summary>
public static class AdminCommands
{
    /// <summary>True for the commands handled here.</summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] is "invite" or "assign" or "people" or "keys" or "cases" or "backup";

    /// <summary>Runs one admin command against the opened data.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Runtime.Store;
        try
        {
            return args[0] switch
            {
                "invite" => await InviteAsync(args, store, context.Rules, context.Time, ct),
                "assign" => await AssignAsync(args, store, ct),
                "people" => await PeopleAsync(store, ct),
                "keys" => await KeyCommands.ExecuteAsync(args, context, ct),
                "cases" => await CaseCommands.ExecuteAsync(args, context, ct),
                "backup" => await BackupCommand.ExecuteAsync(args, context.Runtime, ct),
                _ => AdminResult.Usage($"Unknown admin command '{args[0]}'. Run 'distressbot help'."),
            };
        }
        catch (Crypto.RecordIntegrityException ex)
        {
            return AdminResult.Fail("A stored record failed authentication (" + ex.Address + "); nothing was changed. Check the keyring and the data file.");
        }
    }

    private static async Task<AdminResult> InviteAsync(IReadOnlyList<string> args, BotStore store, BotRules rules, TimeProvider time, CancellationToken ct)
    {
        const string usage = "Usage: distressbot invite coordinator|lawyer --name \"Nina\"";
        if (args.Count < 2 || Option(args, "--name") is not { } name)
        {
            return AdminResult.Usage(usage);
        }

        Role role;
        switch (args[1])
        {
            case "coordinator":
                role = Role.Coordinator;
                break;
            case "lawyer":
                role = Role.Lawyer;
                break;
            default:
                return AdminResult.Usage($"Cannot invite a '{args[1]}'. {usage}\n(Subjects are invited by their coordinator in Telegram: /invite Alias.)");
        }

        var now = time.GetUtcNow();
        var result = await store.RunAsync(db => EnrollmentService.CreateInvite(db, role, name, null, now, rules.InviteLifetime), ct);
        return result.Refusal switch
        {
            InviteRefusal.NameInvalid => AdminResult.Usage("The name may have letters, digits, spaces, dots and hyphens, 1 to 32 characters."),
            InviteRefusal.NameTaken => AdminResult.Fail($"There is already a {args[1]} (or a pending invite) called '{EnrollmentService.NormalizeName(name)}'. Choose another name."),
            _ => new AdminResult(
                0,
                result.Code + "\n",
                $"One-time enrollment code for {args[1]} '{result.Invite!.Name}', valid until {result.Invite.ExpiresAt:yyyy-MM-dd HH:mm} UTC.\n" +
                $"Hand it over in person; they send the bot: /start {result.Code}\n"),
        };
    }

    private static async Task<AdminResult> AssignAsync(IReadOnlyList<string> args, BotStore store, CancellationToken ct)
    {
        const string usage = "Usage: distressbot assign coordinator \"Olga\" --subject \"Salek\" [--of \"Nina\"]\n(--of names a coordinator the subject already has, when several subjects share the alias.)";
        if (args.Count < 3 || args[1] != "coordinator" || Option(args, "--subject") is not { } alias)
        {
            return AdminResult.Usage(usage);
        }

        var coordinatorName = args[2];
        var of = Option(args, "--of");
        return await store.RunAsync(
            db =>
            {
                var people = db.People().ToList();
                var coordinator = people.SingleOrDefault(p => p.Role == Role.Coordinator && Same(p.Name, coordinatorName));
                if (coordinator is null)
                {
                    return AdminResult.Fail($"No coordinator is called '{coordinatorName}'. 'distressbot people' lists them.");
                }

                var existing = of is null ? null : people.SingleOrDefault(p => p.Role == Role.Coordinator && Same(p.Name, of));
                if (of is not null && existing is null)
                {
                    return AdminResult.Fail($"No coordinator is called '{of}'.");
                }

                var subjects = people.Where(p => p.Role == Role.Subject && Same(p.Name, alias)
                    && (existing is null || p.CoordinatorIds.Contains(existing.Id))).ToList();
                if (subjects.Count == 0)
                {
                    return AdminResult.Fail($"No subject is called '{alias}'" + (of is null ? "." : $" among {of}'s subjects."));
                }

                if (subjects.Count > 1)
                {
                    return AdminResult.Fail($"{subjects.Count} subjects are called '{alias}': add --of with one of their coordinators' names.");
                }

                var added = EnrollmentService.Assign(db, subjects[0], coordinator);
                return new AdminResult(0, "", added
                    ? $"'{alias}' is now also assigned to coordinator '{coordinator.Name}'.\n"
                    : $"'{alias}' was already assigned to coordinator '{coordinator.Name}'; nothing changed.\n");
            },
            ct);
    }

    private static async Task<AdminResult> PeopleAsync(BotStore store, CancellationToken ct)
    {
        var text = await store.RunAsync(
            db =>
            {
                var people = db.People().ToList();
                var byId = people.ToDictionary(p => p.Id);
                var output = new StringBuilder();
                foreach (var person in people.OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
                {
                    output.Append(person.Role.ToString().ToLowerInvariant()).Append('\t').Append(person.Name);
                    if (person.Role == Role.Subject)
                    {
                        output.Append("\tcoordinators: ").AppendJoin(", ", person.CoordinatorIds.Select(id => byId.TryGetValue(id, out var c) ? c.Name : id));
                    }

                    output.Append('\n');
                }

                return output.ToString();
            },
            ct);
        return new AdminResult(0, text, text.Length == 0 ? "Nobody is enrolled yet.\n" : "");
    }

    private static bool Same(string a, string b) =>
        string.Equals(EnrollmentService.NormalizeName(a), EnrollmentService.NormalizeName(b), StringComparison.OrdinalIgnoreCase);

    internal static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
