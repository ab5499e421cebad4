using System.CommandLine;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot draft`'s options.</summary>
/// <param name="CaseId">The case number, upper-cased (C-0042).</param>
/// <param name="Kind">Which filing.</param>
/// <param name="Target">The absolute path of the new .docx file.</param>
/// <param name="Language">The draft's language; null: the bot's default.</param>
public sealed record DraftOptions(string CaseId, DraftKind Kind, string Target, Language? Language);

/// <summary>`distressbot draft C-0042 police|wgeid|interim --out FILE [--lang ru|en]`: a draft filing (.docx) made from the case, logged in it as the admin's.</summary>
public static class DraftCommand
{
    /// <summary>The `draft` command.</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var caseId = CliArguments.Case("the case the draft is made from, e.g. C-0042");
        var kind = new Argument<DraftKind>("KIND")
        {
            Description = "police (a missing-person report), wgeid (a UN WGEID urgent action) or interim (interim measures)",
            HelpName = "police|wgeid|interim",
            CustomParser = result => CliArguments.OneToken<DraftKind?>(
                result,
                text => DraftKinds.TryParse(text, out var parsed) ? parsed : null,
                text => $"'{text}' is not a kind of draft: police, wgeid or interim.") ?? DraftKind.Police,
        };
        kind.CompletionSources.Add("police", "wgeid", "interim");
        var output = CliArguments.PathOption("--out", "FILE.docx", "a new file outside the data directory", required: true);
        var language = CliArguments.Language("the draft's language (default: Bot:DefaultLanguage)");
        return new Command("draft", "a draft filing from the case for the lawyer to complete; logged in the case with its SHA-256") { caseId, kind, output, language }
            .WithAdminAction(
                side,
                parse => new DraftOptions(parse.GetValue(caseId)!, parse.GetValue(kind), CliArguments.FullPath(parse.GetValue(output)!, side.WorkingDirectory), parse.GetValue(language)),
                ExecuteAsync);
    }

    /// <summary>Writes the draft into a new file; times are in Rules' default time zone. Exit 1 when the file exists or there is no such case.</summary>
    public static async Task<AdminResult> ExecuteAsync(DraftOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var (parsed, language) = (options, options.Language ?? context.Rules.DefaultLanguage);
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
            return AdminResult.Fail($"{parsed.Target} cannot be made ({ex.Message}). {CaseFileArguments.WhoWrites} Nothing was written.");
        }

        DraftFile? draft;
        await using (file)
        {
            var now = context.Time.GetUtcNow();
            var zone = TimeZones.TryFind(context.Rules.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
            draft = await context.Runtime.Store.RunAsync(db => MakeDraft.Run(db, null, parsed.CaseId, parsed.Kind, language, zone, now), ct);
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
}
