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
        var arguments = CaseFileArguments.Parse(args, 2, context.Rules.DefaultLanguage, out var problem);
        if (arguments is null || arguments.Words.Count < 2 || arguments.Target.Length == 0 || !DraftKinds.TryParse(arguments.Words[1], out var kind))
        {
            problem = arguments is null ? problem
                : arguments.Words.Count == 0 ? "Name the case: distressbot draft C-0042 wgeid --out FILE."
                : arguments.Words.Count == 1 ? "Name the kind of draft: police, wgeid or interim."
                : arguments.Target.Length == 0 ? "Name the file to write: --out FILE."
                : $"'{arguments.Words[1]}' is not a kind of draft: police, wgeid or interim.";
            return AdminResult.Usage(problem + "\n" + Usage);
        }

        var parsed = new Parsed(arguments.Words[0].Trim().ToUpperInvariant(), kind, arguments.Target, arguments.Language);
        if (!Domain.CaseNumber.IsValid(parsed.CaseId))
        {
            return AdminResult.Usage($"'{arguments.Words[0]}' is not a case number (C-0042).\n{Usage}");
        }

        if (CaseFileArguments.IsInsideDataDirectory(parsed.Target, context.Runtime.Settings.DataDirectory))
        {
            return AdminResult.Usage($"{parsed.Target} is inside the data directory; write the draft outside it.");
        }

        if (File.Exists(parsed.Target) || Directory.Exists(parsed.Target))
        {
            return AdminResult.Fail($"{parsed.Target} exists already; give a new file name. Nothing was written.");
        }

        // The file is made (owner-only: it holds what the lawyer knows of the person) before the draft is logged, so a file
        // that cannot be made leaves no "draft" entry; a case that is not there leaves no file.
        FileStream file;
        try
        {
            // A missing folder is made, owner-only, as export-case makes its own.
            Storage.OwnerOnly.CreateFolder(Path.GetDirectoryName(parsed.Target)!);
            file = Storage.OwnerOnly.CreateFile(parsed.Target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AdminResult.Fail($"{parsed.Target} cannot be made ({ex.Message}). Nothing was written.");
        }

        DraftFile? draft;
        await using (file)
        {
            var now = context.Time.GetUtcNow();
            var zone = TimeZones.TryFind(context.Rules.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
            draft = await context.Runtime.Store.RunAsync(db => MakeDraft.Run(db, null, parsed.CaseId, parsed.Kind, parsed.Language, zone, now), ct);
            if (draft is not null)
            {
                await file.WriteAsync(draft.Content, ct);
            }
        }

        if (draft is null)
        {
            File.Delete(parsed.Target);
            return AdminResult.Fail($"There is no case {parsed.CaseId} (or it was purged). Nothing was written.");
        }

        var summary = TextCatalogue.Format(Language.En, TextId.DraftWritten, draft.CaseId, DraftKinds.Word(draft.Kind), parsed.Target);
        return new AdminResult(0, parsed.Target + "\n", summary + $" (SHA-256 {draft.Sha256}, logged in the case). It is a DRAFT: the lawyer completes every [TO FILL] blank.\n");
    }

    private sealed record Parsed(string CaseId, DraftKind Kind, string Target, Language Language);
}
