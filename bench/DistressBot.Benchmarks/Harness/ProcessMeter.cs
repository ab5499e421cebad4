using System.Diagnostics;

namespace DistressBot.Benchmarks.Harness;

/// <summary>This process's CPU time and resident memory (the phase runs alone in its own process: the bot, the fake Bot API on loopback and this harness).</summary>
internal static class ProcessMeter
{
    /// <summary>Cores used on average (CPU seconds per wall second) while <paramref name="window"/> passes.</summary>
    public static async Task<double> CoresOverAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(window);
        process.Refresh();
        return (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds;
    }

    /// <summary>Resident set size now, in MiB (VmRSS).</summary>
    public static double ResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }
}
