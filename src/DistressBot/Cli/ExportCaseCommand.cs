using System.Globalization;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot export-case C-0042 --out DIR [--lang ru|en] [--redact locations,notes] [--seal-to LAWYER]`: the case's evidence
/// bundle written into a new or empty folder, or, with --seal-to, only <c>C-0042-bundle.zip.sealed</c> sealed to that lawyer's
/// registered /lawyerkey (docs/evidence.md).
/// </summary>
public static class ExportCaseCommand
{
    private const string Usage = "Usage: distressbot export-case C-0042 --out DIRECTORY [--lang ru|en] [--redact locations,notes] [--seal-to LAWYER]   (a new or empty directory outside the data directory;"
        + " --redact withholds entries: locations = location and alert_delivered entries, notes = note, resolved and fact entries;"
        + " --seal-to writes only C-0042-bundle.zip.sealed, sealed to the key that lawyer registered with /lawyerkey)";

    /// <summary>Exports the case named by <c>args[1]</c>; the export is logged in the case as the admin's.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (!TakeRedaction(args, out var rest, out var redaction, out var redactProblem))
        {
            return AdminResult.Usage(redactProblem + "\n" + Usage);
        }

        if (!TakeSealTo(rest, out rest, out var sealTo, out var sealProblem))
        {
            return AdminResult.Usage(sealProblem + "\n" + Usage);
        }

        var parsed = CaseFileArguments.Parse(rest, 1, context.Rules.DefaultLanguage, out var problem);
        if (parsed is null || parsed.Words.Count == 0 || parsed.Target.Length == 0)
        {
            problem = parsed is null ? problem
                : parsed.Words.Count == 0 ? "Name the case: distressbot export-case C-0042 --out DIRECTORY."
                : "Name the folder to write: --out DIRECTORY.";
            return AdminResult.Usage(problem + "\n" + Usage);
        }

        var (caseId, target, language) = (parsed.Words[0].Trim().ToUpperInvariant(), parsed.Target, parsed.Language);
        if (!Domain.CaseNumber.IsValid(caseId))
        {
            return AdminResult.Usage($"'{parsed.Words[0]}' is not a case number (C-0042).\n{Usage}");
        }

        if (CaseFileArguments.IsInsideDataDirectory(target, context.Runtime.Settings.DataDirectory))
        {
            return AdminResult.Usage($"{target} is inside the data directory; export to a folder outside it.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return AdminResult.Fail($"{target} is not empty; give a new or empty directory. Nothing was exported.");
        }

        // The key is found before anything is made or logged: a lawyer without one gets nothing, sealed or plain.
        SealingKey? seal = null;
        if (sealTo is not null)
        {
            seal = await context.Runtime.Store.RunAsync(db => SealingKey.Of(db, sealTo), ct);
            if (seal.Problem is { } refusal)
            {
                return AdminResult.Fail(refusal + " Nothing was exported.");
            }
        }

        // The folder is made before the export is logged, so a folder that cannot be written leaves no "exported" entry.
        var madeHere = !Directory.Exists(target);
        try
        {
            Storage.OwnerOnly.CreateFolder(target);
            Storage.OwnerOnly.Tighten(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AdminResult.Fail($"{target} cannot be made or written ({ex.Message}). Nothing was exported.");
        }

        var now = context.Time.GetUtcNow();
        var data = await context.Runtime.Store.RunAsync(db => ExportCase.Run(db, null, caseId, now, redaction), ct);
        if (data is null)
        {
            if (madeHere)
            {
                Directory.Delete(target);
            }

            return AdminResult.Fail($"There is no case {caseId} (or it was purged). Nothing was exported.");
        }

        var zone = TimeZones.TryFind(context.Rules.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var bundle = CaseBundles.Make(data, language, zone, now);
        if (seal is { Key: { } key })
        {
            return WriteSealed(bundle, data, target, key, seal.LawyerName);
        }

        try
        {
            bundle.WriteTo(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AdminResult.Fail($"Writing the bundle into {target} failed ({ex.Message}); the export is logged in the case. Free the space or fix the folder and export again.");
        }
        var summary = TextCatalogue.Format(Language.En, TextId.ExportWritten, data.CaseId, data.Entries.Count.ToString(CultureInfo.InvariantCulture), target);
        var withheld = data.Redaction.IsNone ? "" : $" (redacted: {data.Redaction})";
        return new AdminResult(0, target + "\n", summary + withheld + $". Check it with: distressbot verify {target}\n");
    }

    // Only the sealed file is written: the plain zip never touches the disk, so no copy is left beside it to leak.
    private static AdminResult WriteSealed(Evidence.CaseBundle bundle, CaseExportData data, string target, byte[] key, string lawyer)
    {
        var name = CaseBundles.ZipName(data.CaseId) + SealedBundle.Extension;
        var path = Path.Combine(target, name);
        if (!OpenCommand.TryWriteNew(path, SealedBundle.Seal(bundle.ToZip(), key), out var problem))
        {
            return AdminResult.Fail(problem + " The export is logged in the case; fix the folder and export again.");
        }

        var entries = data.Entries.Count.ToString(CultureInfo.InvariantCulture);
        return new AdminResult(
            0,
            path + "\n",
            $"Case {data.CaseId}: {entries} entries sealed to lawyer '{lawyer}' (key fingerprint {SealedBundle.Fingerprint(key)}) in {path}; nothing unsealed was written.\n" +
            $"Only that lawyer opens it, on their machine: distressbot open {name} --key THEIR-KEY-FILE --out {CaseBundles.ZipName(data.CaseId)}\n");
    }

    // Takes `--seal-to LAWYER` out of the arguments; false with the problem.
    private static bool TakeSealTo(List<string> args, out List<string> rest, out string? lawyer, out string problem)
    {
        (rest, lawyer, problem) = ([], null, "");
        for (var i = 0; i < args.Count; i++)
        {
            if (i == 0 || args[i] != "--seal-to")
            {
                rest.Add(args[i]);
                continue;
            }

            if (lawyer is not null || i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                problem = lawyer is not null ? "--seal-to is given twice." : "--seal-to needs a lawyer's name.";
                return false;
            }

            lawyer = args[++i];
        }

        return true;
    }

    // Takes `--redact WORDS` out of the arguments (export-case's own option; the rest are read as draft's are); false with the problem.
    private static bool TakeRedaction(IReadOnlyList<string> args, out List<string> rest, out Redaction redaction, out string problem)
    {
        (rest, redaction, problem) = ([], Redaction.None, "");
        var given = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (i == 0 || args[i] != "--redact")
            {
                rest.Add(args[i]);
                continue;
            }

            if (given || i + 1 >= args.Count)
            {
                problem = given ? "--redact is given twice." : "--redact needs a value.";
                return false;
            }

            if (!Redaction.TryParse(args[++i], out redaction, out var unknown))
            {
                problem = $"--redact takes words among {string.Join(", ", Redaction.Words.Select(w => w.Word))}, comma-separated, not '{unknown}'.";
                return false;
            }

            given = true;
        }

        return true;
    }
}

/// <summary>The key a bundle is sealed to: a lawyer's registered /lawyerkey, or why there is none.</summary>
/// <param name="LawyerName">The lawyer's name as stored.</param>
/// <param name="Key">The X25519 public key (32 bytes), or null.</param>
/// <param name="Problem">Why there is no key, or null.</param>
internal sealed record SealingKey(string LawyerName, byte[]? Key, string? Problem)
{
    /// <summary>The key of the lawyer called <paramref name="name"/> (names compared as stored).</summary>
    public static SealingKey Of(Domain.DataSession db, string name)
    {
        if (Enrollment.PeopleByName.Find(db, Domain.Role.Lawyer, name) is not { } lawyer)
        {
            return new SealingKey(name, null, $"No lawyer is called '{name}' (distressbot people lists them).");
        }

        return lawyer.SealingKey is { } key
            ? new SealingKey(lawyer.Name, key, null)
            : new SealingKey(lawyer.Name, null, $"Lawyer '{lawyer.Name}' has registered no key: they make one with distressbot lawyer-key on their machine and send the bot /lawyerkey KEY.");
    }
}
