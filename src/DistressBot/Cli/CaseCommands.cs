using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot cases purge C-0042`: destroys a case's own key and its record, so its content is unreadable for good;
/// `distressbot cases release C-0042`: releases a resolved case from legal hold, so the retention step purges it later.
/// </summary>
public static class CaseCommands
{
    private const string Usage = "Usage: distressbot cases purge C-0042 [--yes]\n       distressbot cases release C-0042 [--yes]";

    /// <summary>Runs a cases sub-command.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count < 3 || args[1] is not ("purge" or "release"))
        {
            return AdminResult.Usage(Usage);
        }

        var caseId = args[2].Trim().ToUpperInvariant();
        if (args[1] == "release")
        {
            return await ReleaseAsync(args, caseId, context, ct);
        }

        if (!args.Contains("--yes"))
        {
            return AdminResult.Usage($"Purging destroys case {caseId} for good. Confirm with --yes.");
        }

        var runtime = context.Runtime;
        if (!await CasePurge.RunAsync(runtime.Store, runtime.CaseKeys, caseId, ct))
        {
            return AdminResult.Fail($"There is no case {caseId} (or it was purged already).");
        }

        return new AdminResult(0, "", $"Case {caseId} purged: its key is destroyed and its record deleted. Copies in older backups stay readable with the keyring; destroy those backups too if they must not survive.\n");
    }

    private static async Task<AdminResult> ReleaseAsync(IReadOnlyList<string> args, string caseId, AdminContext context, CancellationToken ct)
    {
        if (args.Skip(3).FirstOrDefault(a => a != "--yes") is { } extra)
        {
            return AdminResult.Usage($"cases release does not take '{extra}'. Nothing was changed.\n{Usage}");
        }

        if (!CaseNumber.IsValid(caseId))
        {
            return AdminResult.Usage($"'{args[2]}' is not a case number: case numbers read like C-0042. Nothing was changed.");
        }

        var days = context.Runtime.Settings.Retention.ReleasedCaseDays;
        if (!args.Contains("--yes"))
        {
            return AdminResult.Usage($"Releasing case {caseId} from legal hold has it purged for good {days} days from now (Retention:ReleasedCaseDays). Confirm with --yes.");
        }

        var now = context.Time.GetUtcNow();
        var (outcome, @case) = await context.Runtime.Store.RunAsync(db => ReleaseCase.Run(db, caseId, now), ct);
        return outcome switch
        {
            ReleaseOutcome.NoSuchCase => AdminResult.Fail($"There is no case {caseId} (or it was purged already). Nothing was released."),
            ReleaseOutcome.StillOpen => AdminResult.Fail($"Case {caseId} is still open: only a resolved case can be released from legal hold. Nothing was released."),
            ReleaseOutcome.AlreadyReleased => AdminResult.Fail($"Case {caseId} was released already on {@case!.ReleasedAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC; it is purged {days} days after that. Nothing was changed."),
            _ => new AdminResult(0, "", $"Case {caseId} released from legal hold: it will be purged (its key destroyed) on or after {(now + TimeSpan.FromDays(days)).UtcDateTime:yyyy-MM-dd HH:mm} UTC. Export it first (distressbot export-case {caseId} --out DIRECTORY) if it must be kept.\n"),
        };
    }
}
