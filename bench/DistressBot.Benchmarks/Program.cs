using System.Diagnostics;
using System.Globalization;
using DistressBot.Benchmarks;
using DistressBot.Benchmarks.Harness;
using DistressBot.Benchmarks.Micro;
using DistressBot.Benchmarks.Report;
using DistressBot.Benchmarks.Scenarios;

// dotnet run -c Release --project bench/DistressBot.Benchmarks -- [--quick] [--label TEXT] [--only PHASE,...] [--out FILE]
// Each phase runs in a child process of its own (--child PHASE ...), so start-up, memory and CPU are the bot's alone.
return args.Contains("--child")
    ? await Child.RunAsync(args)
    : await Parent.RunAsync(args);

namespace DistressBot.Benchmarks
{
    /// <summary>The run: seed (or reuse today's seeded data), run each phase in a child process under a hard time limit, write the table.</summary>
    internal static class Parent
    {
        /// <summary>Every phase, in the order they run.</summary>
        public static readonly string[] Phases = ["micro", "ingest", "spread", "burst-own", "burst-one", "reminders", "strangers", "start", "unreachable"];

        public static async Task<int> RunAsync(string[] args)
        {
            if (args.Contains("--help") || args.Contains("-h"))
            {
                Console.WriteLine("usage: dotnet run -c Release --project bench/DistressBot.Benchmarks -- [--quick] [--label TEXT] [--only PHASE,...] [--out FILE]");
                Console.WriteLine("phases: " + string.Join(", ", Phases));
                return 0;
            }

            var unknown = args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--quick" or "--label" or "--only" or "--out")).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"Unknown option {unknown[0]}: use --quick, --label TEXT, --only PHASE,... or --out FILE (--help lists the phases).");
                return 2;
            }

            var plan = new BenchPlan(args.Contains("--quick"));
            var only = Value(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Phases;
            if (only.FirstOrDefault(p => !Phases.Contains(p)) is { } bad)
            {
                Console.Error.WriteLine($"Unknown phase {bad}: the phases are {string.Join(", ", Phases)}.");
                return 2;
            }

#if DEBUG
            Console.Error.WriteLine("Warning: a Debug build; figures are only comparable in Release (dotnet run -c Release ...).");
#endif
            var clock = Stopwatch.StartNew();
            var template = "";
            if (only.Any(p => p != "micro"))
            {
                Console.WriteLine($"seeding {plan.Subjects:N0} subjects and {plan.Coordinators + 1:N0} coordinators ({Seeder.Version})");
                template = await Seeder.EnsureAsync(plan, Console.WriteLine);
                Console.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:0.0} s");
            }

            var results = new Dictionary<string, PhaseResult>(StringComparer.Ordinal);
            foreach (var phase in Phases.Where(only.Contains))
            {
                results[phase] = await RunChildAsync(plan, phase, template);
            }

            var repository = BenchPaths.RepositoryRoot();
            var facts = string.Create(CultureInfo.InvariantCulture,
                $"{(Value(args, "--label") is { } label ? $"**{label}.** " : "")}Mode: {plan.Name} ({plan.Subjects:N0} subjects{(plan.Quick ? "; rows named 100k are measured at 10,000" : "")}); " +
                $"{Environment.ProcessorCount} cores; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Commit(repository)}; run took {clock.Elapsed.TotalSeconds:0} s.");
            var notes = results.SelectMany(r => r.Value.Notes).ToList();
            var markdown = ResultTable.Markdown(ResultTable.Rows(plan, results), facts, notes);
            Console.WriteLine();
            Console.WriteLine(markdown);
            var output = Value(args, "--out") ?? (repository is null ? null : Path.Combine(repository, "docs", "benchmarks.md"));
            if (output is not null)
            {
                BenchmarksDocument.WriteTable(output, markdown);
                Console.WriteLine($"written to {output}");
            }

            return 0;
        }

