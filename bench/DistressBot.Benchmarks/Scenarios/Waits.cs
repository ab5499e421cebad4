using System.Diagnostics;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>Bounded waits: every wait of a phase ends by its cap, so a slow bot reads "&gt; cap" instead of hanging the run.</summary>
internal static class Waits
{
    /// <summary>Polls <paramref name="done"/> every 50 ms until it holds (true) or <paramref name="cap"/> passes (false).</summary>
    public static async Task<bool> UntilAsync(Func<bool> done, TimeSpan cap)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed >= cap)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Polls <paramref name="done"/> until it holds or the wall clock reaches <paramref name="until"/>.</summary>
    public static Task<bool> UntilAsync(Func<bool> done, DateTimeOffset until) =>
        UntilAsync(done, until - DateTimeOffset.UtcNow is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero);

    /// <summary>True when <paramref name="task"/> completed within <paramref name="cap"/>.</summary>
    public static async Task<bool> CompletesWithinAsync(Task task, TimeSpan cap) =>
        await Task.WhenAny(task, Task.Delay(cap)) == task;
}
