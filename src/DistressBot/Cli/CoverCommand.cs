using System.CommandLine;

namespace DistressBot.Cli;

/// <summary>`distressbot cover`'s options.</summary>
/// <param name="Alias">The subject's alias.</param>
/// <param name="On">Cover wording on (true) or off.</param>
/// <param name="Of">A coordinator the subject already has, when several subjects share the alias.</param>
public sealed record CoverOptions(string Alias, bool On, string? Of);

/// <summary>`distressbot cover "Salek" on|off [--of "Nina"]`: cover wording for one subject's chat; the bot sets their command menu when it runs (at once, if it runs now).</summary>
public static class CoverCommand
{
    /// <summary>The `cover` command.</summary>
    public static Command Build(IAdminSide side)
    {
        var alias = new Argument<string>("ALIAS") { Description = "the subject's alias, e.g. \"Salek\"" };
        var state = CliArguments.Choice("STATE", "on or off", typed => $"cover takes on or off, not '{typed}'.", "on", "off");
        var of = CliArguments.Name("--of", "a coordinator the subject already has, when several subjects share the alias", required: false);
        return new Command("cover", "cover wording for one subject's chat: texts, buttons and command menu read like an ordinary reminder app (Privacy:CoverWording=true does it for every subject)") { alias, state, of }
            .WithAdminAction(side, parse => new CoverOptions(parse.GetValue(alias)!, parse.GetValue(state) == "on", parse.GetValue(of)), ExecuteAsync);
    }

    /// <summary>Turns the subject's cover wording on or off; exit 1 when no single subject is found.</summary>
    public static async Task<AdminResult> ExecuteAsync(CoverOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var on = options.On;
        var result = await context.Runtime.Store.RunAsync(
            db =>
            {
                var lookup = Enrollment.PeopleByName.Subject(db, options.Alias, options.Of);
                if (lookup.Subject is not { } subject)
                {
                    return AdminResult.Fail(AdminCommands.SubjectNotFound(lookup, options.Alias, options.Of));
                }

                var was = subject.CoverWording;
                subject.CoverWording = on;
                db.People.Save(subject);
                db.Meta.CheckMenu(subject.Id);
                var state = on ? "on" : "off";
                var told = was == on ? $"'{subject.Name}': cover wording was already {state}; nothing changed.\n" : $"'{subject.Name}': cover wording {state}. Their command menu follows when the bot runs.\n";
                return new AdminResult(0, "", told + (!on && context.Rules.CoverWording ? "Privacy:CoverWording is true, so every subject still reads cover wording.\n" : ""));
            },
            ct);
        if (result.ExitCode == 0)
        {
            context.AfterCoverChange?.Invoke();
        }

        return result;
    }
}
