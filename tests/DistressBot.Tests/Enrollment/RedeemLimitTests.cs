using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

public sealed class RedeemLimitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly BotRules Rules = new BotSettings().ToRules();

    private readonly SealedData _data = new();
    private readonly StrangerLedger _ledger = new();

    public void Dispose() => _data.Dispose();

    private DataSession Db => _data.Db;

    private string NewCoordinatorCode(string name) =>
        CreateInvite.Run(Db, Role.Coordinator, name, null, T0, TimeSpan.FromDays(7)).Code!;

    private RedeemOutcome Redeem(string code, long sender, DateTimeOffset now)
    {
        var draft = _ledger.Begin(now);
        var (outcome, _) = EnrollmentService.Redeem(Db, code, sender, sender, Language.En, now, Rules, draft);
        _ledger.Apply(draft);
        return outcome;
    }

    [Fact]
    public void Redeem_WrongCodes_CountedForTheAdminWithoutCodeOrSender()
    {
        Redeem("AAAAABBBBBCCCCCDDDDD", 501, T0);
        Redeem("ABCDEFGH", 502, T0 + TimeSpan.FromMinutes(1));

        var report = Db.Meta.RedemptionReport();
        Assert.Equal(2, report.Failed);
        Assert.Equal(T0 + TimeSpan.FromMinutes(1), report.LastFailedAt);
        Assert.Equal(0, report.SendersHeldBack);
        Assert.Equal(0, report.Pauses);
        Assert.Equal(RedemptionReport.StoreKey, Assert.Single(_data.Records.All(Collections.Meta)).Id);
    }

    [Fact]
    public void Redeem_AfterFiveWrongCodesFromOneSender_RefusesEvenAValidCodeUncheckedUntilTheHourEnds()
    {
        var valid = NewCoordinatorCode("Nina");
        var outcomes = Enumerable.Range(0, StrangerLedger.FailuresPerSender)
            .Select(i => Redeem($"WRONG{i:D15}", 501, T0 + TimeSpan.FromSeconds(i)))
            .ToList();

        var refused = Redeem(valid, 501, T0 + TimeSpan.FromMinutes(5));
        var otherSender = Redeem(NewCoordinatorCode("Olga"), 502, T0 + TimeSpan.FromMinutes(5));
        var later = Redeem(valid, 501, T0 + StrangerLedger.FailureWindow + TimeSpan.FromSeconds(1));

        Assert.Equal(RedeemOutcome.SenderHeldBack, outcomes[^1]);
        Assert.All(outcomes[..^1], o => Assert.Equal(RedeemOutcome.InvalidCode, o));
        Assert.Equal(RedeemOutcome.RefusedUnchecked, refused);
        Assert.Equal(RedeemOutcome.Enrolled, otherSender);
        Assert.Equal(RedeemOutcome.Enrolled, later);
        var report = Db.Meta.RedemptionReport();
        Assert.Equal(1, report.SendersHeldBack);
        Assert.Equal(1, report.RefusedUnchecked);
        Assert.Equal(StrangerLedger.FailuresPerSender, report.Failed);
    }

    [Fact]
    public void Redeem_OverallLimitFromManySenders_RefusesGuessersUncheckedForTheRestOfTheHour_ButNotAFirstTry()
    {
        var valid = NewCoordinatorCode("Nina");
        var later = NewCoordinatorCode("Olga");
        var outcomes = Enumerable.Range(0, RedemptionReport.OverallLimit)
            .Select(i => Redeem($"GUESS{i:D15}", 1000 + i, T0 + TimeSpan.FromSeconds(i)))
            .ToList();

        // A guesser who already failed is refused unchecked, even with the right code; a real invitee's first try is not.
        var guesserDuringPause = Redeem(valid, 1000, T0 + TimeSpan.FromMinutes(30));
        var report = Db.Meta.RedemptionReport();
        var inviteeDuringPause = Redeem(valid, 7, T0 + TimeSpan.FromMinutes(31));
        var guesserAfterPause = Redeem(later, 1000, T0 + RedemptionReport.Window);

        Assert.Equal(RedeemOutcome.LimitReached, outcomes[^1]);
        Assert.DoesNotContain(RedeemOutcome.Enrolled, outcomes);
        Assert.Equal(RedeemOutcome.RefusedUnchecked, guesserDuringPause);
        Assert.Equal(T0 + RedemptionReport.Window, report.PausedUntil(T0 + TimeSpan.FromMinutes(30)));
        Assert.Equal(1, report.Pauses);
        Assert.Equal(RedeemOutcome.Enrolled, inviteeDuringPause);
        Assert.Equal(RedeemOutcome.Enrolled, guesserAfterPause);
        Assert.Null(Db.Meta.RedemptionReport().PausedUntil(T0 + RedemptionReport.Window));
    }

    [Fact]
    public void Redeem_ValidCode_EnrolsAndCountsNothing()
    {
        var outcome = Redeem(NewCoordinatorCode("Nina"), 501, T0);

        Assert.Equal(RedeemOutcome.Enrolled, outcome);
        Assert.Equal(0, Db.Meta.RedemptionReport().Failed);
        Assert.Empty(_data.Records.All(Collections.Meta));
    }
}
