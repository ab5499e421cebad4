namespace DistressBot.Benchmarks.Statistics;

/// <summary>Nearest-rank percentiles of a sample: the smallest value with at least p of the sample at or below it (no interpolation, so a figure is always one that was measured).</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="p"/>-th percentile (0 &lt; p ≤ 1) of <paramref name="values"/>, in any order; null for an empty sample.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1].</exception>
    public static double? Of(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (double.IsNaN(p) || p <= 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is given as a fraction in (0, 1], e.g. 0.99.");
        }

        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>p50, p99 and the maximum of <paramref name="values"/>; null for an empty sample.</summary>
    public static (double P50, double P99, double Max)? Summary(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : (Of(values, 0.50)!.Value, Of(values, 0.99)!.Value, values.Max());
    }
}
