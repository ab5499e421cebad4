using System.CommandLine;
using DistressBot.Escalation;
using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>`distressbot cases purge`'s options.</summary>
/// <param name="CaseId">The case number, upper-cased (C-0042).</param>
/// <param name="Yes">Confirmed on the command line.</param>
public sealed record CasePurgeOptions(string CaseId, bool Yes) : IConfirmedOptions
{
    /// <inheritdoc/>
    public Confirmation? Confirmation => Yes ? null : new(
        $"This destroys case {CaseId} for good. Type the case number again to confirm: ",
        CaseId,
        "Purging destroys a case for good; with no terminal to confirm on, add --yes.",
        "Nothing was purged.");

    /// <inheritdoc/>
    public object Confirmed() => this with { Yes = true };
}

/// <summary>`distressbot cases release`'s options.</summary>
/// <param name="CaseId">The case number, upper-cased (C-0042).</param>
/// <param name="Yes">Confirmed on the command line.</param>
public sealed record CaseReleaseOptions(string CaseId, bool Yes) : IConfirmedOptions
{
    /// <inheritdoc/>
    public Confirmation? Confirmation => Yes ? null : new(
        $"Case {CaseId} will be purged for good once the retention period has passed. Type the case number again to confirm: ",
        CaseId,
        "Releasing a case from legal hold has it purged later; with no terminal to confirm on, add --yes.",
        "Nothing was released.");

    /// <inheritdoc/>
    public object Confirmed() => this with { Yes = true };
}

/// <summary>
/// `distressbot cases purge C-0042`: destroys a case's own key and its record, so its content is unreadable for good;
/// `distressbot cases release C-0042`: releases a resolved case from legal hold, so the retention step purges it later.
/// </summary>
public static class CaseCommands
{
    /// <summary>The `cases` command and its sub-commands.</summary>
    public static Command Build(IAdminSide side)
    {
        var purgeCase = CliArguments.Case("the case to destroy, e.g. C-0042");
        var purgeYes = CliArguments.Yes("purge");
        var purge = new Command("purge", "destroy a case's key and record, after confirmation") { purgeCase, purgeYes }
            .WithAdminAction(side, parse => new CasePurgeOptions(parse.GetValue(purgeCase)!, parse.GetValue(purgeYes)), PurgeAsync);
        var releaseCase = CliArguments.Case("the resolved case to release, e.g. C-0042");
        var releaseYes = CliArguments.Yes("release");
        var release = new Command("release", "release a resolved case from legal hold, after confirmation: it is purged Retention:ReleasedCaseDays later") { releaseCase, releaseYes }
            .WithAdminAction(side, parse => new CaseReleaseOptions(parse.GetValue(releaseCase)!, parse.GetValue(releaseYes)), ReleaseAsync);
        return new Command("cases", "destroy a case, or release a resolved one from legal hold") { purge, release };
    }

    /// <summary>Purges the case; without --yes it only says what would happen (exit 2); exit 1 when there is no such case.</summary>
    public static async Task<AdminResult> PurgeAsync(CasePurgeOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var caseId = options.CaseId;
        if (!options.Yes)
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

    /// <summary>Releases the case from legal hold; without --yes it only says what would happen (exit 2); exit 1 when it is missing, open or released already.</summary>
    public static async Task<AdminResult> ReleaseAsync(CaseReleaseOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var caseId = options.CaseId;
        var days = context.Runtime.Settings.Retention.ReleasedCaseDays;
        if (!options.Yes)
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
