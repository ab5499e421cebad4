using System.Globalization;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot export-case C-0042 --out DIR [--lang ru|en] [--redact locations,notes]`: the case's evidence bundle written into a new or empty folder (docs/evidence.md).</summary>
public static class ExportCaseCommand
{
    private const string Usage = "Usage: distressbot export-case C-0042 --out DIRECTORY [--lang ru|en] [--redact locations,notes]   (a new or empty directory outside the data directory;"
        + " --redact withholds entries: locations = location and alert_delivered entries, notes = note, resolved and fact entries)";

    /// <summary>Exports the case named by <c>args[1]</c>; the export is logged in the case as the admin's.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (!TakeRedaction(args, out var rest, out var redaction, out var redactProblem))
        {
            return AdminResult.Usage(redactProblem + "\n" + Usage);
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
