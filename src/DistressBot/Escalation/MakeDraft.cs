using System.Security.Cryptography;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>A draft filing made from a case: its file name, bytes and SHA-256 (as logged).</summary>
/// <param name="CaseId">The case number.</param>
/// <param name="Kind">Which filing.</param>
/// <param name="FileName">"C-0042-wgeid-draft.docx".</param>
/// <param name="Content">The .docx.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of <paramref name="Content"/>.</param>
public sealed record DraftFile(string CaseId, DraftKind Kind, string FileName, byte[] Content, string Sha256);

/// <summary>
/// A coordinator or lawyer on the case (/draft C-0042 police|wgeid|interim), or the admin (distressbot draft), makes a draft filing
/// from the case as it stands: the draft (<see cref="DraftAppeal"/>) is made first, then its making is a step of the case's log
/// with its kind, language and SHA-256, so the log names the very file handed out.
/// </summary>
public static class MakeDraft
{
    /// <summary>
    /// Makes the <paramref name="kind"/> draft of case <paramref name="caseId"/> (as typed) for <paramref name="actor"/> (null: the
    /// admin) in <paramref name="language"/> and <paramref name="zone"/> at <paramref name="now"/>; null when there is no such case
    /// or the actor is not on it (the attempt is then logged in the case, see <see cref="CaseAccess.Enter"/>).
    /// </summary>
    public static DraftFile? Run(DataSession db, Person? actor, string caseId, DraftKind kind, Language language, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(zone);
        var found = actor is null ? AdminFind(db, caseId) : CaseAccess.Enter(db, actor, caseId, now) is var (onCase, ofCase) ? (onCase, ofCase) : null;
        if (found is not var (@case, subject))
        {
            return null;
        }

        var alias = subject?.Name ?? DraftTexts.Format(DraftText.ToFill, language, DraftTexts.Template(DraftText.FieldAlias, language));
        var content = DraftAppeal.Make(new DraftInput(kind, @case, alias, db.People.Find, language, zone, now));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        @case.Timeline.Add(new CaseEntry
        {
            At = now,
            Kind = CaseEntryKind.DraftMade,
            PersonId = actor?.Id,
            ByAdmin = actor is null,
            Detail = $"{DraftKinds.Word(kind)} {(language == Language.Ru ? "ru" : "en")} sha256={sha256}",
        });
        db.Cases.Save(@case);
        return new DraftFile(@case.Id, kind, DraftAppeal.FileName(@case.Id, kind), content, sha256);
    }

    private static (Case Case, Person? Subject)? AdminFind(DataSession db, string caseId)
    {
        var id = caseId.Trim().ToUpperInvariant();
        if (!CaseNumber.IsValid(id))
        {
            return null;
        }

        try
        {
            // A subject no longer enrolled still has their case drafted from: the alias is then a blank for the lawyer.
            return db.Cases.Find(id) is { } @case ? (@case, db.People.Find(@case.SubjectId)) : null;
        }
        catch (Crypto.RecordIntegrityException)
        {
            return null; // purged: nothing left to draft from
        }
    }
}
