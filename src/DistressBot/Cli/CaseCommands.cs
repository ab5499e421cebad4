
namespace DistressBot.Cli;

/// <summary>`distressbot cases purge C-0042`: destroys a case's own key and its record, so its content is unreadable for good.</summary>
public static class CaseCommands
{
    private const string Usage = "Usage: distressbot cases purge C-0042 [--yes]";

    /// <summary>Runs a cases sub-command.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count < 3 || args[1] != "purge")
        {
            return AdminResult.Usage(Usage);
        }

        var caseId = args[2].Trim().ToUpperInvariant();
        if (!args.Contains("--yes"))
        {
            return AdminResult.Usage($"Purging destroys case {caseId} for good. Confirm with --yes.");
        }

        var runtime = context.Runtime;

        // Record first, key second: a crash in between leaves a key without a record, and purging again destroys it.
        var recordExisted = await runtime.Store.RunAsync(
            db =>
            {
                try
                {
                    db.CaseLog.Delete(caseId);
                }
                catch (Crypto.RecordIntegrityException)
                {
                    // Its key is gone already: the log is shredded with it.
                }

                var existed = db.Cases.Delete(caseId);
                foreach (var subject in db.People.All().Where(p => p.Checkin?.OpenCaseId == caseId || p.Checkin?.OpenDrillCaseId == caseId))
                {
                    if (subject.Checkin!.OpenCaseId == caseId)
                    {
                        subject.Checkin.OpenCaseId = null;
                    }

                    if (subject.Checkin.OpenDrillCaseId == caseId)
                    {
                        subject.Checkin.OpenDrillCaseId = null;
                    }

                    db.People.Save(subject);
                }

                // Its unsent alerts go too: they are sealed under the key about to be destroyed.
                foreach (var message in db.Outbox.All().Where(m => m.CaseId == caseId))
                {
                    db.Outbox.Remove(message.Id);
                }

                return existed;
            },
            ct);
        var keyExisted = runtime.CaseKeys.Destroy(caseId);
        if (!recordExisted && !keyExisted)
        {
            return AdminResult.Fail($"There is no case {caseId} (or it was purged already).");
        }

        return new AdminResult(0, "", $"Case {caseId} purged: its key is destroyed and its record deleted. Copies in older backups stay readable with the keyring; destroy those backups too if they must not survive.\n");
    }
}
