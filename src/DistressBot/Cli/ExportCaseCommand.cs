using System.CommandLine;
using System.Globalization;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot export-case`'s options.</summary>
/// <param name="CaseId">The case number, upper-cased (C-0042).</param>
/// <param name="Directory">The absolute path of the new or empty folder to write into.</param>
/// <param name="Language">The report's language; null: the bot's default.</param>
/// <param name="Redaction">The entries withheld.</param>
/// <param name="SealTo">A lawyer's name: write only the bundle sealed to the key they registered with /lawyerkey; null: the plain bundle.</param>
public sealed record ExportCaseOptions(string CaseId, string Directory, Language? Language, Redaction Redaction, string? SealTo = null);

/// <summary>
/// `distressbot export-case C-0042 --out DIR [--lang ru|en] [--redact locations,notes] [--seal-to LAWYER]`: the case's evidence
/// bundle written into a new or empty folder, or, with --seal-to, only <c>C-0042-bundle.zip.sealed</c> sealed to that lawyer's
/// registered /lawyerkey (docs/evidence.md).
/// </summary>
public static class ExportCaseCommand
{
    /// <summary>The `export-case` command.</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var caseId = CliArguments.Case("the case to export, e.g. C-0042");
        var output = CliArguments.PathOption("--out", "DIRECTORY", "a new or empty directory outside the data directory", required: true);
        var language = CliArguments.Language("the report's language (default: Bot:DefaultLanguage)");
        var redact = new Option<Redaction>("--redact")
        {
            Description = "withhold entries: locations = location and alert_delivered entries, notes = note, resolved and fact entries (comma-separated)",
            HelpName = string.Join(',', Redaction.Words.Select(w => w.Word)),
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Redaction.TryParse(text, out var redaction, out var unknown))
                {
                    return redaction;
                }

                result.AddError($"--redact takes words among {string.Join(", ", Redaction.Words.Select(w => w.Word))}, comma-separated, not '{unknown}'.");
                return Redaction.None;
            },
        };
        var sealTo = CliArguments.Name("--seal-to", "write only C-0042-bundle.zip.sealed, sealed to the key this lawyer registered with /lawyerkey (they open it with distressbot open); nothing unsealed is written", required: false);
        return new Command("export-case", "the case's evidence bundle (log, signed checkpoints, PDF report), logged in the case; check it anywhere with distressbot verify DIRECTORY (docs/evidence.md)") { caseId, output, language, redact, sealTo }
            .WithAdminAction(
                side,
                parse => new ExportCaseOptions(parse.GetValue(caseId)!, CliArguments.FullPath(parse.GetValue(output)!, side.WorkingDirectory), parse.GetValue(language), parse.GetValue(redact) ?? Redaction.None, parse.GetValue(sealTo)),
                ExecuteAsync);
    }

    /// <summary>Exports the case; the export is logged in the case as the admin's. Exit 1 when the folder is not empty or there is no such case.</summary>
    public static async Task<AdminResult> ExecuteAsync(ExportCaseOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var (caseId, target, language, redaction) = (options.CaseId, options.Directory, options.Language ?? context.Rules.DefaultLanguage, options.Redaction);
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
        if (options.SealTo is { } lawyer)
        {
            seal = await context.Runtime.Store.RunAsync(db => SealingKey.Of(db, lawyer), ct);
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
            return AdminResult.Fail($"{target} cannot be made or written ({ex.Message}). {CaseFileArguments.WhoWrites} Nothing was exported.");
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
