using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Messages;

/// <summary>One command of a subject's menu: its name without the slash and the words beside it.</summary>
/// <param name="Command">The command name.</param>
/// <param name="Description">Its description, in the subject's language and wording.</param>
public sealed record MenuCommand(string Command, string Description);

/// <summary>The command menu a subject's chat should show.</summary>
/// <param name="Key">What tells one menu from another (wording, language, names); stored as <see cref="Person.MenuShown"/> once set.</param>
/// <param name="Cover">True for the neutral menu of cover wording.</param>
/// <param name="Commands">The commands, in menu order.</param>
public sealed record SubjectMenu(string Key, bool Cover, IReadOnlyList<MenuCommand> Commands);

/// <summary>Words a subject's command menu like their texts: plain (/checkin, /status, /sos) or cover (the neutral aliases only).</summary>
public static class CommandMenu
{
    /// <summary>The menu <paramref name="subject"/>'s chat should show under <paramref name="rules"/>.</summary>
    public static SubjectMenu For(Person subject, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var reader = Reader.Of(subject, rules.CoverWording);
        var cover = reader.Voice == TextVoice.Cover;
        var aliases = rules.SubjectAliases;
        (string Name, TextId Words)[] items =
        [
            (cover ? aliases.Checkin : "checkin", TextId.MenuCheckin),
            (cover ? aliases.Status : "status", TextId.MenuStatus),
            (cover ? aliases.Sos : "sos", TextId.MenuSos),
            ("pin", TextId.MenuPin),
            (cover ? aliases.Pause : "pause", TextId.MenuPause),
            ("schedule", TextId.MenuSchedule),
            ("timezone", TextId.MenuTimezone),
            ("help", TextId.MenuHelp),
        ];
        var commands = items.Select(i => new MenuCommand(i.Name, Wording.Render(new MessageText(i.Words), reader))).ToList();
        var key = (cover ? "cover:" : "plain:") + reader.Language + ":" + string.Join(",", commands.Select(c => c.Command));
        return new SubjectMenu(key, cover, commands);
    }

    /// <summary>What of <paramref name="rules"/> a menu depends on (the deployment's wording and the subjects' aliases): when it changes, every subject's menu is looked at once.</summary>
    public static string RulesKey(BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return (rules.CoverWording ? "cover:" : "plain:") + string.Join(",", rules.SubjectAliases.All);
    }

    /// <summary>
    /// True when <paramref name="subject"/>'s chat must be given <paramref name="menu"/>: it shows another one. A chat never
    /// given a menu shows the bot's default (none), which is left alone until the subject first reads cover wording.
    /// </summary>
    public static bool NeedsSetting(Person subject, SubjectMenu menu)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(menu);
        return subject.MenuShown is null ? menu.Cover : !string.Equals(subject.MenuShown, menu.Key, StringComparison.Ordinal);
    }
}
