using System.CommandLine;
using DistressBot.Domain;
using DistressBot.Enrollment;

namespace DistressBot.Cli;

/// <summary>`distressbot policy`'s options: new timings (null: unchanged), or <paramref name="Reset"/> to the defaults.</summary>
/// <param name="Alias">The subject's alias.</param>
/// <param name="Of">A coordinator the subject already has, when several subjects share the alias.</param>
/// <param name="AckTimeout">How long an alert waits for an acknowledgement before level 2.</param>
/// <param name="Repeat">How often an unacknowledged alert repeats.</param>
/// <param name="AckedReminder">After how long a quiet acknowledgement is reminded.</param>
/// <param name="Reset">Back to the settings' defaults.</param>
public sealed record PolicyOptions(string Alias, string? Of, TimeSpan? AckTimeout, TimeSpan? Repeat, TimeSpan? AckedReminder, bool Reset);

/// <summary>`distressbot policy "Salek" [--of "Nina"] [--ack-timeout 5m] [--repeat 5m] [--acked-reminder 20m] | --reset`: one subject's escalation timings.</summary>
public static class PolicyCommand
{
    /// <summary>The `policy` command.</summary>
    public static Command Build(IAdminSide side)
    {
        var alias = new Argument<string>("ALIAS") { Description = "the subject's alias, e.g. \"Salek\"" };
        var of = CliArguments.Name("--of", "a coordinator the subject already has, when several subjects share the alias", required: false);
        var ack = CliArguments.Duration("--ack-timeout", "level 2 (backups and lawyers) after this long without an acknowledgement");
        var repeat = CliArguments.Duration("--repeat", "an unacknowledged alert repeats this often");
        var acked = CliArguments.Duration("--acked-reminder", "a quiet acknowledgement is reminded after this long");
        var reset = new Option<bool>("--reset") { Description = "back to the settings' timings (Escalation:*)" };
        var command = new Command("policy", "this subject's escalation timings; durations as 30s, 5m, 1h30m, 2d") { alias, of, ack, repeat, acked, reset };
        command.Validators.Add(result =>
        {
            // Whether given, not their values: a value that did not parse is named by its own error.
            var timings = result.GetResult(ack) is not null || result.GetResult(repeat) is not null || result.GetResult(acked) is not null;
            if (timings == result.GetValue(reset))
            {
                result.AddError(timings
                    ? "--reset takes no timings: give either timings or --reset."
                    : "Give at least one of --ack-timeout, --repeat, --acked-reminder, or --reset.");
            }
        });
        return command.WithAdminAction(
            side,
            parse => new PolicyOptions(parse.GetValue(alias)!, parse.GetValue(of), parse.GetValue(ack), parse.GetValue(repeat), parse.GetValue(acked), parse.GetValue(reset)),
            ExecuteAsync);
    }

    /// <summary>Sets the timings and prints the ones now in effect; exit 1 when no single subject is found.</summary>
    public static Task<AdminResult> ExecuteAsync(PolicyOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var defaults = context.Rules.Escalation;
        return context.Runtime.Store.RunAsync(
            db =>
            {
                var lookup = PeopleByName.Subject(db, options.Alias, options.Of);
                if (lookup.Subject is not { } subject)
                {
                    return AdminResult.Fail(AdminCommands.SubjectNotFound(lookup, options.Alias, options.Of));
                }

                var effective = options.Reset
                    ? Escalation.SetPolicy.Reset(db, subject, defaults)
                    : Escalation.SetPolicy.Run(db, subject, new EscalationPolicyOverride(options.AckTimeout, options.Repeat, options.AckedReminder), defaults);
                return new AdminResult(0, "", $"'{subject.Name}': level 2 after {DurationToken.Format(effective.AcknowledgeTimeout)}, repeats every {DurationToken.Format(effective.RepeatEvery)}, quiet acknowledgement reminded after {DurationToken.Format(effective.AcknowledgedReminder)}.\n");
            },
            ct);
    }
}
