using DistressBot.Benchmarks.Statistics;

namespace DistressBot.Tests.Benchmarks;

/// <summary>The benchmark program's percentile helper (compiled in from bench/): nearest rank, no interpolation.</summary>
public sealed class PercentilesTests
{
    public static TheoryData<double[], double, double> Cases => new()
    {
        { [5], 0.5, 5 },
        { [5], 0.99, 5 },
        { [1, 2, 3, 4], 0.5, 2 },
        { [4, 3, 2, 1], 0.5, 2 },
        { [1, 2, 3, 4], 0.75, 3 },
        { [1, 2, 3, 4], 1, 4 },
        { [.. Enumerable.Range(1, 100).Select(i => (double)i)], 0.99, 99 },
        { [.. Enumerable.Range(1, 1000).Select(i => (double)i)], 0.99, 990 },
        { [.. Enumerable.Range(1, 50).Select(i => (double)i)], 0.99, 50 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_Sample_IsTheNearestRankValue(double[] sample, double p, double expected) =>
        Assert.Equal(expected, Percentiles.Of(sample, p));

    [Fact]
    public void Of_EmptySample_IsNullNotZero() => Assert.Null(Percentiles.Of([], 0.99));

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Of_FractionOutsideZeroToOne_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1, 2], p));

    [Fact]
    public void Summary_Sample_GivesP50P99AndMaxButNoInterpolatedValue()
    {
        var summary = Percentiles.Summary([0.2, 0.1, 3.0, 0.3]);

        Assert.Equal((0.2, 3.0, 3.0), summary);
        Assert.Null(Percentiles.Summary([]));
    }
}
