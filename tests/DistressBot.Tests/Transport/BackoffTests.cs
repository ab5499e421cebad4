using DistressBot.Transport;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Transport;

/// <summary>Retry delays on a fake transport clock.</summary>
public sealed class BackoffTests
{
    [Fact]
    public void Next_DoublesUpToTheMaximum_WithJitterOfAtMostAQuarterAndOneSecond_AndResetStartsOver()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var expected = new[] { 1, 2, 4, 8, 16, 30, 30 };

        foreach (var seconds in expected)
        {
            var delay = backoff.Next();
            var floor = TimeSpan.FromSeconds(seconds);
            Assert.InRange(delay, floor, floor + TimeSpan.FromMilliseconds(Math.Min(1000, floor.TotalMilliseconds / 4)));
        }

        backoff.Reset();
        Assert.InRange(backoff.Next(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25));
    }

    [Fact]
    public async Task RetryAsync_WaitsOnTheTransportClockBetweenTries_AndReportsEachFailure()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var start = time.GetUtcNow();
        var tries = new List<TimeSpan>();
        var failures = new List<string>();

        var run = Backoff.RetryAsync(
            _ =>
            {
                tries.Add(time.GetUtcNow() - start);
                return tries.Count < 3 ? throw new IOException("attempt " + tries.Count) : Task.FromResult(tries.Count);
            },
            ex => failures.Add(ex.Message),
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMinutes(1),
            new TransportClock(time),
            CancellationToken.None);

        // Fake time moves a second at a time and the retry resumes on the thread pool: a slow hop can only make a gap
        // longer, so the gaps are checked from below (a retry never comes before its delay on the transport clock).
        for (var second = 0; second < 120 && !run.IsCompleted; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.Equal(3, await run);
        Assert.Equal(["attempt 1", "attempt 2"], failures);
        Assert.Equal(TimeSpan.Zero, tries[0]);
        Assert.True(tries[1] - tries[0] >= TimeSpan.FromSeconds(10));
        Assert.True(tries[2] - tries[1] >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task RetryAsync_Cancelled_StopsWithoutAnotherTry()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var attempts = 0;

        var run = Backoff.RetryAsync<int>(
            _ => { attempts++; throw new IOException("down"); },
            _ => { },
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1),
            new TransportClock(time),
            stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, attempts);
    }
}
