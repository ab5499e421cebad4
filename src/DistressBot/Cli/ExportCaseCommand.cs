using System.Globalization;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot export-case C-0042 --out DIR [--lang ru|en] [--redact locations,notes]`: the case's evidence bundle written into a new or empty folder (docs/evidence.md).</summary>
public static class ExportCaseCommand
{
    private const string Usage = "Usage: distressbot export-case C-0042 --out DIRECTORY [--lang ru|en] [--redact locations,notes]   (a new or empty directory outside the data directory;"
        + " --redact withholds entries: locations = location and alert_delivered entries, notes = note and resolved entries)";

    /// <summary>Exports the case named by <c>args[1]</c>; the export is logged in the case as the admin's.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParse(args, context.Rules.DefaultLanguage, out var request, out var problem))
        {
            return AdminResult.Usage(problem + "\n" + Usage);
        }

        var (caseId, target, language) = (request.CaseId, request.Target, request.Language);

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
        var data = await context.Runtime.Store.RunAsync(db => ExportCase.Run(db, null, caseId, now, request.Redaction), ct);
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
        var withheld = data.Redaction.IsNone ? "" : $" (redacted: {data.Redaction})";
        return new AdminResult(0, target + "\n", summary + withheld + $". Check it with: distressbot verify {target}\n");
    }

    private static bool TryParse(IReadOnlyList<string> args, Language fallback, out Request request, out string problem)
    {
        var (caseId, target, language, redaction) = ("", "", fallback, (Redaction?)null);
        (request, problem) = (new Request("", "", fallback, Redaction.None), "");
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
                case "--redact" when redaction is not null:
                    problem = "--redact is given twice.";
                    return false;
                case "--redact" when i + 1 < args.Count:
                    if (!Redaction.TryParse(args[++i], out var chosen, out var unknown))
                    {
                        problem = $"--redact takes words among {string.Join(", ", Redaction.Words.Select(w => w.Word))}, comma-separated, not '{unknown}'.";
                        return false;
                    }

                    redaction = chosen;
                    break;
                case "--out" or "--lang" or "--redact":
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

        request = new Request(caseId, target, language, redaction ?? Redaction.None);
        return true;
    }

    // The path with every symbolic link on it resolved, as far as the path exists (the rest is kept as written).
    private static string RealPath(string path)
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

    /// <summary>The parsed command line: case number as typed (upper case), the folder (full path), the reader's language, what to withhold.</summary>
    private sealed record Request(string CaseId, string Target, Language Language, Redaction Redaction);
}
