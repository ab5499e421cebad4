using DistressBot.Checkins;

namespace DistressBot.Tests.Checkins;

/// <summary>What a new PIN may be: 4 to 12 digits, not repeated, not a repeated block, not consecutive up or down.</summary>
public sealed class PinRulesTests
{
    /// <summary>A PIN someone might choose, and what the rules say of it.</summary>
    public static TheoryData<string, PinRefusal> Pins => new()
    {
        { "4829", PinRefusal.None },
        { "730154", PinRefusal.None },
        { "482916730154", PinRefusal.None },
        { "1243", PinRefusal.None },
        { "0000", PinRefusal.Trivial },
        { "9999", PinRefusal.Trivial },
        { "1234", PinRefusal.Trivial },
        { "0123", PinRefusal.Trivial },
        { "123456789012", PinRefusal.Trivial },
        { "4321", PinRefusal.Trivial },
        { "9876", PinRefusal.Trivial },
        { "7890", PinRefusal.Trivial },
        { "1098", PinRefusal.Trivial },
        { "1212", PinRefusal.Trivial },
        { "123123", PinRefusal.Trivial },
        { "111111111111", PinRefusal.Trivial },
        { "123", PinRefusal.Shape },
        { "1234567890123", PinRefusal.Shape },
        { "", PinRefusal.Shape },
        { "48 29", PinRefusal.Shape },
        { "48a9", PinRefusal.Shape },
        { "٤٨٢٩", PinRefusal.Shape },
        { "４８２９", PinRefusal.Shape },
        { "-4829", PinRefusal.Shape },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void Check_ThePin_IsJudgedAsTheTableSays(string pin, PinRefusal expected)
    {
        Assert.Equal(expected, PinRules.Check(pin));
    }

    [Theory]
    [InlineData("4829", true)]
    [InlineData("0000", true)]
    [InlineData("482", false)]
    [InlineData("ok", false)]
    public void HasShape_OnlyFourToTwelveAsciiDigits(string text, bool expected)
    {
        Assert.Equal(expected, PinRules.HasShape(text));
    }
}
