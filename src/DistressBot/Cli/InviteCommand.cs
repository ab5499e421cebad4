using System.CommandLine;
using DistressBot.Domain;
using DistressBot.Enrollment;

namespace DistressBot.Cli;

/// <summary>`distressbot invite`'s options.</summary>
/// <param name="Role">Coordinator or lawyer.</param>
/// <param name="Name">The name the person will go by.</param>
public sealed record InviteOptions(Role Role, string Name);

/// <summary>`distressbot invite coordinator|lawyer --name "Nina"`: a one-time enrollment code (stdout) with an explanation (stderr).</summary>
public static class InviteCommand
{
    /// <summary>The `invite` command.</summary>
    public static Command Build(IAdminSide side)
    {
        var role = CliArguments.Choice(
            "ROLE",
            "who is invited: a coordinator or a lawyer",
            typed => $"Cannot invite someone as '{typed}': only a coordinator or a lawyer. (Subjects are invited by their coordinator in Telegram: /invite Alias.)",
            "coordinator",
            "lawyer");
        var name = CliArguments.Name("--name", "the name they will go by, e.g. \"Nina\"", required: true);
        return new Command("invite", "print a one-time enrollment code (stdout) with an explanation (stderr); they send the bot /start CODE") { role, name }
            .WithAdminAction(side, parse => new InviteOptions(parse.GetValue(role) == "lawyer" ? Role.Lawyer : Role.Coordinator, parse.GetValue(name)!), ExecuteAsync);
    }

    /// <summary>Creates the invite; exit 1 when the name is taken or looks like another, 2 when it is not a valid name.</summary>
    public static async Task<AdminResult> ExecuteAsync(InviteOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Time.GetUtcNow();
        var word = options.Role == Role.Lawyer ? "lawyer" : "coordinator";
        var result = await context.Runtime.Store.RunAsync(db => CreateInvite.Run(db, options.Role, options.Name, null, now, context.Rules.InviteLifetime), ct);
        return result.Refusal switch
        {
            InviteRefusal.NameInvalid => AdminResult.Usage("The name may have letters in any script (with their accents), digits, spaces, dots and hyphens, 1 to 32 characters; no control or invisible characters."),
            InviteRefusal.NameTaken => AdminResult.Fail($"There is already a {AdminCommands.RoleWord(result.Holder)} (or a pending invite for one) called '{result.Name}'. One name may serve one person in one role only, since commands name people by name: choose another name. Nothing was created."),
            InviteRefusal.NameConfusable => AdminResult.Fail($"'{result.Name}' looks almost like the {AdminCommands.RoleWord(result.Holder)} '{result.LooksLike}' (letters from another alphabet that look the same, or 0/O, 1/l, rn/m). Alerts could be mixed up: choose a name that looks different. Nothing was created."),
            _ => new AdminResult(
                0,
                result.Code + "\n",
                $"One-time enrollment code for {word} '{result.Invite!.Name}', valid until {result.Invite.ExpiresAt:yyyy-MM-dd HH:mm} UTC.\n" +
                $"Hand it over in person; they send the bot: /start {result.Code}\n"),
        };
    }
}
