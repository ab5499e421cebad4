using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using DistressBot.Cli;

namespace DistressBot.Tests.Architecture;

/// <summary>
/// The folder graph of the bot is a contract (docs/architecture.md, "Folder graph"): Telegram.Bot types stop at
/// <c>Telegram/</c>, the domain folders see no adapter, and the folders form no cycle. A new edge is a design decision:
/// add it to docs/architecture.md, and it must not close a cycle.
/// </summary>
public sealed partial class FolderGraphTests
{
    private const string Root = "DistressBot";

    // The product as IL (ArchUnitNET reads signatures, fields, attributes and method bodies), loaded once.
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Of(
        new ArchLoader().LoadAssemblies(typeof(CommandLine).Assembly).Build()));

    private static readonly string[] DomainFolders = ["Domain", "Checkins", "Escalation", "Enrollment", "Messages", "Localization"];

    private static readonly string[] AdapterFolders = ["Hosting", "Cli", "Telegram", "Transport", "Storage.LiteDb"];

    [Fact]
    public void NothingOutsideTelegramFolder_DependsOnTelegramBot()
    {
        var graph = Graph.Value;

        Assert.Contains(("Telegram", "Telegram.Bot"), graph.ExternalEdges.Keys); // the reader sees Telegram.Bot where it is used
        var leaks = graph.ExternalEdges
            .Where(e => e.Key.To == "Telegram.Bot" && e.Key.From != "Telegram")
            .SelectMany(e => e.Value)
            .ToList();
        Assert.True(leaks.Count == 0, "Telegram.Bot used outside Telegram/:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void DomainFolders_DependOnNoAdapter()
    {
        var graph = Graph.Value;

        Assert.NotEmpty(graph.EdgesFrom("Telegram").Intersect(DomainFolders)); // adapters do reach the domain, so the reader sees edges
        var forbidden = graph.Edges
            .Where(e => DomainFolders.Contains(e.Key.From) && AdapterFolders.Contains(e.Key.To))
            .SelectMany(e => e.Value)
            .ToList();
        Assert.True(forbidden.Count == 0, "Domain folders reaching Hosting, Cli, Telegram, Transport or Storage.LiteDb:\n" + string.Join('\n', forbidden));
    }

    [Fact]
    public void FolderGraph_HasNoCycle()
    {
        var graph = Graph.Value;

        var cycles = FolderGraph.StronglyConnected(graph.Edges.Keys).Where(c => c.Count > 1).ToList();

        Assert.NotEmpty(graph.Edges); // the graph was read, so an empty cycle list means something
        Assert.True(cycles.Count == 0, "Folders in a cycle (an edge among them is new; see the types behind each edge):\n" + string.Join('\n', cycles.Select(c =>
            string.Join(" ⇄ ", c) + "\n" + string.Join('\n', graph.Edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To)).Select(e => $"  {e.Key.From} → {e.Key.To}: {string.Join(", ", e.Value.Take(3))}")))));
    }

    [Fact]
    public void CycleFinder_FindsACycle_AndNoneInAChain()
    {
        var withCycle = FolderGraph.StronglyConnected([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")]);
        var chain = FolderGraph.StronglyConnected([("A", "B"), ("B", "C"), ("A", "C")]);

        Assert.Contains(withCycle, c => c.SequenceEqual(["A", "B", "C"]));
        Assert.DoesNotContain(withCycle, c => c.Contains("D") && c.Count > 1);
        Assert.All(chain, c => Assert.Single(c));
    }

    [Fact]
    public void EvidenceFolder_DependsOnNoOtherFolder()
    {
        var graph = Graph.Value;

        Assert.Contains(typeof(CommandLine).Assembly.GetTypes(), t => t.Namespace == "DistressBot.Evidence"); // the folder is there, so no edge means something
        // The case log's formats stand on the BCL and NSec, and on Localization's Language for the ru/en verdict and report.
        Assert.Empty(graph.EdgesFrom("Evidence").Except(["Localization"]));
        Assert.NotEmpty(graph.EdgesFrom("Evidence.Verification")); // verify's folder is read, so the next line means something
        Assert.Empty(graph.EdgesFrom("Evidence.Verification").Except(["Evidence", "Localization"]));
    }

    [Fact]
    public void ArchitectureDoc_ListsTheFolderGraphAsItIs()
    {
        var graph = Graph.Value;
        var actual = graph.Edges.Keys.Select(e => $"{e.From} → {e.To}").ToHashSet();
        var documented = DocumentedEdges().Select(e => $"{e.From} → {e.To}").ToHashSet();

        Assert.True(actual.SetEquals(documented),
            "docs/architecture.md (Folder graph) differs from the code.\nIn the code, not in the doc: " + string.Join(", ", actual.Except(documented))
            + "\nIn the doc, not in the code: " + string.Join(", ", documented.Except(actual)));
    }

    // "| `Checkins` | `Domain`, `Escalation` |" rows of the folder graph table.
    private static IEnumerable<(string From, string To)> DocumentedEdges()
    {
        foreach (var line in Section("## Folder graph"))
        {
            var row = GraphRow().Match(line);
            if (!row.Success)
            {
                continue;
            }

            foreach (Match to in Ticked().Matches(row.Groups["to"].Value))
            {
                yield return (row.Groups["from"].Value, to.Groups[1].Value);
            }
        }
    }

    private static IEnumerable<string> Section(string heading)
    {
        var inside = false;
        foreach (var line in File.ReadLines(ArchitectureDoc()))
        {
            if (line.StartsWith('#'))
            {
                inside = line.Trim() == heading;
                continue;
            }

            if (inside)
            {
                yield return line;
            }
        }
    }

    private static string ArchitectureDoc()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var doc = Path.Combine(folder.FullName, "docs", "architecture.md");
            if (File.Exists(doc))
            {
                return doc;
            }
        }

        throw new FileNotFoundException("docs/architecture.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\|\s*`(?<from>[\w.]+)`\s*\|(?<to>[^|]*)\|")]
    private static partial Regex GraphRow();

    [GeneratedRegex(@"`([\w.]+)`")]
    private static partial Regex Ticked();

    /// <summary>Which folder of the bot uses which: folders are the namespaces under DistressBot ("Storage.LiteDb" is its own), each edge with the types behind it.</summary>
    private sealed class FolderGraph
    {
        public required Dictionary<(string From, string To), SortedSet<string>> Edges { get; init; }

        public required Dictionary<(string From, string To), SortedSet<string>> ExternalEdges { get; init; }

        public static FolderGraph Of(ArchUnitNET.Domain.Architecture architecture)
        {
            var edges = new Dictionary<(string, string), SortedSet<string>>();
            var external = new Dictionary<(string, string), SortedSet<string>>();
            foreach (var type in architecture.Types)
            {
                if (Folder(type.Namespace?.FullName) is not { } from)
                {
                    continue; // Program (the entry point) and compiler-made types outside DistressBot.*
                }

                foreach (var dependency in type.Dependencies)
                {
                    // A generic parameter (T of SealedCollection<T>) carries its declarer's namespace, not a use of it.
                    if (dependency.Target is null or GenericParameter || dependency.Target.Namespace?.FullName is not { Length: > 0 } target)
                    {
                        continue;
                    }

                    var evidence = $"{Clean(type.FullName)} → {Clean(dependency.Target.FullName)}";
                    if (Folder(target) is { } to)
                    {
                        if (to != from)
                        {
                            Add(edges, (from, to), evidence);
                        }
                    }
                    else if (target.StartsWith("Telegram.Bot", StringComparison.Ordinal))
                    {
                        Add(external, (from, "Telegram.Bot"), evidence);
                    }
                }
            }

            return new FolderGraph { Edges = edges, ExternalEdges = external };
        }

        public IEnumerable<string> EdgesFrom(string folder) => Edges.Keys.Where(e => e.From == folder).Select(e => e.To);

        /// <summary>Tarjan's strongly connected components; a component of more than one folder is a cycle.</summary>
        public static List<List<string>> StronglyConnected(IEnumerable<(string From, string To)> edges)
        {
            var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
            var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
            var index = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var stack = new Stack<string>();
            var components = new List<List<string>>();

            void Visit(string node)
            {
                index[node] = low[node] = index.Count;
                stack.Push(node);
                foreach (var to in next.GetValueOrDefault(node, []))
                {
                    if (index.TryGetValue(to, out var seen))
                    {
                        if (stack.Contains(to))
                        {
                            low[node] = Math.Min(low[node], seen);
                        }
                    }
                    else
                    {
                        Visit(to);
                        low[node] = Math.Min(low[node], low[to]);
                    }
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        component.Add(member);
                    }
                    while (member != node);
                    component.Sort(StringComparer.Ordinal);
                    components.Add(component);
                }
            }

            foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
            {
                Visit(node);
            }

            return components;
        }

        private static string? Folder(string? ns) =>
            ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..] : null;

        // "DistressBot.Telegram.UpdatePump+<>c__DisplayClass" reads as the class a person wrote.
        private static string Clean(string name) => name.Split('+', '<', '`')[0];

        private static void Add(Dictionary<(string, string), SortedSet<string>> map, (string, string) key, string evidence)
        {
            if (!map.TryGetValue(key, out var set))
            {
                map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(evidence);
        }
    }
}
