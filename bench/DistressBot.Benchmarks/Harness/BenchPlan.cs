namespace DistressBot.Benchmarks.Harness;

/// <summary>The sizes and time caps of one run: quick (10,000 subjects, under 3 minutes) or full (100,000, under 15).</summary>
/// <param name="Quick">The quick mode.</param>
internal sealed record BenchPlan(bool Quick)
{
    /// <summary>Subjects seeded.</summary>
    public int Subjects => Quick ? 10_000 : 100_000;

    /// <summary>Coordinators seeded, each with about ten subjects (subject i belongs to coordinator i mod this), plus one more with <see cref="OneCoordinatorSubjects"/> of its own.</summary>
    public int Coordinators => Subjects / 10;

    /// <summary>Subjects 0 to this minus one belong only to the one extra coordinator (the per-chat burst).</summary>
    public static int OneCoordinatorSubjects => 1_000;

    /// <summary>Subjects from this index on have a coordinator of their own among the first ones: index i's coordinator is i mod <see cref="Coordinators"/>.</summary>
    public static int FirstOwnCoordinatorSubject => OneCoordinatorSubjects;

    /// <summary>Check-ins sent at once for the ingest ratio, and plain LiteDB inserts in its baseline.</summary>
    public int IngestCheckins => Quick ? 300 : 2_000;

    /// <summary>Alarms whose deadlines are spread over <see cref="SpreadWindow"/>: 25 a second, below Telegram's 30, so delivery can keep up.</summary>
    public int SpreadAlarms => Quick ? 250 : 1_500;

    /// <summary>The window the spread alarms fall in.</summary>
    public TimeSpan SpreadWindow => TimeSpan.FromSeconds(Quick ? 10 : 60);

    /// <summary>Alarms at one instant in the burst rows.</summary>
    public static int BurstAlarms => 1_000;

    /// <summary>Alarms among the reminder flood.</summary>
    public static int FloodAlarms => 100;

    /// <summary>Messages from strangers queued at once in the stranger flood.</summary>
    public int StrangerMessages => Quick ? 3_000 : 10_000;

    /// <summary>Distinct stranger ids they come from.</summary>
    public static int Strangers => 1_000;

    /// <summary>Subjects' check-ins spread through the stranger flood, each timed.</summary>
    public int StrangerSamples => Quick ? 10 : 20;

    /// <summary>Messages queued while Telegram is unreachable.</summary>
    public int UnreachableQueued => Math.Min(10_000, Subjects);

    /// <summary>How long idle CPU and the unreachable CPU are averaged over.</summary>
    public TimeSpan IdleWindow => TimeSpan.FromSeconds(Quick ? 5 : 20);

    /// <summary>The longest a phase waits for what it measures, after its instant: past it the row reads "&gt; cap".</summary>
    public TimeSpan Cap(string scenario) => scenario switch
    {
        "ingest" => TimeSpan.FromSeconds(Quick ? 20 : 60),
        "spread" => TimeSpan.FromSeconds(Quick ? 5 : 60),

        // 1.25 times the floor (1,000 / 30 s): a burst not all accepted by then has missed the goal of 1.2 for certain.
        "burst-own" => TimeSpan.FromSeconds(42),
        "burst-one" => TimeSpan.FromSeconds(Quick ? 5 : 60),
        "reminders" => TimeSpan.FromSeconds(Quick ? 15 : 90),
        "strangers" => TimeSpan.FromSeconds(Quick ? 20 : 90),
        "start" => TimeSpan.FromSeconds(Quick ? 40 : 90),
        _ => TimeSpan.FromSeconds(60),
    };

    /// <summary>The longest the bot may take to start watching before a phase gives up on it.</summary>
    public TimeSpan StartCap => TimeSpan.FromSeconds(Quick ? 40 : 120);

    /// <summary>The most a phase's child process may run in all before it is stopped and its rows read "&gt; cap".</summary>
    public TimeSpan HardLimit(string scenario) => StartCap + Cap(scenario) + SpreadWindow + IdleWindow + TimeSpan.FromSeconds(Quick ? 60 : 240);

    /// <summary>"quick" or "full".</summary>
    public string Name => Quick ? "quick" : "full";
}
