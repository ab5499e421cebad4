using System.Text.RegularExpressions;
using DistressBot.Cli;
using DistressBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Tests.Settings;

/// <summary>The README's settings and exit-code tables say what the program does.</summary>
public sealed partial class ReadmeTablesTests
{
    private const string Home = "/home/admin";

    [Fact]
    public void SettingsTable_ListsEverySetting_WithItsRealDefault()
    {
        var rows = Table("| setting | default | meaning |");
        var settings = BotSettings.Bind(new ConfigurationBuilder().Build(), name => name == "HOME" ? Home : null);
        var known = Sections(settings).SelectMany(s => s.Section.GetType().GetProperties().Where(p => p.CanWrite).Select(p => s.Name + ":" + p.Name)).ToList();

        Assert.Equal(known.Order(StringComparer.Ordinal), rows.Select(r => Code().Match(r[0]).Groups[1].Value).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var key = Code().Match(row[0]).Groups[1].Value;
            var (section, property) = (key.Split(':')[0], key.Split(':')[1]);
            var target = Sections(settings).Single(s => s.Name == section).Section;
            var value = target.GetType().GetProperty(property)!.GetValue(target);
            var documented = Code().Matches(row[1]).Select(m => m.Groups[1].Value).ToList();
            switch (value)
            {
                case TimeSpan or null when key == "Checkins:DefaultGrace":
                    Assert.True(SettingDuration.TryParse(documented[0], out var grace), key);
                    Assert.Equal(settings.Checkins.EffectiveDefaultGrace, grace);
                    break;
                case TimeSpan duration:
                    Assert.True(SettingDuration.TryParse(documented.Single(), out var parsed), key);
                    Assert.Equal(duration, parsed);
                    break;
                case string text when key is "Storage:DataDirectory" or "Crypto:KeyringPath":
                    Assert.Equal(documented[^1].Replace("~", Home, StringComparison.Ordinal), text);
                    break;
                case bool flag:
                    Assert.Equal(flag ? "true" : "false", documented.Single());
                    break;
                case null or "":
                    Assert.StartsWith("—", row[1], StringComparison.Ordinal);
                    break;
                default:
                    Assert.Equal(documented.Single(), value.ToString());
                    break;
            }
        }
    }

    [Fact]
    public void ExitCodeTable_MatchesTheProgramsCodes()
    {
        var rows = Table("| exit code | meaning |").ToDictionary(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r => r[1]);

        Assert.Equal([0, 1, 2, 3, 4, 5], rows.Keys.Order());
        Assert.StartsWith("refused", rows[CommandLine.ExitRefused], StringComparison.Ordinal);
        Assert.StartsWith("bad settings", rows[CommandLine.ExitUsage], StringComparison.Ordinal);
        Assert.StartsWith("keyring not opened", rows[CommandLine.ExitKeys], StringComparison.Ordinal);
        Assert.StartsWith("data directory taken", rows[CommandLine.ExitData], StringComparison.Ordinal);
        Assert.StartsWith("`run` stopped", rows[CommandLine.ExitFailed], StringComparison.Ordinal);
    }

    /// <summary>The exit code the README gives for a meaning that starts with <paramref name="meaning"/>.</summary>
    internal static int DocumentedExitCode(string meaning) =>
        int.Parse(Table("| exit code | meaning |").Single(r => r[1].StartsWith(meaning, StringComparison.Ordinal))[0], System.Globalization.CultureInfo.InvariantCulture);

    private static (string Name, object Section)[] Sections(BotSettings s) =>
        [("Telegram", s.Telegram), ("Storage", s.Storage), ("Crypto", s.Crypto), ("Checkins", s.Checkins), ("Bot", s.Bot), ("Escalation", s.Escalation), ("Health", s.Health), ("Privacy", s.Privacy), ("Evidence", s.Evidence), ("Retention", s.Retention), ("Telemetry", s.Telemetry), ("Backup", s.Backup)];

    private static List<string[]> Table(string header)
    {
        var lines = File.ReadAllLines(ReadmePath());
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, "README has no table " + header);
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
            .ToList();
    }

    private static string ReadmePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "README.md");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(folder.FullName, "src", "DistressBot")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md above the test binaries");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
