using System.Globalization;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot export-case C-0042 --out DIR [--lang ru|en]`: the case's evidence bundle written into a new or empty folder (docs/evidence.md).</summary>
public static class ExportCaseCommand
{
    private const string Usage = "Usage: distressbot export-case C-0042 --out DIRECTORY [--lang ru|en]   (a new or empty directory outside the data directory)";

    /// <summary>Exports the case named by <c>args[1]</c>; the export is logged in the case as the admin's.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParse(args, context.Rules.DefaultLanguage, out var caseId, out var target, out var language, out var problem))
        {
            return AdminResult.Usage(problem + "\n" + Usage);
        }

        var dataDirectory = Path.GetFullPath(context.Runtime.Settings.DataDirectory) + Path.DirectorySeparatorChar;
        if ((target + Path.DirectorySeparatorChar).StartsWith(dataDirectory, StringComparison.Ordinal))
        {
            return AdminResult.Usage($"{target} is inside the data directory; export to a folder outside it.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return AdminResult.Fail($"{target} is not empty; give a new or empty directory. Nothing was exported.");
        }

        var now = context.Time.GetUtcNow();
        var data = await context.Runtime.Store.RunAsync(db => ExportCase.Run(db, null, caseId, now), ct);
        if (data is null)
        {
            return AdminResult.Fail($"There is no case {caseId} (or it was purged). Nothing was exported.");
        }

        var zone = TimeZones.TryFind(context.Rules.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var bundle = CaseBundles.Make(data, language, zone, now);
        Storage.OwnerOnly.CreateFolder(target);
        Storage.OwnerOnly.Tighten(target);
        bundle.WriteTo(target);
        var summary = TextCatalogue.Format(Language.En, TextId.ExportWritten, data.CaseId, data.Entries.Count.ToString(CultureInfo.InvariantCulture), target);
        return new AdminResult(0, target + "\n", summary + $". Check it with: distressbot verify {target}\n");
    }

    private static bool TryParse(IReadOnlyList<string> args, Language fallback, out string caseId, out string target, out Language language, out string problem)
    {
        (caseId, target, language, problem) = ("", "", fallback, "");
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count && target.Length == 0:
                    target = Path.GetFullPath(args[++i]);
                    break;
                case "--lang" when i + 1 < args.Count && LanguagePicker.TryParse(args[i + 1], out var chosen):
                    language = chosen;
                    i++;
                    break;
                case var word when word.StartsWith('-'):
                    problem = $"Unknown or incomplete option '{word}'.";
                    return false;
                case var word when caseId.Length == 0:
                    caseId = word.Trim().ToUpperInvariant();
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (caseId.Length == 0 || target.Length == 0)
        {
            problem = caseId.Length == 0 ? "Name the case: distressbot export-case C-0042 --out DIRECTORY." : "Name the folder to write: --out DIRECTORY.";
            return false;
        }

        return true;
    }
}
