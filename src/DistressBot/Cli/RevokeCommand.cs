using DistressBot.Enrollment;

namespace DistressBot.Cli;

/// <summary>The typed options of `distressbot revoke`.</summary>
/// <param name="Name">The person's name, or a subject's alias.</param>
/// <param name="Of">For a subject whose alias others share: one of their coordinators' names; else null.</param>
/// <param name="Confirmed">--yes was given.</param>
public sealed record RevokeOptions(string Name, string? Of, bool Confirmed);

/// <summary>`distressbot revoke NAME [--of COORDINATOR] --yes`: removes a person at once (<see cref="RevokePerson"/>); the admin reads what it came to.</summary>
public static class RevokeCommand
{
    /// <summary>The command's usage line.</summary>
    public const string Usage = "Usage: distressbot revoke \"Nina\" [--of \"Olga\"] --yes   remove a person at once (--of names a coordinator of a subject whose alias others share)";

    /// <summary>The old-style thin parser: <c>args[0]</c> is "revoke"; null with the problem.</summary>
    public static RevokeOptions? Parse(IReadOnlyList<string> args, out string problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        (string? name, string? of, var confirmed, problem) = (null, null, false, "");
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--yes":
                    confirmed = true;
                    break;
                case "--of" when of is null && i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]):
                    of = args[++i];
                    break;
                case "--of":
                    problem = of is null ? "--of needs a coordinator's name." : "--of is given twice.";
                    return null;
                case var word when word.StartsWith('-'):
                    problem = $"Unknown option '{word}'.";
                    return null;
                case var word when name is null && !string.IsNullOrWhiteSpace(word):
                    name = word;
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return null;
            }
        }

        if (name is null)
        {
            problem = "Name the person to remove.";
            return null;
        }

        return new RevokeOptions(name, of, confirmed);
    }

    /// <summary>Revokes the person <paramref name="options"/> names, once confirmed.</summary>
    public static async Task<AdminResult> ExecuteAsync(RevokeOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Confirmed)
        {
            return AdminResult.Usage($"Revoking removes '{options.Name}' from the bot at once: they become a stranger to it, their pending invites are cancelled and their chain is told. Confirm with --yes. Nothing was changed.");
        }

        var now = context.Time.GetUtcNow();
        var result = await context.Runtime.Store.RunAsync(db => RevokePerson.Run(db, options.Name, options.Of, now), ct);
        return result.Outcome switch
        {
            RevokeOutcome.NotFound => AdminResult.Fail($"Nobody is called '{options.Name}'" + (options.Of is null ? "" : $" among {options.Of}'s subjects") + " (distressbot people lists everyone). Nothing was changed."),
            RevokeOutcome.Ambiguous => AdminResult.Fail($"{result.Count} people answer to '{options.Name}': for a subject, add --of with one of their coordinators' names. Nothing was changed."),
            RevokeOutcome.SubjectHasOpenCase => AdminResult.Fail($"'{result.Person!.Name}' has a case still open ({string.Join(", ", result.OpenCases!)}): a subject's record is what lets their chain reach it, so they are not removed while it is open. Have it resolved, then revoke. Nothing was changed."),
            _ => new AdminResult(0, "", Describe(result)),
        };
    }

    private static string Describe(RevokeResult result)
    {
        var person = result.Person!;
        var lines = new List<string>
        {
            $"{AdminCommands.RoleWord(person.Role)} '{person.Name}' removed: they are a stranger to the bot from now on and were told nothing; {result.InvitesCancelled} pending invite(s) they made cancelled; {result.MessagesDropped} message(s) to them dropped.",
        };
        if (result.CasesLogged is { Count: > 0 } logged)
        {
            lines.Add($"Open cases that now log their removal: {string.Join(", ", logged)}.");
        }

        if (result.CasesReopened is { Count: > 0 } reopened)
        {
            lines.Add($"They had taken {string.Join(", ", reopened)}: open again, and the rest of the chain is alerted.");
        }

        if (result.SubjectsLeftUncoordinated is { Count: > 0 } left)
        {
            lines.Add($"WARNING: no coordinator left for {string.Join(", ", left.Select(a => "'" + a + "'"))}: assign one (distressbot assign coordinator NAME --subject ALIAS).");
        }

        return string.Join("\n", lines) + "\n";
    }
}
