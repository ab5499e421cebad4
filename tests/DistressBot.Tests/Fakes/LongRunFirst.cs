using Xunit.Abstractions;

[assembly: TestCollectionOrderer("DistressBot.Tests.Fakes.LongRunFirst", "DistressBot.Tests")]

namespace DistressBot.Tests.Fakes;

/// <summary>
/// Starts the test classes that run for a minute of real time (the crash test) before the rest, so on a small machine they
/// overlap everything else instead of starting last and setting the suite's wall time alone; the rest keep xunit's order.
/// </summary>
public sealed class LongRunFirst : ITestCollectionOrderer
{
    // Test classes whose run is dominated by real time (processes killed and restarted), by name.
    private static readonly string[] LongRuns = ["DistressBot.Tests.Resilience.CrashTests"];

    /// <inheritdoc/>
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var all = testCollections.ToList();
        return all.Where(IsLong).Concat(all.Where(c => !IsLong(c)));
    }

    private static bool IsLong(ITestCollection collection) =>
        LongRuns.Any(name => collection.DisplayName.Contains(name, StringComparison.Ordinal));
}
