using DistressBot.Telegram;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Telegram;

/// <summary>A refused case command logs a case number at most, never what else was typed (it may be an alias).</summary>
public sealed class CaseCommandLogTests
{
    [Theory]
    [InlineData("case", "Salek")]
    [InlineData("ack", "Salek please")]
    [InlineData("note", "Salek was seen at the station")]
    public void Handle_SomethingThatIsNotACaseNumber_LogsNoneOfIt(string command, string arguments)
    {
        var world = DomainWorld.WithCaseChain();
        var logger = new CapturingLogger<CaseCommandHandler>();
        var handler = new CaseCommandHandler(logger);

        world.Run(db => handler.Handle(db, db.People.Find(world.Chain.Nina.Id)!, new BotCommand(command, arguments), world.Now));

        Assert.NotEmpty(logger.Entries);
        Assert.All(logger.Entries, e => Assert.DoesNotContain("Salek", e.Message, StringComparison.OrdinalIgnoreCase));
        Assert.All(logger.Entries.SelectMany(e => e.Values), v => Assert.DoesNotContain("Salek", v.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Handle_AnUnknownCaseNumber_LogsTheNumber()
    {
        var world = DomainWorld.WithCaseChain();
        var logger = new CapturingLogger<CaseCommandHandler>();

        world.Run(db => new CaseCommandHandler(logger).Handle(db, db.People.Find(world.Chain.Nina.Id)!, new BotCommand("case", "c-0042"), world.Now));

        Assert.Contains(logger.Entries, e => e.Message.Contains("C-0042", StringComparison.Ordinal));
    }
}
