using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>What the admin's log says about cases: one event per thing that happened, after the commit, and nothing about who.</summary>
public sealed class CaseEventLogTests
{
    private const string Alias = "Gulnara-Sokolova";
    private const string CoordinatorName = "Ninochka-Petrova";
    private const string LawyerName = "Advokat-Alexandrov";
    private const long SubjectTelegramId = 7_700_123_451;
    private const long CoordinatorTelegramId = 7_700_123_452;
    private const long LawyerTelegramId = 7_700_123_453;
    private const string ReportText = "taken near the Kurskaya metro at dusk";
    private const double Latitude = 55.758_621;
    private const double Longitude = 37.661_234;

    private readonly CapturingLogger<DomainEventLog> _log = new();
    private readonly DomainWorld _world = new(rules: DomainWorld.TestRules("Europe/Moscow"));
    private readonly BotStore _store;
    private readonly DateTimeOffset _start;

    public CaseEventLogTests()
    {
        _start = _world.Now;
        _store = _world.Bot(new DomainEventLog(_log));
        _world.Run(db =>
        {
            var coordinator = DomainWorld.NewPerson("p1", Role.Coordinator, CoordinatorTelegramId, CoordinatorName, "Europe/Moscow", _start);
            var lawyer = DomainWorld.NewPerson("p2", Role.Lawyer, LawyerTelegramId, LawyerName, "Europe/Moscow", _start);
            var subject = DomainWorld.NewPerson("p3", Role.Subject, SubjectTelegramId, Alias, "Europe/Moscow", _start);
            subject.CoordinatorIds.Add(coordinator.Id);
            subject.LawyerIds.Add(lawyer.Id);
            subject.LastLocation = new SharedLocation(Latitude, Longitude, _start, Live: false);
            subject.Checkin = new CheckinState();
            coordinator.SubjectIds.Add(subject.Id);
            lawyer.SubjectIds.Add(subject.Id);
            db.People.Save(coordinator);
            db.People.Save(lawyer);
            db.People.Save(subject);
        });
    }

    [Fact]
    public async Task UnitThatRollsBack_LogsNothing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.RunAsync(db =>
        {
            Alarms.Sos(db, db.People.Find("p3")!, _start, _start);
            throw new InvalidOperationException("rolled back on purpose");
        }));

        Assert.Empty(_log.Entries);
        Assert.Null(await _store.RunAsync(db => db.People.Find("p3")!.Checkin!.OpenCaseId));
    }

    [Fact]
    public async Task CaseFromOpeningToResolution_IsOneTimestampableEventPerStep_WithItsId()
    {
        await _store.RunAsync(db => Alarms.MissedCheckin(db, db.People.Find("p3")!, _start.AddMinutes(-30), TimeSpan.FromMinutes(30), _start, (_start.AddMinutes(-40), _start)));
        Assert.Equal([3303, 3300], _log.Entries.Select(e => e.EventId));
        var opened = _log.Entries.Last();
        Assert.Equal("C-0001", opened["CaseId"]);
        Assert.Equal(nameof(CaseTrigger.MissedCheckin), opened["Kind"]);
        Assert.Equal("1", opened["Level"]);

        await _store.RunAsync(db => EscalationProcessor.Process(db, "C-0001", _start.AddMinutes(10), _world.Rules));
        await _store.RunAsync(db => EscalationProcessor.Process(db, "C-0001", _start.AddMinutes(15), _world.Rules));
        await _store.RunAsync(db => Alarms.Sos(db, db.People.Find("p3")!, _start.AddMinutes(16), _start.AddMinutes(16)));
        await _store.RunAsync(db => Alarms.MissingReport(db, db.People.Find("p3")!, db.People.Find("p1")!, ReportText, _start.AddMinutes(17)));
        await _store.RunAsync(db => TakeCase.Run(db, db.People.Find("p2")!, "C-0001", _start.AddMinutes(18)));
        await _store.RunAsync(db => CloseCase.Run(db, db.People.Find("p1")!, "C-0001", CaseOutcome.Detained, ReportText, _start.AddMinutes(30), OwedDeadlines.ResumeAfterResolution));

        Assert.Equal([3303, 3300, 3305, 3304, 3301, 3301, 3306, 3308], _log.Entries.Select(e => e.EventId));
        var entries = _log.Entries.ToList();
        Assert.Equal(nameof(LevelChangeReason.NobodyAcknowledged), entries[3]["Reason"]);
        Assert.Equal(nameof(CaseTrigger.Sos), entries[4]["Kind"]);
        Assert.Equal("lawyer", entries[6]["Role"]);
        Assert.Equal("Case C-0001 acknowledged by a lawyer 00:18:00 after it opened", entries[6].Message);
        Assert.Equal("00:18:00", entries[6]["SinceOpened"]);
        Assert.Equal("detained", entries[7]["Outcome"]);
        Assert.StartsWith("Case C-0001 resolved (detained) by a coordinator ", entries[7].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Message.Contains("Lawyer", StringComparison.Ordinal) || e.Message.Contains("Coordinator", StringComparison.Ordinal) || e.Message.Contains("Detained", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal("C-0001", e["CaseId"]));
        AssertNothingSensitive();
    }

    [Fact]
    public async Task UnreachablePeople_AndTheCoverageGap_AreLogged_WithRolesOnly()
    {
        await _store.RunAsync(db => Alarms.MissedCheckin(db, db.People.Find("p3")!, _start.AddMinutes(-30), TimeSpan.FromMinutes(30), _start));

        await _store.RunAsync(db => PersonReachability.Unreachable(db, db.People.Find("p1")!, "Forbidden: bot was blocked by the user", "C-0001", _start.AddMinutes(1)));

        var entries = _log.Entries.ToList();
        Assert.Equal([3300, 3309, 3304, 3310], entries.Select(e => e.EventId));
        Assert.Equal("coordinator", entries[1]["Role"]);
        Assert.StartsWith("A coordinator is unreachable", entries[1].Message, StringComparison.Ordinal);
        Assert.Equal(nameof(LevelChangeReason.RecipientUnreachable), entries[2]["Reason"]);
        Assert.Equal("1", entries[3]["Subjects"]);
        AssertNothingSensitive();
    }

    [Fact]
    public async Task ADrill_IsLoggedAsADrill_NotAsAnAlarm()
    {
        await _store.RunAsync(db => Alarms.Drill(db, db.People.Find("p3")!, db.People.Find("p1")!, _start));

        var drill = Assert.Single(_log.Entries);
        Assert.Equal(3302, drill.EventId);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, drill.Level);
    }

    private void AssertNothingSensitive()
    {
        string[] secrets =
        [
            Alias, CoordinatorName, LawyerName, ReportText, "blocked by the user",
            SubjectTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CoordinatorTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LawyerTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "55.75", "37.66", "p1", "p2", "p3",
        ];
        Assert.NotEmpty(_log.Entries);
        foreach (var entry in _log.Entries)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, entry.Everything, StringComparison.Ordinal);
            }
        }
    }
}
