using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Messages;

/// <summary>
/// Which chat menus to set: every subject once when the menu rules change, after that only the subjects marked in the same
/// unit of work as what changed their menu (enrolment, language, wording); never every person at every look.
/// </summary>
public sealed class CommandMenuChecksTests
{
    private static readonly BotRules Cover = DomainWorld.TestRules() with { CoverWording = true };

    [Fact]
    public void Pending_FirstLook_SweepsEverySubjectOnce_ThenReadsOnlyMarkedOnes()
    {
        var (w, salek, dana) = World();

        var first = w.Run(db => CommandMenuChecks.Pending(db, Cover));
        Shown(w, first);
        var afterShown = w.Run(db => CommandMenuChecks.Pending(db, Cover));
        var marksLeft = w.Run(db => db.Meta.MenuChecks().SubjectIds.ToList());

        // Dana's menu changed behind the marks' back: a look that read everyone would find her, one that reads marks does not.
        w.Run(db =>
        {
            var stored = db.People.Find(dana.Id)!;
            stored.MenuShown = "stale";
            db.People.Save(stored);
        });
        var unmarked = w.Run(db => CommandMenuChecks.Pending(db, Cover));
        w.Run(db => db.Meta.CheckMenu(dana.Id));
        var marked = w.Run(db => CommandMenuChecks.Pending(db, Cover));

        Assert.Equal(new[] { salek.Id, dana.Id }.Order(StringComparer.Ordinal), first.Select(m => m.SubjectId));
        Assert.All(first, m => Assert.True(m.Menu.Cover));
        Assert.Empty(afterShown);
        Assert.Empty(marksLeft); // satisfied marks are dropped
        Assert.Empty(unmarked);
        Assert.Equal([dana.Id], marked.Select(m => m.SubjectId));
    }

    [Fact]
    public void Pending_AfterTheMenuRulesChange_SweepsEverySubjectAgain()
    {
        var (w, salek, dana) = World();
        var plain = DomainWorld.TestRules();

        var underPlain = w.Run(db => CommandMenuChecks.Pending(db, plain));
        var underCover = w.Run(db => CommandMenuChecks.Pending(db, Cover));
        var ownAliases = Cover with { Aliases = new CommandAliases("ok", "when", "refresh", "later") };
        Shown(w, underCover);
        var underNewAliases = w.Run(db => CommandMenuChecks.Pending(db, ownAliases));

        Assert.Empty(underPlain); // a chat never given a menu already shows a plain one
        Assert.Equal(2, underCover.Count);
        Assert.Equal(new[] { salek.Id, dana.Id }.Order(StringComparer.Ordinal), underNewAliases.Select(m => m.SubjectId));
        Assert.All(underNewAliases, m => Assert.Equal("ok", m.Menu.Commands[0].Command));
    }

    [Fact]
    public void Pending_MarksOfPeopleGoneOrNotSubjects_AreDropped_AndSetNothing()
    {
        var (w, _, _) = World();
        Shown(w, w.Run(db => CommandMenuChecks.Pending(db, Cover)));
        var nina = w.Run(db => db.People.All().Single(p => p.Role == Role.Coordinator));

        w.Run(db =>
        {
            db.Meta.CheckMenu("p404");
            db.Meta.CheckMenu(nina.Id);
        });
        var pending = w.Run(db => CommandMenuChecks.Pending(db, Cover));

        Assert.Empty(pending);
        Assert.Empty(w.Run(db => db.Meta.MenuChecks().SubjectIds));
    }

    [Fact]
    public void Redeem_ANewSubject_IsMarked_SoTheirCoverMenuIsSetWithoutASweep()
    {
        var (w, _, _) = World();
        Shown(w, w.Run(db => CommandMenuChecks.Pending(db, Cover)));
        var nina = w.Run(db => db.People.All().Single(p => p.Role == Role.Coordinator));
        var code = w.Run(db => CreateInvite.Run(db, Role.Subject, "Mila", db.People.Find(nina.Id), w.Now, TimeSpan.FromDays(1))).Code!;

        var (_, mila) = w.Run(db => EnrollmentService.Redeem(db, code, 7001, 7001, Language.Ru, w.Now, Cover, new StrangerLedger().Begin(w.Now)));
        var pending = w.Run(db => CommandMenuChecks.Pending(db, Cover));

        Assert.Equal([mila!.Id], pending.Select(m => m.SubjectId));
        Assert.Equal(7001, pending[0].ChatId);
    }

    private static (DomainWorld World, Person Salek, Person Dana) World()
    {
        var w = new DomainWorld(rules: Cover);
        var nina = w.Coordinator();
        return (w, w.Subject(nina), w.Subject(nina, "Dana"));
    }

    // What CommandMenus does once Telegram took a menu: the person records it.
    private static void Shown(DomainWorld w, IEnumerable<MenuToSet> menus) => w.Run(db =>
    {
        foreach (var menu in menus)
        {
            var subject = db.People.Find(menu.SubjectId)!;
            subject.MenuShown = menu.Menu.Key;
            db.People.Save(subject);
        }
    });
}
