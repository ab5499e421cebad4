using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// The deadline monitor's step for one subject at one frozen now: the early reminder, the reminder at the deadline, the
/// missed-check-in alarm to level 1 only, and nothing at all for a subject with no schedule or a miss already raised.
/// Salek (every 2 h, 30 min grace, reminders 15 min ahead) owes deadline D; the clock stands at <see cref="CaseChain.Opening"/>.
/// </summary>
public sealed class DeadlineProcessorTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    /// <summary>What is due at a moment relative to the deadline D.</summary>
    public enum Expect
    {
        /// <summary>Nothing is queued, nothing changes.</summary>
        Nothing,

        /// <summary>The early reminder to the subject only.</summary>
        LeadReminder,

        /// <summary>The reminder at the deadline to the subject only.</summary>
        DeadlineReminder,

        /// <summary>The case opens and level 1 is alerted; nothing to the subject.</summary>
        Alarm,
    }

    /// <summary>
    /// Row: what it is, now minus D, minutes since the schedule was set (before now), early reminder already sent, deadline
    /// reminder already sent, already missed, what is due, and the next instant the monitor is to look again (minutes after
    /// D; null when it need not).
    /// </summary>
    public static TheoryData<string, int, int, bool, bool, bool, Expect, int?> Moments => new()
    {
        { "long before the reminder lead", -60, 60, false, false, false, Expect.Nothing, -15 },
        { "just before the reminder lead", -16, 104, false, false, false, Expect.Nothing, -15 },
        { "at the reminder lead", -15, 105, false, false, false, Expect.LeadReminder, 0 },
        { "inside the lead, early reminder sent", -5, 115, true, false, false, Expect.Nothing, 0 },
        { "schedule set 10 min before D: no early reminder", -5, 5, false, false, false, Expect.Nothing, 0 },
        { "at the deadline", 0, 120, true, false, false, Expect.DeadlineReminder, 30 },
        { "at the deadline, the early one never went", 0, 120, false, false, false, Expect.DeadlineReminder, 30 },
        { "in grace, reminded", 10, 130, true, true, false, Expect.Nothing, 30 },
        { "in grace, the monitor late: only the deadline reminder", 10, 130, false, false, false, Expect.DeadlineReminder, 30 },
        { "the grace ends", 30, 150, true, true, false, Expect.Alarm, null },
        { "long after grace, bot was down: stale reminders not sent", 300, 420, false, false, false, Expect.Alarm, null },
        { "already missed", 60, 180, true, true, true, Expect.Nothing, null },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public void Process_AtMomentAroundTheDeadline_QueuesWhatIsDueAndNothingElse(
        string name, int minutesAfterDeadline, int setMinutesAgo, bool leadSent, bool deadlineSent, bool missed, Expect expect, int? nextAfterDeadline)
    {
        var w = DomainWorld.WithCaseChain();
        var now = w.Now;
        var deadline = now - TimeSpan.FromMinutes(minutesAfterDeadline);
        var before = Owe(w, deadline, now - TimeSpan.FromMinutes(setMinutesAgo), leadSent, deadlineSent, missed);

        var next = w.Run(db => DeadlineProcessor.Process(db, w.Chain.Salek.Id, now, w.Rules));

        var state = w.Fresh(w.Chain.Salek).Checkin!;
        Assert.True((nextAfterDeadline is { } m ? deadline + TimeSpan.FromMinutes(m) : (DateTimeOffset?)null) == next, name);
        Assert.Equal(deadline, state.OwedDeadline);
        var toSalek = w.TextsTo(w.Chain.Salek);
        switch (expect)
        {
            case Expect.Nothing:
                Assert.Empty(w.Run(db => db.Outbox.All()));
                Assert.Equal((before.LeadReminderSent, before.DeadlineReminderSent, before.Missed), (state.LeadReminderSent, state.DeadlineReminderSent, state.Missed));
                Assert.Null(state.OpenCaseId);
                break;
            case Expect.LeadReminder:
                AssertStartsLike(TextId.ReminderBefore, Assert.Single(toSalek));
                Assert.Equal(MessagePriority.Reminder, Assert.Single(w.Queued(w.Chain.Salek)).Priority);
                Assert.Single(w.Run(db => db.Outbox.All()));
                Assert.Equal((true, false, false), (state.LeadReminderSent, state.DeadlineReminderSent, state.Missed));
                break;
            case Expect.DeadlineReminder:
                AssertStartsLike(TextId.ReminderAtDeadline, Assert.Single(toSalek));
                Assert.Equal(MessagePriority.Reminder, Assert.Single(w.Queued(w.Chain.Salek)).Priority);
                Assert.Single(w.Run(db => db.Outbox.All()));
                Assert.Equal((true, true, false), (state.LeadReminderSent, state.DeadlineReminderSent, state.Missed));
                Assert.Null(state.OpenCaseId);
                break;
            case Expect.Alarm:
                Assert.Empty(toSalek);
                Assert.True(state.Missed);
                Assert.Equal(deadline, state.MissedDeadline);
                var opened = w.Case(state.OpenCaseId!);
                Assert.Equal(CaseTrigger.MissedCheckin, opened.Trigger);
                Assert.Equal(deadline, opened.MissedDeadline);
                Assert.Equal(deadline + Grace, opened.GraceEnd);
                Assert.Single(w.Queued(w.Chain.Nina));
                Assert.Single(w.Queued(w.Chain.Olga));
                Assert.Empty(w.Queued(w.Chain.Boris)); // level 2 only after the acknowledge timeout
                Assert.All(w.Run(db => db.Outbox.All()), m => Assert.Equal(MessagePriority.Alarm, m.Priority));
                break;
        }
    }

    [Theory]
    [InlineData("no schedule")]
    [InlineData("a schedule but no owed deadline")]
    public void Process_NothingOwed_DoesNothingAndNeedNotLookAgain(string what)
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db =>
        {
            var salek = db.People.Find(w.Chain.Salek.Id)!;
            salek.Checkin = what == "no schedule"
                ? new CheckinState()
                : new CheckinState { Schedule = Schedule.Interval(TimeSpan.FromHours(2), Grace) };
            db.People.Save(salek);
        });

        var next = w.Run(db => DeadlineProcessor.Process(db, w.Chain.Salek.Id, w.Now + TimeSpan.FromDays(3), w.Rules));

        Assert.Null(next);
        Assert.Null(DeadlineProcessor.NextEventAt(w.Fresh(w.Chain.Salek), w.Rules));
        Assert.Empty(w.Run(db => db.Outbox.All()));
        Assert.Null(w.Fresh(w.Chain.Salek).Checkin!.OpenCaseId);
    }

    [Fact]
    public void Process_NoReminderLead_SendsOnlyTheReminderAtTheDeadline()
    {
        var w = new DomainWorld(rules: DomainWorld.TestRules() with { ReminderLead = TimeSpan.Zero });
        var salek = w.Subject(w.Coordinator());
        var deadline = w.Now + TimeSpan.FromHours(2);
        w.Run(db =>
        {
            var s = db.People.Find(salek.Id)!;
            s.Checkin = new CheckinState { Schedule = Schedule.Interval(TimeSpan.FromHours(2), Grace), ScheduleSetAt = w.Now, OwedDeadline = deadline };
            db.People.Save(s);
        });

        Assert.Equal(deadline, DeadlineProcessor.NextEventAt(w.Fresh(salek), w.Rules));
        w.Run(db => DeadlineProcessor.Process(db, salek.Id, deadline - TimeSpan.FromMinutes(1), w.Rules));
        Assert.Empty(w.TextsTo(salek));
        w.Run(db => DeadlineProcessor.Process(db, salek.Id, deadline, w.Rules));

        AssertStartsLike(TextId.ReminderAtDeadline, Assert.Single(w.TextsTo(salek)));
    }

    [Fact]
    public void Process_ReminderTimes_AreInTheSubjectsZoneAndLanguage()
    {
        var w = DomainWorld.WithCaseChain();
        var deadline = w.Now + TimeSpan.FromMinutes(15); // 11:45 UTC, 14:45 in Moscow
        Owe(w, deadline, w.Now - TimeSpan.FromMinutes(105), false, false, false);
        w.Run(db =>
        {
            var salek = db.People.Find(w.Chain.Salek.Id)!;
            salek.Language = Language.Ru;
            db.People.Save(salek);
        });

        w.Run(db => DeadlineProcessor.Process(db, w.Chain.Salek.Id, w.Now, w.Rules));

        Assert.Equal(["Напоминание: отметьтесь до 02.11 14:45 UTC+3 (осталось 15 мин)."], w.TextsTo(w.Chain.Salek));
    }

    private static CheckinState Owe(DomainWorld w, DateTimeOffset deadline, DateTimeOffset setAt, bool leadSent, bool deadlineSent, bool missed) => w.Run(db =>
    {
        var salek = db.People.Find(w.Chain.Salek.Id)!;
        salek.Checkin = new CheckinState
        {
            Schedule = Schedule.Interval(TimeSpan.FromHours(2), Grace),
            ScheduleSetAt = setAt,
            OwedDeadline = deadline,
            LeadReminderSent = leadSent,
            DeadlineReminderSent = deadlineSent,
            Missed = missed,
            MissedDeadline = missed ? deadline : null,
        };
        db.People.Save(salek);
        return salek.Checkin;
    });

    private static void AssertStartsLike(TextId id, string text)
    {
        var template = TextCatalogue.Template(id, Language.En);
        Assert.StartsWith(template[..template.IndexOf('{', StringComparison.Ordinal)], text, StringComparison.Ordinal);
    }
}
