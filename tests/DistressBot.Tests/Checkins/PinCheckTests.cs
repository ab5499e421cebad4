using System.Security.Cryptography;
using System.Text;
using DistressBot.Checkins;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// <see cref="PinCheck.Judge"/>, the one PIN check every PIN-gated action uses, over Salek's chain (coordinators Nina and Olga,
/// backup Boris): which hashes it computes, what it queues and to whom, and what it leaves alone.
/// </summary>
public sealed class PinCheckTests
{
    private const string RealPin = "4829";
    private const string DuressPin = "7301";

    private readonly DomainWorld _world = DomainWorld.WithCaseChain();
    private readonly CountingLookups _lookups = new();

    [Fact]
    public void Judge_WithoutPins_IsNotSet_QueuesNothing_HashesNothing()
    {
        var verdict = Judge(RealPin);

        Assert.Equal(PinVerdict.NotSet, verdict);
        Assert.Empty(_world.Queued(_world.Chain.Salek));
        Assert.Equal(0, _lookups.PinHashes);
    }

    [Theory]
    [InlineData(RealPin, PinVerdict.Real)]
    [InlineData(DuressPin, PinVerdict.Duress)]
    [InlineData("5820", PinVerdict.Wrong)]
    [InlineData("not a pin", PinVerdict.Wrong)]
    public void Judge_AnyPin_ComputesBothHashes_CheckinFirst(string typed, PinVerdict expected)
    {
        SetPins();
        _lookups.Reset();

        Assert.Equal(expected, Judge(typed));
        Assert.Equal(2, _lookups.PinHashes);
    }

    [Fact]
    public void Judge_RealPin_QueuesNothing_AndForgetsEarlierWrongPins()
    {
        SetPins();
        Judge("5820");
        var queued = _world.Queued(_world.Chain.Salek).Count;

        Assert.Equal(PinVerdict.Real, Judge(RealPin));
        Assert.Equal(queued, _world.Queued(_world.Chain.Salek).Count);
        Assert.Null(_world.Fresh(_world.Chain.Salek).PinFailures);
        Assert.Empty(_world.Queued(_world.Chain.Nina));
    }

    [Fact]
    public void Judge_DuressPin_JoinsTheOpenMissedCase_MarksItDuress_AndWidensItToLevelTwoAtOnce()
    {
        SetPins();
        var missed = _world.MissDeadline(_world.Chain.Salek);
        Assert.Equal(1, missed.Level);

        Assert.Equal(PinVerdict.Duress, Judge(DuressPin));

        var @case = _world.Case(missed.Id);
        Assert.True(@case.IsDuress);
        Assert.Equal(CaseTrigger.MissedCheckin, @case.Trigger);
        Assert.Equal(2, @case.Level);
        Assert.Contains(_world.Chain.Boris.Id, @case.Recipients);
        Assert.Empty(_world.Queued(_world.Chain.Salek));
        var alert = _world.Deliver(_world.Now).First(s => s.Row.PersonId == _world.Chain.Boris.Id).Ready.Text;
        Assert.StartsWith(TextCatalogue.Format(Language.En, TextId.DuressPrefix), alert, StringComparison.Ordinal);
        Assert.Contains("Salek entered the duress PIN", alert, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_AfterTheLimit_RefusesUnhashed_TellsTheCoordinatorsOnce_AndTheNextWindowJudgesAgain()
    {
        SetPins();
        var rules = _world.Rules with { PinAttempts = 3, PinWindow = TimeSpan.FromMinutes(10) };
        var verdicts = Enumerable.Range(0, 3).Select(_ => Judge("5820", rules)).ToList();
        _lookups.Reset();
        var locked = Judge(RealPin, rules);
        var lockedAgain = Judge("5820", rules);

        Assert.All(verdicts, v => Assert.Equal(PinVerdict.Wrong, v));
        Assert.Equal(PinVerdict.LockedOut, locked);
        Assert.Equal(PinVerdict.LockedOut, lockedAgain);
        Assert.Equal(0, _lookups.PinHashes);
        Assert.Single(_world.Queued(_world.Chain.Nina));
        Assert.Single(_world.Queued(_world.Chain.Olga));
        Assert.Empty(_world.Queued(_world.Chain.Boris));
        Assert.All(_world.TextsTo(_world.Chain.Salek), t => Assert.Equal(TextCatalogue.Format(Language.En, TextId.PinNotAccepted), t));
        Assert.Null(_world.Fresh(_world.Chain.Salek).Checkin!.OpenCaseId);

        _world.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(PinVerdict.Real, Judge(RealPin, rules));
        Assert.Equal(2, _lookups.PinHashes);
    }

    private void SetPins() => _world.Run(db =>
    {
        var salek = db.People.Find(_world.Chain.Salek.Id)!;
        var (salt, hash) = db.Pins.Hash(RealPin);
        salek.Pins = db.Pins.Seal(salt, hash, DuressPin);
        db.People.Save(salek);
    });

    private PinVerdict Judge(string typed, BotRules? rules = null)
    {
        var db = new DataSession(_world.Store, new CryptoContext(_world.Crypto.Cipher, _lookups, (_, _) => { }));
        return PinCheck.Judge(db, db.People.Find(_world.Chain.Salek.Id)!, typed, _world.Now, rules ?? _world.Rules);
    }

    // The test lookups, counting the keyed hashes made for PINs.
    private sealed class CountingLookups : ILookupHasher
    {
        public int PinHashes { get; private set; }

        public void Reset() => PinHashes = 0;

        public byte[] Compute(string purpose, string value)
        {
            if (purpose == "pin")
            {
                PinHashes++;
            }

            return SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\0" + value));
        }
    }
}
