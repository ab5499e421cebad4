namespace DistressBot.Tests.EndToEnd;

/// <summary>The [Service] settings of a unit file in deploy/, read as systemd reads the simple ones: `Key=value` lines, repeatable, comments skipped.</summary>
internal sealed class SystemdUnit
{
    private readonly List<(string Key, string Value)> _settings;

    private SystemdUnit(List<(string Key, string Value)> settings) => _settings = settings;

    /// <summary>The repository's deploy/ folder, found above the test binaries.</summary>
    public static string DeployFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "deploy");
                if (File.Exists(Path.Combine(candidate, "distressbot.service")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("deploy/ above the test binaries");
        }
    }

    /// <summary>Reads deploy/<paramref name="name"/>.</summary>
    public static SystemdUnit Read(string name)
    {
        var settings = new List<(string, string)>();
        var section = "";
        foreach (var raw in File.ReadAllLines(Path.Combine(DeployFolder, name)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (section == "[Service]" && equals > 0)
            {
                settings.Add((line[..equals], line[(equals + 1)..]));
            }
        }

        return new SystemdUnit(settings);
    }

    /// <summary>Every value given to <paramref name="key"/>, in order.</summary>
    public IReadOnlyList<string> All(string key) => [.. _settings.Where(s => s.Key == key).Select(s => s.Value)];

    /// <summary>The one value of <paramref name="key"/>.</summary>
    public string One(string key) => Assert.Single(All(key));
}
