namespace DistressBot.Checkins;

/// <summary>Turns a wall-clock time in a zone into one instant, resolving DST gaps and overlaps the same way every time.</summary>
/// <remarks>
/// A time inside a spring-forward gap (02:30 when clocks jump from 02:00 to 03:00) becomes the first instant after
/// the gap (03:00 new local time), so the check-in is owed as soon as the day's clock makes it possible and never
/// later than a person would expect. An ambiguous time on a fall-back day becomes its first occurrence (the earlier
/// instant), so the same wall time is never owed twice.
/// </remarks>
public static class LocalTimeResolver
{
    private static readonly TimeSpan FirstProbe = TimeSpan.FromHours(1);

    /// <summary>The instant at which the wall clock in <paramref name="zone"/> shows <paramref name="local"/> (its Kind is ignored).</summary>
    public static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = EndOfGap(local, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks went back, i.e. the earlier instant.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The first valid local time after the gap that contains <paramref name="invalid"/>.</summary>
    private static DateTime EndOfGap(DateTime invalid, TimeZoneInfo zone)
    {
        // Find a valid time beyond the gap by doubling the step (gaps are usually an hour, but Pacific/Apia skipped a
        // whole day in 2011), then bisect to the exact tick where the gap ends. Between the two probes there is only
        // this one gap, so the predicate "invalid" is monotone there.
        var step = FirstProbe;
        var valid = invalid + step;
        while (zone.IsInvalidTime(valid))
        {
            step += step;
            valid = invalid + step;
        }

        var low = invalid.Ticks;
        var high = valid.Ticks;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (zone.IsInvalidTime(new DateTime(middle, DateTimeKind.Unspecified)))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTime(high, DateTimeKind.Unspecified);
    }
}
