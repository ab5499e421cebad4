using System.Text;
using DistressBot.Cli;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Admin;

/// <summary>An admin connection's request is read up to a cap and a deadline, never whole whatever its size.</summary>
public sealed class AdminRequestReaderTests
{
    private const int Cap = 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadAsync_EndlessDataWithoutNewline_IsTooLargeAfterReadingAtMostOneBytePastTheCap()
    {
        var stream = new EndlessStream((byte)'a');

        var read = await AdminRequestReader.ReadAsync(stream, Cap, Timeout, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(AdminReadOutcome.TooLarge, read.Outcome);
        Assert.Null(read.Line);
        Assert.Equal(Cap + 1, stream.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_TheProductionCap_StopsA64MiBRequestAfter64KiB()
    {
        var stream = new EndlessStream((byte)'{');

        var read = await AdminRequestReader.ReadAsync(stream, AdminRequestReader.MaxRequestBytes, Timeout, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(AdminReadOutcome.TooLarge, read.Outcome);
        Assert.Equal((64 * 1024) + 1, stream.BytesRead);
    }

    [Theory]
    [InlineData(Cap, AdminReadOutcome.Request)]
    [InlineData(Cap + 1, AdminReadOutcome.TooLarge)]
    public async Task ReadAsync_LineAroundTheCap_IsAcceptedUpToItExactly(int length, AdminReadOutcome expected)
    {
        var stream = new MemoryStream(Encoding.ASCII.GetBytes(new string('a', length) + "\n"));

        var read = await AdminRequestReader.ReadAsync(stream, Cap, Timeout, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(expected, read.Outcome);
        Assert.Equal(expected == AdminReadOutcome.Request ? new string('a', length) : null, read.Line);
    }

    [Fact]
    public async Task ReadAsync_RequestInManySmallPieces_IsReassembledUpToTheNewlineOnly()
    {
        var request = "{\"Args\":[\"people\"]}";
        var stream = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes(request + "\nnext")), 1);

        var read = await AdminRequestReader.ReadAsync(stream, Cap, Timeout, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(new AdminRead(AdminReadOutcome.Request, request), read);
    }

    [Fact]
    public async Task ReadAsync_ClosedBeforeANewline_IsClosed()
    {
        var read = await AdminRequestReader.ReadAsync(new MemoryStream("{\"Args\""u8.ToArray()), Cap, Timeout, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(AdminReadOutcome.Closed, read.Outcome);
    }

    [Fact]
    public async Task ReadAsync_IdleConnection_WaitsUntilTheTimeoutThenTimesOut()
    {
        var clock = new FakeTimeProvider();

        var reading = AdminRequestReader.ReadAsync(new SilentStream(), Cap, Timeout, clock, CancellationToken.None);
        clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.False(reading.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(AdminReadOutcome.TimedOut, (await reading).Outcome);
    }

    [Fact]
    public async Task ReadAsync_BotStopping_IsCancelledNotTimedOut()
    {
        using var stopping = new CancellationTokenSource();

        var reading = AdminRequestReader.ReadAsync(new SilentStream(), Cap, Timeout, new FakeTimeProvider(), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }
}
