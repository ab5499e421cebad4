using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// What the escalation tests need around a case, each in one place: the case actions (acknowledge, note, resolve) so they
/// can be repointed when they become use cases, who was told what, and a lawyer for the chain.
/// </summary>
internal static class CaseSteps
{
    /// <summary><paramref name="actor"/> takes case C-0001 at <paramref name="at"/>; returns what the use case decided.</summary>
    public static CaseActionResult Acknowledge(DomainWorld w, Person actor, DateTimeOffset at) =>
        TakeCase.Run(w.Db, w.Fresh(actor), "C-0001", at);

    /// <summary><paramref name="actor"/> adds a note to case C-0001 at <paramref name="at"/>.</summary>
    public static CaseActionResult Note(DomainWorld w, Person actor, string text, DateTimeOffset at) =>
        AddCaseNote.Run(w.Db, w.Fresh(actor), "C-0001", text, at);

    /// <summary><paramref name="actor"/> resolves case C-0001 at <paramref name="at"/>.</summary>
    public static CaseActionResult Resolve(DomainWorld w, Person actor, CaseOutcome outcome, DateTimeOffset at) =>
        CloseCase.Run(w.Db, w.Fresh(actor), "C-0001", outcome, "", at, OwedDeadlines.ResumeAfterResolution);

    /// <summary>"Name:Reason" for each row queued to the chain (and the subject), sorted; a row that is not an alert reads "Name:Message".</summary>
    public static string Told(DomainWorld w) => string.Join(' ', new[] { w.Chain.Nina, w.Chain.Olga, w.Chain.Boris, w.Chain.Salek }
        .SelectMany(p => w.Queued(p).Select(row => p.Name + ":" + (row.Content?.Reason?.ToString() ?? "Message")))
        .Order(StringComparer.Ordinal));

    /// <summary>Enrols Alexander, a lawyer reading English in Moscow time, as Salek's lawyer (level 2).</summary>
    public static Person AddLawyer(DomainWorld w) => w.Run(db =>
    {
        var lawyer = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 2000, "Alexander", "Europe/Moscow", w.Now);
        var salek = db.People.Find(w.Chain.Salek.Id)!;
        salek.LawyerIds.Add(lawyer.Id);
        lawyer.SubjectIds.Add(salek.Id);
        db.People.Save(lawyer);
        db.People.Save(salek);
        return lawyer;
    });

    /// <summary>Olga reads Russian from now on.</summary>
    public static void OlgaReadsRussian(DomainWorld w)
    {
        var olga = w.Fresh(w.Chain.Olga);
        olga.Language = global::DistressBot.Localization.Language.Ru;
        w.Db.People.Save(olga);
    }
}
