using DistressBot.Domain;
using DistressBot.Telegram;

namespace DistressBot.Tests.Telegram;

/// <summary>Callback data decodes only to what the bot offered; everything else anyone can send to a bot is refused.</summary>
public sealed class CallbackDataTests
{
    public static TheoryData<CaseButton, string> Offered => new()
    {
        { new AcknowledgeCase("C-0001"), "ack:C-0001" },
        { new ResolveCase("C-0042"), "res:C-0042" },
        { new ChooseOutcome("C-0001", CaseOutcome.Safe), "out:C-0001:Safe" },
        { new ChooseOutcome("C-9999", CaseOutcome.Detained), "out:C-9999:Detained" },
        { new ChooseOutcome("C-0001", CaseOutcome.Missing), "out:C-0001:Missing" },
        { new ChooseOutcome("C-10000", CaseOutcome.Hospitalised), "out:C-10000:Hospitalised" },
        { new AcknowledgeCase("C-1234567890123456789"), "ack:C-1234567890123456789" },
    };

    public static TheoryData<string?, string> Forged => new()
    {
        { null, "no data at all" },
        { "", "empty" },
        { "ack", "prefix without a case" },
        { "ack:", "empty case id" },
        { "nop:C-0001", "unknown prefix" },
        { "ACK:C-0001", "prefix in another case" },
        { "ack :C-0001", "space in the prefix" },
        { "ack:C-1", "too few digits" },
        { "ack:C-00001", "padded beyond four digits" },
        { "ack:c-0001", "lower-case case id" },
        { "ack:C-0001 ", "trailing space" },
        { " ack:C-0001", "leading space" },
        { "ack:C0001", "no dash" },
        { "ack:C-00x1", "letter among the digits" },
        { "ack:C-٠٠٠١", "Arabic-Indic digits" },
        { "ack:C-０００１", "full-width digits" },
        { "ack:../C-0001", "path in the case id" },
        { "ack:C-12345678901234567890", "more digits than a case number has" },
        { "ack:C-0001:Safe", "extra field on ack" },
        { "res:C-0001:x", "extra field on res" },
        { "out:C-0001", "outcome missing" },
        { "out:C-0001:", "empty outcome" },
        { "out:C-0001:99", "outcome by an undefined number" },
        { "out:C-0001:4", "outcome by the number of Other" },
        { "out:C-0001:0", "outcome by the number of Safe" },
        { "out:C-0001:Other", "outcome by a name the bot does not offer" },
        { "out:C-0001:safe", "outcome name in another case" },
        { "out:C-0001: Safe", "outcome name with a space" },
        { "out:C-0001:Safe,Detained", "two outcomes" },
        { "out:C-0001:Safe:extra", "extra field on out" },
        { "out:C-0001:Safé", "non-ASCII outcome" },
        { "ack:C-0001\n", "newline" },
        { "ack:C-0001\0", "NUL" },
        { "ack:C-0001😀", "emoji" },
        { "out:C-0001:Safe" + new string(' ', 60), "longer than 64 bytes" },
        { new string('a', 65), "65 bytes of letters" },
        { new string('é', 40), "non-ASCII, over 64 bytes in UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Offered))]
    public void Encode_EveryOfferedButton_RoundTripsWithin64Bytes(CaseButton button, string data)
    {
        var encoded = CallbackData.Encode(button);

        Assert.Equal(data, encoded);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(encoded), 1, CallbackData.MaxBytes);
        Assert.True(CallbackData.TryDecode(encoded, out var decoded));
        Assert.Equal(button, decoded);
    }

    [Fact]
    public void Encode_TheOutcomeButtonsTheBotOffers_AllDecodeAndOtherIsNotAmongThem()
    {
        var data = ChooseOutcome.Offered.Select(o => CallbackData.Encode(new ChooseOutcome("C-0001", o))).ToList();

        Assert.All(data, d => Assert.True(CallbackData.TryDecode(d, out _)));
        Assert.DoesNotContain(CaseOutcome.Other, ChooseOutcome.Offered);
    }

    [Theory]
    [MemberData(nameof(Forged))]
    public void TryDecode_DataTheBotNeverOffered_IsRefused(string? data, string why)
    {
        Assert.False(CallbackData.TryDecode(data, out var button), why);
        Assert.Null(button);
    }

    [Theory]
    [InlineData("C-1")]
    [InlineData("C-00001")]
    [InlineData("c-0001")]
    [InlineData("")]
    public void Encode_CaseIdTheBotDoesNotMake_Throws(string caseId) =>
        Assert.Throws<ArgumentException>(() => CallbackData.Encode(new AcknowledgeCase(caseId)));

    [Theory]
    [InlineData(CaseOutcome.Other)]
    [InlineData((CaseOutcome)99)]
    public void Encode_OutcomeNotOffered_Throws(CaseOutcome outcome) =>
        Assert.Throws<ArgumentException>(() => CallbackData.Encode(new ChooseOutcome("C-0001", outcome)));

    [Fact]
    public void ForLog_LongOrStrangeData_ShowsOnlyAShortPrintablePrefixAndTheLength()
    {
        var data = "out:C-0001:\n" + new string('x', 1000) + "SECRET";

        var shown = CallbackData.ForLog(data);

        Assert.Equal("\"out:C-0001:?…\" (1018 chars)", shown);
        Assert.DoesNotContain("SECRET", shown, StringComparison.Ordinal);
        Assert.Equal("(none)", CallbackData.ForLog(null));
    }

    [Fact]
    public void Keyboard_ButtonsReadBackFromAnOlderOutboxRow_AreLeftOffAndTheRestKept()
    {
        // An earlier version stored {"Text":…,"Data":"ack:C-0001"}; it reads back with no action.
        var old = System.Text.Json.JsonSerializer.Deserialize<OutgoingMessage>(
            """{"ChatId":1,"Priority":0,"Text":"alert","InlineButtons":[[{"Text":"✋","Data":"ack:C-0001"}],[{"Text":"✔","Action":{"kind":"resolve","CaseId":"C-0001"}}]]}""",
            DistressBot.Domain.StoreJson.Options)!;

        var rows = CallbackData.Keyboard(old.InlineButtons);

        Assert.Equal([("✔", "res:C-0001")], Assert.Single(rows));
        Assert.Empty(CallbackData.Keyboard(null));
    }
}
