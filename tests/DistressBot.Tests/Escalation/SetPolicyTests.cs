using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>policy: the timings given replace the subject's own, the rest are kept, a reset returns to the deployment's; nobody is told.</summary>
public sealed class SetPolicyTests
{
    // The deployment's timings in these tests: level 2 after 15 minutes, repeats every 10, acknowledged reminder after 30.
    private static readonly EscalationPolicy Deployment = new(Minutes(15), Minutes(10), Minutes(30));

    /// <summary>Salek's own timings before, the change ("reset" or three fields), his own after, in force after; minutes, "_" for none.</summary>
    public static TheoryData<string, string, string, string> Changes => new()
    {
        { "none", "5 _ _", "5 _ _", "5 10 30" },
        { "none", "_ 2 60", "_ 2 60", "15 2 60" },
        { "5 _ _", "_ 2 _", "5 2 _", "5 2 30" },
        { "5 2 60", "7 _ _", "7 2 60", "7 2 60" },
        { "5 2 60", "_ _ _", "5 2 60", "5 2 60" },
        { "5 2 60", "reset", "none", "15 10 30" },
        { "none", "reset", "none", "15 10 30" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void RunOrReset_MergesWithTheSubjectsOwnTimings(string before, string change, string after, string inForce)
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db =>
        {
            var salek = db.People.Find(w.Chain.Salek.Id)!;
            salek.Policy = Override(before);
            db.People.Save(salek);
        });

        var effective = w.Run(db => change == "reset"
            ? SetPolicy.Reset(db, db.People.Find(w.Chain.Salek.Id)!, Deployment)
            : SetPolicy.Run(db, db.People.Find(w.Chain.Salek.Id)!, Override(change)!, Deployment));

        Assert.Equal(Override(after), w.Fresh(w.Chain.Salek).Policy);
        var (ack, repeat, acked) = Fields(inForce);
        Assert.Equal(new EscalationPolicy(ack!.Value, repeat!.Value, acked!.Value), effective);
        Assert.Empty(w.Run(db => db.Outbox.All().ToList())); // nobody is told
        Assert.All(new[] { w.Chain.Nina, w.Chain.Olga, w.Chain.Boris }, p => Assert.Null(w.Fresh(p).Policy));
    }

    [Fact]
    public void Run_NotASubject_ThrowsAndChangesNothing()
    {
        var w = DomainWorld.WithCaseChain();

        Assert.Throws<ArgumentException>(() => w.Run(db => SetPolicy.Run(db, db.People.Find(w.Chain.Nina.Id)!, new EscalationPolicyOverride(Minutes(5), null, null), Deployment)));

        Assert.Null(w.Fresh(w.Chain.Nina).Policy);
    }

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private static EscalationPolicyOverride? Override(string text)
    {
        if (text == "none")
        {
            return null;
        }

        var (ack, repeat, acked) = Fields(text);
        return new EscalationPolicyOverride(ack, repeat, acked);
    }

    private static (TimeSpan? Ack, TimeSpan? Repeat, TimeSpan? Acked) Fields(string text)
    {
        var f = text.Split(' ').Select(s => s == "_" ? (TimeSpan?)null : Minutes(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        return (f[0], f[1], f[2]);
    }
}
