namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// What only the real Telegram path can bring: an update Telegram.Bot cannot even read. Every other bad input (unknown
/// commands, stickers, files, edits, groups and channels) is held by Telegram/UpdateRouterTests over the in-memory session.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task MalformedUpdate_IsSetAside_AndLaterUpdatesStillHandled()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        s.Telegram.EnqueueRawUpdateJson("""{"message":{"message_id":"not a number","chat":"???"}}""");
        var reply = await s.SayAsync(Scenario.Salek, "/status");

        Assert.Contains("Расписания нет", reply, StringComparison.Ordinal);
        var failed = await s.Sandbox.Runtime.Records.ExecuteAsync(session => session.All("failed_updates").Count);
        Assert.Equal(1, failed);
    }
}
