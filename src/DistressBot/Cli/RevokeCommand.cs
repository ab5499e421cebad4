using System.CommandLine;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;

namespace DistressBot.Cli;

/// <summary>The typed options of `distressbot revoke`.</summary>
/// <param name="Name">The person's name, or a subject's alias.</param>
/// <param name="Of">For a subject whose alias others share: one of their coordinators' names; else null.</param>
/// <param name="Yes">--yes was given (or the admin confirmed on the terminal).</param>
public sealed record RevokeOptions(string Name, string? Of, bool Yes) : IConfirmedOptions
{
    /// <inheritdoc/>
    public Confirmation? Confirmation => Yes ? null : new(
        $"This removes '{Name}' from the bot at once: they become a stranger to it, their pending invites are cancelled and their chain is told. Type the name again to confirm: ",
        Name,
        "Revoking removes a person at once; with no terminal to confirm on, add --yes.",
        "Nothing was changed.");

    /// <inheritdoc/>
    public object Confirmed() => this with { Yes = true };
}

/// <summary>`distressbot revoke NAME [--of COORDINATOR] [--yes]`: removes a person at once (<see cref="RevokePerson"/>); the admin reads what it came to.</summary>
public static class RevokeCommand
{
    /// <summary>The `revoke` command.</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var name = new Argument<string>("NAME") { Description = "the person's name, or a subject's alias, e.g. \"Nina\"" };
        var of = CliArguments.Name("--of", "for a subject whose alias others share: one of their coordinators' names", required: false);
        var yes = CliArguments.Yes("revoke");
        return new Command("revoke", "remove a person at once, after confirmation: pending invites they made are cancelled, their chain is told, a case they had taken opens again; a subject only with no case open") { name, of, yes }
            .WithAdminAction(side, parse => new RevokeOptions(parse.GetValue(name)!, parse.GetValue(of), parse.GetValue(yes)), ExecuteAsync);
    }

    /// <summary>Revokes the person <paramref name="options"/> names, once confirmed; a coordinator's or lawyer's removal is followed by the coverage check in the same unit of work.</summary>
    public static async Task<AdminResult> ExecuteAsync(RevokeOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Yes)
        {
            return AdminResult.Usage($"Revoking removes '{options.Name}' from the bot at once: they become a stranger to it, their pending invites are cancelled and their chain is told. Confirm with --yes. Nothing was changed.");
        }

        var now = context.Time.GetUtcNow();
        var result = await context.Runtime.Store.RunAsync(
            db =>
            {
                var revoked = RevokePerson.Run(db, options.Name, options.Of, now);
                if (revoked is { Outcome: RevokeOutcome.Revoked, Person.Role: not Role.Subject })
                {
                    // As when a coordinator becomes unreachable: a subject left without a reachable coordinator is a gap now,
                    // logged and told in this same unit of work rather than at the health service's next daily round.
                    PersonReachability.CheckCoverage(db, now, force: true);
                }

                return revoked;
            },
            ct);
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
