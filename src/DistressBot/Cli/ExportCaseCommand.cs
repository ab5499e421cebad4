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

        // Compared with links resolved: a link into the data directory would put the (unencrypted) bundle into its backups.
        var dataDirectory = RealPath(Path.GetFullPath(context.Runtime.Settings.DataDirectory)) + Path.DirectorySeparatorChar;
        if ((RealPath(target) + Path.DirectorySeparatorChar).StartsWith(dataDirectory, StringComparison.Ordinal))
        {
            return AdminResult.Usage($"{target} is inside the data directory; export to a folder outside it.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return AdminResult.Fail($"{target} is not empty; give a new or empty directory. Nothing was exported.");
        }

        // The folder is made before the export is logged, so a folder that cannot be written leaves no "exported" entry.
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
        var data = await context.Runtime.Store.RunAsync(db => ExportCase.Run(db, null, caseId, now), ct);
        if (data is null)
        {
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
        return new AdminResult(0, target + "\n", summary + $". Check it with: distressbot verify {target}\n");
    }

    private static bool TryParse(IReadOnlyList<string> args, Language fallback, out string caseId, out string target, out Language language, out string problem)
    {
        (caseId, target, language, problem) = ("", "", fallback, "");
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when target.Length > 0:
                    problem = "--out is given twice.";
                    return false;
                case "--out" when i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]):
                    target = Path.GetFullPath(args[++i]);
                    break;
                case "--lang" when i + 1 < args.Count:
                    if (!LanguagePicker.TryParse(args[++i], out language))
                    {
                        problem = $"--lang takes ru or en, not '{args[i]}'.";
                        return false;
                    }

                    break;
                case "--out" or "--lang":
                    problem = $"{args[i]} needs a value.";
                    return false;
                case var word when word.StartsWith('-'):
                    problem = $"Unknown option '{word}'.";
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

    // The path with every symbolic link on it resolved, as far as the path exists (the rest is kept as written).
    internal static string RealPath(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var real = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            var next = Path.Combine(real, part);
            var info = new DirectoryInfo(next);
            real = info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next : next;
        }

        return real;
    }
}
