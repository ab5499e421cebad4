using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DistressBot.Benchmarks.Harness;
using DistressBot.Benchmarks.Scenarios;

namespace DistressBot.Benchmarks.Micro;

/// <summary>Runs <see cref="CryptoBenchmarks"/> with BenchmarkDotNet in this process (no generated project to build) and keeps each mean in nanoseconds.</summary>
internal static class MicroPhase
{
    /// <summary>Quick: 1 warm-up and 3 iterations of 100 ms; full: 3 warm-ups and 5 iterations of 250 ms.</summary>
    public static void Run(PhaseContext context)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(context.Plan.Quick ? 1 : 3)
            .WithIterationCount(context.Plan.Quick ? 3 : 5)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(context.Plan.Quick ? 100 : 250));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(BenchPaths.Root, "bdn"));
        var summary = BenchmarkRunner.Run<CryptoBenchmarks>(config);
        foreach (var report in summary.Reports)
        {
            if (report.ResultStatistics is { } statistics)
            {
                context.Result.Figures["ns_" + report.BenchmarkCase.Descriptor.WorkloadMethod.Name] = statistics.Mean;
            }
        }
    }
}
