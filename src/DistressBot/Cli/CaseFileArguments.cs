using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>
/// What `export-case` and `draft` share: their words (a case number, a kind), `--out PATH` (made absolute) and
/// `--lang ru|en`, each problem named; and the check that what they write stays out of the data directory.
/// </summary>
/// <param name="Words">The words given, in order (at most the number the command takes).</param>
/// <param name="Target">The absolute path after --out; empty when not given.</param>
/// <param name="Language">The --lang given, else the fallback.</param>
internal sealed record CaseFileArguments(IReadOnlyList<string> Words, string Target, Language Language)
{
    /// <summary>Reads <paramref name="args"/> after the command name; null with the problem when an option is unknown, repeated, without its value, or a word is one too many.</summary>
    public static CaseFileArguments? Parse(IReadOnlyList<string> args, int maxWords, Language fallback, out string problem)
    {
        var words = new List<string>();
        var (target, language) = ("", fallback);
        problem = "";
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when target.Length > 0:
                    problem = "--out is given twice.";
                    return null;
                case "--out" when i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]):
                    target = Path.GetFullPath(args[++i]);
                    break;
                case "--lang" when i + 1 < args.Count:
                    if (!LanguagePicker.TryParse(args[++i], out language))
                    {
                        problem = $"--lang takes ru or en, not '{args[i]}'.";
                        return null;
                    }

                    break;
                case "--out" or "--lang":
                    problem = $"{args[i]} needs a value.";
                    return null;
                case var word when word.StartsWith('-'):
                    problem = $"Unknown option '{word}'.";
                    return null;
                case var word when words.Count < maxWords:
                    words.Add(word);
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return null;
            }
        }

        return new CaseFileArguments(words, target, language);
    }

    /// <summary>
    /// True when <paramref name="target"/> lies in <paramref name="dataDirectory"/>, compared with symbolic links resolved:
    /// a bundle or draft there (or reached through a link) would be kept, unencrypted, in the data's backups.
    /// </summary>
    public static bool IsInsideDataDirectory(string target, string dataDirectory) =>
        (RealPath(target) + Path.DirectorySeparatorChar).StartsWith(RealPath(Path.GetFullPath(dataDirectory)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // The path with every symbolic link on it resolved, as far as the path exists (the rest is kept as written).
    private static string RealPath(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var real = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            var next = Path.Combine(real, part);
            var info = new DirectoryInfo(next);
            real = info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next : next;
        }

        return real;
    }
}
