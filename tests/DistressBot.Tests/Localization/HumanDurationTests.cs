using DistressBot.Localization;

namespace DistressBot.Tests.Localization;

public class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0 с", "0 s")]
    [InlineData(90, "1 мин 30 с", "1 min 30 s")]
    [InlineData(93_784, "1 д 2 ч 3 мин 4 с", "1 d 2 h 3 min 4 s")]
    public void FormatExact_Duration_KeepsEveryUnit(int seconds, string russian, string english)
    {
        Assert.Equal(russian, HumanDuration.FormatExact(TimeSpan.FromSeconds(seconds), Language.Ru));
        Assert.Equal(english, HumanDuration.FormatExact(TimeSpan.FromSeconds(seconds), Language.En));
    }

    [Theory]
    [InlineData(0, "0 с", "0 s")]
    [InlineData(45.9, "45 с", "45 s")]
    [InlineData(89, "1 мин", "1 min")]
    [InlineData(90, "2 мин", "2 min")]
    [InlineData(5_400, "1 ч 30 мин", "1 h 30 min")]
    [InlineData(93_784, "1 д 2 ч", "1 d 2 h")]
    [InlineData(86_400 + 60, "1 д 1 мин", "1 d 1 min")]
    public void Format_Duration_RoundsToMinutesAndKeepsTwoUnits(double seconds, string russian, string english)
    {
        Assert.Equal(russian, HumanDuration.Format(TimeSpan.FromSeconds(seconds), Language.Ru));
        Assert.Equal(english, HumanDuration.Format(TimeSpan.FromSeconds(seconds), Language.En));
    }

    [Fact]
    public void Format_Negative_ReadsAsItsLength()
    {
        Assert.Equal("1 h 30 min", HumanDuration.Format(TimeSpan.FromMinutes(-90), Language.En));
        Assert.Equal("1 min 30 s", HumanDuration.FormatExact(TimeSpan.FromSeconds(-90), Language.En));
    }
}
