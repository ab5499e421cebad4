using DistressBot.Domain;

namespace DistressBot.Messages;

/// <summary>One subject's chat whose command menu must be set: the subject's id, the chat, the menu.</summary>
/// <param name="SubjectId">The subject's store id.</param>
/// <param name="ChatId">Their private chat with the bot.</param>
/// <param name="Menu">The menu it must show.</param>
public sealed record MenuToSet(string SubjectId, long ChatId, SubjectMenu Menu);

/// <summary>
/// Which subjects' chat menus to set, read from the marked subjects (<see cref="MetaStore.CheckMenu"/>) rather than from every
/// person: every subject is read once only when the menu rules changed (or were never swept), e.g. cover wording turned on for
/// the whole deployment.
/// </summary>
public static class CommandMenuChecks
{
    /// <summary>The menus to set now under <paramref name="rules"/>, in this unit of work; marks already satisfied (or of people gone) are dropped.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">A record read does not open.</exception>
    public static IReadOnlyList<MenuToSet> Pending(DataSession db, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var checks = db.Meta.MenuChecks();
        var changed = false;
        var rulesKey = CommandMenu.RulesKey(rules);
        if (!string.Equals(checks.SweptUnder, rulesKey, StringComparison.Ordinal))
        {
            // Marked and swept in the same unit: a crash before the menus are set leaves the marks, not a sweep to redo.
            foreach (var subject in db.People.All().Where(p => p.Role == Role.Subject))
            {
                checks.SubjectIds.Add(subject.Id);
            }

            checks.SweptUnder = rulesKey;
            changed = true;
        }

        var pending = new List<MenuToSet>();
        foreach (var id in checks.SubjectIds.Order(StringComparer.Ordinal).ToList())
        {
            if (db.People.Find(id) is { Role: Role.Subject } subject && CommandMenu.For(subject, rules) is var menu && CommandMenu.NeedsSetting(subject, menu))
            {
                pending.Add(new MenuToSet(id, subject.ChatId, menu));
            }
            else
            {
                // Set since it was marked (the menu is written on the person when Telegram took it), or nothing to set.
                checks.SubjectIds.Remove(id);
                changed = true;
            }
        }

        if (changed)
        {
            db.Meta.Save(checks);
        }

        return pending;
    }
}
