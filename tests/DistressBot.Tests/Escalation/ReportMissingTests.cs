using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/missing: a coordinator in the chain opens a case at both levels with what they know; the subject and outsiders are never told.</summary>
public sealed class ReportMissingTests
{
    /// <summary>Reporter, what they typed, outcome, subject found, report text kept.</summary>
    public static TheoryData<string, string, MissingOutcome, string?, string?> Reports => new()
    {
        { "Nina", "Salek", MissingOutcome.Opened, "Salek", "" },
        { "Nina", "Salek call, screaming in the background", MissingOutcome.Opened, "Salek", "call, screaming in the background" },
        { "Nina", "sALEK   \n  last seen at the station ", MissingOutcome.Opened, "Salek", "last seen at the station" },
        { "Boris", "Salek backup reports", MissingOutcome.Opened, "Salek", "backup reports" },
        { "Nina", "Anna Maria is not answering", MissingOutcome.Opened, "Anna Maria", "is not answering" },
        { "Nina", "Anna went out", MissingOutcome.Opened, "Anna", "went out" },
        { "Nina", "Salekx went out", MissingOutcome.SubjectNotFound, null, null },
        { "Nina", "Dana went out", MissingOutcome.SubjectNotFound, null, null },
        { "Nina", "", MissingOutcome.Usage, null, null },
        { "Zoe", "Salek went out", MissingOutcome.SubjectNotFound, null, null },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Run_ByReporterAndText(string reporter, string typed, MissingOutcome outcome, string? subjectName, string? report)
    {
        var (w, people) = World();

        var result = w.Run(db => ReportMissing.Run(db, db.People.Find(people[reporter].Id)!, typed, CaseChain.Opening));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(subjectName, result.Subject?.Name);
        var opened = w.Run(db => db.Cases.Find("C-0001"));
        if (subjectName is null)
        {
            Assert.Null(opened);
            Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
            return;
        }

        Assert.NotNull(opened);
        Assert.Equal(result.Case?.Id, opened.Id);
        Assert.Equal(CaseTrigger.MissingReport, opened.Trigger);
        Assert.Equal(people[reporter].Id, opened.ReportedBy);
        Assert.Equal(report, opened.ReportText);
        Assert.Equal(opened.Id, w.Fresh(people[subjectName]).Checkin!.OpenCaseId);
        Assert.Equal(people[subjectName].Id, opened.SubjectId);
    }

    [Fact]
    public void Run_Opened_AlertsBothLevelsAtOnce_NeverTheSubjectOrOutsiders()
    {
        var (w, people) = World();

        w.Run(db => ReportMissing.Run(db, db.People.Find(people["Nina"].Id)!, "Salek not answering", CaseChain.Opening));

        var told = w.Run(db => db.Outbox.All().Select(m => m.PersonId).ToHashSet());
        Assert.Equal(new HashSet<string?> { people["Nina"].Id, people["Olga"].Id, people["Boris"].Id }, told);
        Assert.DoesNotContain(people["Salek"].Id, told);
        Assert.DoesNotContain(people["Zoe"].Id, told);
        Assert.DoesNotContain(people["Anna"].Id, told);
    }

    [Fact]
    public void Run_OverlongReport_IsCutToTheLimit()
    {
        var (w, people) = World();

        var result = w.Run(db => ReportMissing.Run(db, db.People.Find(people["Nina"].Id)!, "Salek " + new string('x', 5000), CaseChain.Opening));

        var text = w.Case(result.Case!.Id).ReportText!;
        Assert.Equal(ReportMissing.MaxReportLength, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    // Salek's chain; Nina also has Anna and Anna Maria; Zoe is a coordinator of nobody here.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Subject(w.Chain.Nina, "Anna");
        w.Subject(w.Chain.Nina, "Anna Maria");
        w.Coordinator("Zoe");
        return (w, w.Run(db => db.People.All().ToDictionary(p => p.Name)));
    }
}
