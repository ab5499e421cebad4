using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.Resilience;

/// <summary>How a scripted subject behaves during the crash test.</summary>
internal enum Habit
{
    /// <summary>Checks in every 1.5–3.5 s: never late, so never an alarm.</summary>
    Keeper,

    /// <summary>Checks in for a while, then goes quiet for 11–15 s (an alarm each time), then checks in late.</summary>
    Intermittent,

    /// <summary>Sets the schedule and never checks in: one alarm.</summary>
    Silent,
}

/// <summary>Whether the test's timeline obliges an alarm for one gap between check-ins.</summary>
internal enum AlarmDue
{
    /// <summary>The gap was short: an alarm here is a false alarm.</summary>
    MustNot,

    /// <summary>Too close to the edge to say (the driver was late, or the bot stopped near the deadline).</summary>
    May,

    /// <summary>The subject was clearly late: the alarm must be stored and delivered.</summary>
    Must,
}

/// <summary>A stretch without a check-in, the deadline it owed (a window for the schedule's first deadline) and whether its alarm is due.</summary>
internal sealed record Gap(DateTimeOffset DeadlineFrom, DateTimeOffset DeadlineTo, AlarmDue Due);

/// <summary>One scripted subject: when they check in, and the Telegram date of every check-in they sent.</summary>
internal sealed class SubjectScript(FakeUser user, string alias, Habit habit)
{
    /// <summary>The schedule every subject sets: tight enough to miss several deadlines per minute.</summary>
    public const string ScheduleText = "every 6s grace 2s";

    public static readonly TimeSpan Every = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    // Gaps between check-in dates (whole seconds): up to this many is clearly on time, from the other clearly missed.
    private const int ClearlyOnTime = 4;
    private const int ClearlyMissed = 10;

    private readonly List<DateTimeOffset> _dates = [];
    private DateTimeOffset _next;
    private DateTimeOffset _phaseEnds;
    private bool _quiet;

    public FakeUser User { get; } = user;

    public string Alias { get; } = alias;

    public Habit Habit { get; } = habit;

    /// <summary>Telegram's date of the /schedule message, and when the bot's answer arrived: the first deadline's anchor lies between.</summary>
    public (DateTimeOffset Sent, DateTimeOffset Answered) ScheduleSet { get; set; }

    /// <summary>The Telegram dates of the check-ins sent so far, in the order sent.</summary>
    public IReadOnlyList<DateTimeOffset> Checkins
    {
        get
        {
            lock (_dates)
            {
                return [.. _dates];
            }
        }
    }

    /// <summary>The Telegram date of a message (whole seconds, as Telegram sends it).</summary>
    public static DateTimeOffset DateOf(DateTime date) =>
        new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)).AddTicks(-(date.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>Starts the script at <paramref name="now"/>, just after the schedule was confirmed.</summary>
    public void Begin(DateTimeOffset now, Random random)
    {
        _next = now + Seconds(random, 1.5, 3);
        _phaseEnds = now + Seconds(random, 4, 10);
    }

    /// <summary>Sends a check-in if one is due at <paramref name="now"/>.</summary>
    public void Act(FakeBotApiServer telegram, DateTimeOffset now, Random random, bool stopped)
    {
        if (Habit == Habit.Silent || stopped || now < _next)
        {
            return;
        }

        if (Habit == Habit.Intermittent && now >= _phaseEnds)
        {
            _quiet = !_quiet;
            _phaseEnds = now + (_quiet ? Seconds(random, 11, 15) : Seconds(random, 4, 10));
            if (_quiet)
            {
                _next = _phaseEnds;
                return;
            }
        }

        var update = telegram.EnqueueMessage(User.Id, "/checkin", User);
        lock (_dates)
        {
            _dates.Add(DateOf(update.Message!.Date));
        }

        _next = now + Seconds(random, 1.5, 3.5);
    }

    /// <summary>Every gap from the schedule to <paramref name="stoppedAt"/> (when the bot was stopped for good), with its verdict.</summary>
    public IReadOnlyList<Gap> Gaps(DateTimeOffset stoppedAt)
    {
        var gaps = new List<Gap>();
        var checkins = Checkins;
        var (sent, answered) = ScheduleSet;

        // The first deadline is six seconds after the bot handled /schedule, somewhere between its date and the answer.
        var firstEnd = checkins.Count > 0 ? checkins[0] : stoppedAt;
        gaps.Add(new Gap(sent + Every, answered + Every, Verdict(firstEnd - answered, firstEnd - sent, trailing: checkins.Count == 0)));
        for (var i = 0; i < checkins.Count; i++)
        {
            var from = checkins[i];
            var to = i + 1 < checkins.Count ? checkins[i + 1] : stoppedAt;
            gaps.Add(new Gap(from + Every, from + Every, Verdict(to - from, to - from, trailing: i + 1 == checkins.Count)));
        }

        return gaps;
    }

    private static AlarmDue Verdict(TimeSpan shortest, TimeSpan longest, bool trailing)
    {
        if (trailing)
        {
            // Nothing can fire before deadline + grace; after it the bot ran on for seconds, so it must have.
            return longest < Every + Grace ? AlarmDue.MustNot : shortest >= TimeSpan.FromSeconds(ClearlyMissed) ? AlarmDue.Must : AlarmDue.May;
        }

        return longest <= TimeSpan.FromSeconds(ClearlyOnTime) ? AlarmDue.MustNot
            : shortest >= TimeSpan.FromSeconds(ClearlyMissed) ? AlarmDue.Must
            : AlarmDue.May;
    }

    private static TimeSpan Seconds(Random random, double from, double to) => TimeSpan.FromSeconds(from + (random.NextDouble() * (to - from)));
}
