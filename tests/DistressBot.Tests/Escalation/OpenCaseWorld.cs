using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// Salek's case C-0001 opened at <see cref="CaseChain.Opening"/> and its level 1 alerts delivered to Nina and Olga, nothing else
/// queued; Boris backs Salek up, Lev is Salek's lawyer, Zoe coordinates nobody here and Mark is a lawyer of nobody here.
/// </summary>
internal sealed class OpenCaseWorld
{
    /// <summary>The case's number.</summary>
    public const string CaseId = "C-0001";

    private OpenCaseWorld(DomainWorld world, Dictionary<string, Person> people)
    {
        World = world;
        People = people;
    }

    /// <summary>The world.</summary>
    public DomainWorld World { get; }

    /// <summary>Everyone by name, as enrolled.</summary>
    public Dictionary<string, Person> People { get; }

    /// <summary>Everyone's names.</summary>
    public static IReadOnlyList<string> Everyone { get; } = ["Nina", "Olga", "Boris", "Lev", "Salek", "Zoe", "Mark"];

    /// <summary>Builds the world.</summary>
    public static OpenCaseWorld Start()
    {
        var w = DomainWorld.WithCaseChain();
        w.Coordinator("Zoe");
        w.Run(db =>
        {
            var lev = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9001, "Lev", "Europe/Moscow", w.Now);
            var mark = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9002, "Mark", "UTC", w.Now);
            db.People.Save(lev);
            db.People.Save(mark);
            AssignLawyer.ToSubject(db, db.People.Find(w.Chain.Salek.Id)!, lev);
        });
        w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        var people = w.Run(db => db.People.All().ToDictionary(p => p.Name));
        return new OpenCaseWorld(w, people);
    }

    /// <summary>Runs <paramref name="act"/> by <paramref name="actor"/> as stored now, in one unit of work.</summary>
    public CaseActionResult Act(string actor, Func<DataSession, Person, CaseActionResult> act) =>
        World.Run(db => act(db, db.People.Find(People[actor].Id)!));

    /// <summary>The case as stored now.</summary>
    public Case Case => World.Case(CaseId);

    /// <summary>The names of everyone with a queued row.</summary>
    public HashSet<string> Told() =>
        [.. Everyone.Where(name => World.Queued(People[name]).Count > 0)];
}
