using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot draft C-0042 police|wgeid|interim --out FILE [--lang ru|en]`: a draft filing (.docx) made from the case, logged in it as the admin's.</summary>
public static class DraftCommand
{
    private const string Usage = "Usage: distressbot draft C-0042 police|wgeid|interim --out FILE.docx [--lang ru|en]   (a new file outside the data directory)";

    /// <summary>Writes the draft of the case named by <c>args[1]</c> into a new file; times are in Rules' default time zone.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParse(args, context.Rules.DefaultLanguage, out var parsed, out var problem))
        {
            return AdminResult.Usage(problem + "\n" + Usage);
        }

        var dataDirectory = Path.GetFullPath(context.Runtime.Settings.DataDirectory) + Path.DirectorySeparatorChar;
        if (parsed.Target.StartsWith(dataDirectory, StringComparison.Ordinal))
        {
            return AdminResult.Usage($"{parsed.Target} is inside the data directory; write the draft outside it.");
        }

        if (File.Exists(parsed.Target) || Directory.Exists(parsed.Target))
        {
            return AdminResult.Fail($"{parsed.Target} exists already; give a new file name. Nothing was written.");
        }

        if (Path.GetDirectoryName(parsed.Target) is { } folder && !Directory.Exists(folder))
        {
            return AdminResult.Fail($"The folder {folder} does not exist. Nothing was written.");
        }

        var now = context.Time.GetUtcNow();
        var zone = TimeZones.TryFind(context.Rules.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var draft = await context.Runtime.Store.RunAsync(db => MakeDraft.Run(db, null, parsed.CaseId, parsed.Kind, parsed.Language, zone, now), ct);
        if (draft is null)
        {
            return AdminResult.Fail($"There is no case {parsed.CaseId} (or it was purged). Nothing was written.");
        }

        // Owner-only from the start: the draft holds what the lawyer knows of the person.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(parsed.Target, options))
        {
            await file.WriteAsync(draft.Content, ct);
        }

        var summary = TextCatalogue.Format(Language.En, TextId.DraftWritten, draft.CaseId, DraftKinds.Word(draft.Kind), parsed.Target);
        return new AdminResult(0, parsed.Target + "\n", summary + $" (SHA-256 {draft.Sha256}, logged in the case). It is a DRAFT: the lawyer completes every [TO FILL] blank.\n");
    }

    private sealed record Parsed(string CaseId, DraftKind Kind, string Target, Language Language);

    private static bool TryParse(IReadOnlyList<string> args, Language fallback, out Parsed parsed, out string problem)
    {
        var (caseId, kindWord, target, language) = ("", "", "", fallback);
        parsed = new Parsed("", DraftKind.Police, "", fallback);
        problem = "";
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count && target.Length == 0 && !string.IsNullOrWhiteSpace(args[i + 1]):
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
                case var word when kindWord.Length == 0:
                    kindWord = word;
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (caseId.Length == 0 || kindWord.Length == 0 || target.Length == 0)
        {
            problem = caseId.Length == 0 ? "Name the case: distressbot draft C-0042 wgeid --out FILE."
                : kindWord.Length == 0 ? "Name the kind of draft: police, wgeid or interim."
                : "Name the file to write: --out FILE.";
            return false;
        }

        if (!DraftKinds.TryParse(kindWord, out var kind))
        {
            problem = $"'{kindWord}' is not a kind of draft: police, wgeid or interim.";
            return false;
        }

        parsed = new Parsed(caseId, kind, target, language);
        return true;
    }
}