        private static async Task<PhaseResult> RunChildAsync(BenchPlan plan, string phase, string template)
        {
            var root = Path.Combine(BenchPaths.Root, "run-" + phase);
            var resultFile = Path.Combine(BenchPaths.Root, "result-" + phase + ".json");
            BenchPaths.Remove(root);
            File.Delete(resultFile);
            if (phase != "micro")
            {
                BenchPaths.CopyTree(template, root);
            }

            Console.WriteLine($"phase {phase} ...");
            var clock = Stopwatch.StartNew();
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(Parent).Assembly.Location);
            }

            foreach (var arg in new[] { "--child", phase, "--plan", plan.Name, "--root", root, "--result", resultFile })
            {
                start.ArgumentList.Add(arg);
            }

            using var child = Process.Start(start)!;
            using var limit = new CancellationTokenSource(plan.HardLimit(phase));
            var stopped = false;
            try
            {
                await child.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
                stopped = true;
            }

            var result = PhaseResult.Load(resultFile);
            if (stopped)
            {
                result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{phase}: stopped after its hard limit of {plan.HardLimit(phase).TotalSeconds:0} s"));
            }
            else if (child.ExitCode != 0 && result.Notes.Count == 0)
            {
                result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{phase}: the phase's process failed (exit code {child.ExitCode})"));
            }

            Console.WriteLine($"phase {phase} took {clock.Elapsed.TotalSeconds:0.0} s");
            BenchPaths.Remove(root);
            return result;
        }

        private static string Commit(string? repository)
        {
            if (repository is null)
            {
                return "unknown";
            }

            var head = Git(repository, "rev-parse --short HEAD");
            return string.IsNullOrEmpty(Git(repository, "status --porcelain --untracked-files=no")) ? head : head + " with uncommitted changes";
        }

        private static string Git(string repository, string arguments)
        {
            try
            {
                using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{repository}\" {arguments}") { RedirectStandardOutput = true, UseShellExecute = false })!;
                var output = git.StandardOutput.ReadToEnd().Trim();
                git.WaitForExit();
                return output;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "unknown";
            }
        }

        internal static string? Value(string[] args, string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
    }

    /// <summary>One phase in its own process: runs it and leaves its figures in the result file.</summary>
    internal static class Child
    {
        public static async Task<int> RunAsync(string[] args)
        {
            var phase = Parent.Value(args, "--child")!;
            var plan = new BenchPlan(Parent.Value(args, "--plan") == "quick");
            var resultFile = Parent.Value(args, "--result")!;
            var context = new PhaseContext(plan, Parent.Value(args, "--root")!, new PhaseResult());
            try
            {
                await (phase switch
                {
                    "micro" => Task.Run(() => MicroPhase.Run(context)),
                    "ingest" => InboundPhases.IngestAsync(context),
                    "spread" => AlarmPhases.SpreadAsync(context),
                    "burst-own" => AlarmPhases.BurstAsync(context, oneCoordinator: false),
                    "burst-one" => AlarmPhases.BurstAsync(context, oneCoordinator: true),
                    "reminders" => AlarmPhases.ReminderFloodAsync(context),
                    "strangers" => InboundPhases.StrangersAsync(context),
                    "start" => IdlePhases.StartAndIdleAsync(context),
                    "unreachable" => IdlePhases.UnreachableAsync(context),
                    _ => throw new ArgumentException($"Unknown phase {phase}."),
                });
                context.Result.Save(resultFile);

                // No orderly stop: the bot and the fake are left running and the copy of the data is thrown away, so a
                // phase costs no shutdown time (and a slow shutdown is not what any row measures).
                Environment.Exit(0);
                return 0;
            }
            catch (Exception ex)
            {
                context.Note($"{phase}: failed: {ex.GetType().Name}: {ex.Message}");
                context.Result.Save(resultFile);
                Console.Error.WriteLine(ex);
                Environment.Exit(1);
                return 1;
            }
        }
    }
}
