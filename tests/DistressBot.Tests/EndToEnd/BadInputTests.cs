namespace DistressBot.Tests.EndToEnd;

public sealed class BadInputTests
{
    [Fact]
    public async Task UnknownCommand_AndPlainText_GetHelpPointer()
    {
        await using var s = await StartAsync();

        Assert.Contains("/help", await s.SayAsync(Scenario.Salek, "/launch"), StringComparison.Ordinal);
        Assert.Contains("/help", await s.SayAsync(Scenario.Salek, "привет"), StringComparison.Ordinal);
        Assert.Contains("not available to you", await s.SayAsync(Scenario.Nina, "/checkin"), StringComparison.Ordinal);
        Assert.Contains("недоступна", await s.SayAsync(Scenario.Salek, "/subjects"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StickerFileAndLocation_GetOnlyTextReply_AndNeverCountAsCheckin()
    {
        await using var s = await StartAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        s.Telegram.EnqueueSticker(Scenario.Salek.Id, Scenario.Salek);
        await s.ExpectAsync(Scenario.Salek, "только текстовые");
        s.Telegram.EnqueueDocumentFromUser(Scenario.Salek.Id, "photo.jpg", Scenario.Salek);
        await s.SettleAsync();

        Assert.Equal(2, s.MessagesTo(Scenario.Salek).Count(m => m.Contains("только текстовые", StringComparison.Ordinal)));
        Assert.Contains("ещё не было", await s.SayAsync(Scenario.Salek, "/status", "Состояние"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedMessage_IsNotActedOn()
    {
        await using var s = await StartAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        var hello = await s.SayAsync(Scenario.Salek, "hello");
        var sent = s.Telegram.Transcript(Scenario.Salek.Id).Last(e => e.Direction == DistressBot.Telegram.FakeApi.Direction.FromUser);

        s.Telegram.EnqueueEditedMessage(Scenario.Salek.Id, sent.MessageId, "/checkin");

        await s.ExpectAsync(Scenario.Salek, "Исправленные сообщения");
        Assert.Contains("/help", hello, StringComparison.Ordinal);
        Assert.Contains("ещё не было", await s.SayAsync(Scenario.Salek, "/status", "Состояние"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupAndChannelMessages_AreIgnoredSilently()
    {
        await using var s = await StartAsync();

        s.Telegram.EnqueueGroupMessage(-1001, Scenario.Salek.Id, "/checkin", Scenario.Salek);
        s.Telegram.EnqueueChannelPost(-1002, "/subjects");
        await s.SettleAsync();

        Assert.Empty(s.Telegram.BotMessagesTo(-1001));
        Assert.Empty(s.Telegram.BotMessagesTo(-1002));
        Assert.Contains("ещё не было", await s.SayAsync(Scenario.Salek, "/status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedUpdate_IsSetAside_AndLaterUpdatesStillHandled()
    {
        await using var s = await StartAsync();

        s.Telegram.EnqueueRawUpdateJson("""{"message":{"message_id":"not a number","chat":"???"}}""");
        var reply = await s.SayAsync(Scenario.Salek, "/status");

        Assert.Contains("Расписания нет", reply, StringComparison.Ordinal);
        var failed = await s.Sandbox.Runtime.Records.ExecuteAsync(session => session.All("failed_updates").Count);
        Assert.Equal(1, failed);
    }

    [Fact]
    public async Task StartWithoutCode_FromEnrolledPerson_SaysAlreadyConnected()
    {
        await using var s = await StartAsync();

        Assert.Contains("уже подключены", await s.SayAsync(Scenario.Salek, "/start"), StringComparison.Ordinal);
        Assert.Contains("already connected", await s.SayAsync(Scenario.Nina, "/start SOMECODE"), StringComparison.Ordinal);
    }

    private static async Task<Scenario> StartAsync()
    {
        var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        return s;
    }
}
