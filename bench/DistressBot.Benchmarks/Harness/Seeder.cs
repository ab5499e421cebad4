using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Benchmarks.Harness;

/// <summary>
/// Seeds coordinators and subjects through the product's own store (sealed records, keyed lookups, one unit of work per
/// batch) into a directory cached per size, seed version and UTC day, so a second run the same day starts at once.
/// </summary>
internal static class Seeder
{
    /// <summary>Bump when what is seeded changes: old caches are then ignored.</summary>
    public const string Version = "seed-v3";

    /// <summary>Persons per unit of work.</summary>
    public const int Batch = 2_000;

    /// <summary>Telegram id of coordinator <paramref name="k"/> (the extra one is k = <see cref="BenchPlan.Coordinators"/>).</summary>
    public static long CoordinatorTelegramId(int k) => 1_000_000 + k;

    /// <summary>Telegram id of subject <paramref name="i"/>.</summary>
    public static long SubjectTelegramId(int i) => 2_000_000 + i;

    /// <summary>Telegram id of the coordinator of subject <paramref name="i"/>.</summary>
    public static long CoordinatorOf(BenchPlan plan, int i) => CoordinatorTelegramId(i < BenchPlan.OneCoordinatorSubjects ? plan.Coordinators : i % plan.Coordinators);

    /// <summary>The seeded directory for <paramref name="plan"/>, made now unless today's is cached; <paramref name="say"/> hears progress.</summary>
    public static async Task<string> EnsureAsync(BenchPlan plan, Action<string> say)
    {
        var today = DateTimeOffset.UtcNow;
        // The sealed timer index is stamped with the bot's build (TimerIndexKeeper.Fingerprint): a seed made by another build
        // would make every phase start from a read of every person, so the cache is per build too.
        var build = typeof(BotRuntime).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        var dir = Path.Combine(BenchPaths.Root, string.Create(CultureInfo.InvariantCulture, $"{Version}-{plan.Subjects}-{today:yyyyMMdd}-{build}"));
        if (File.Exists(Path.Combine(dir, "complete")))
        {
            say($"seeded data cached at {dir}");
            return dir;
        }

        BenchPaths.Remove(dir);
        OwnerOnly.CreateFolder(BenchPaths.Root);
        OwnerOnly.CreateFolder(dir);
        var keys = Path.Combine(dir, "keys");
        OwnerOnly.CreateFolder(keys);
        KeyFile.Create(Path.Combine(keys, "key"));
        using (var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(keys, "key")))
        using (Keyring.Create(Path.Combine(keys, "keyring.json"), secret, TimeProvider.System))
        {
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(dir, "data"),
            ["Crypto:KeyringPath"] = Path.Combine(keys, "keyring.json"),
            ["Crypto:KeyFile"] = Path.Combine(keys, "key"),
        }).Build();
        var settings = BotSettings.Bind(configuration);
        using (var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(keys, "key")))
        {
            await using var runtime = await BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, TimeProvider.System);
            await SeedAsync(runtime.Store, plan, today, say);

            // As the first start after an upgrade would: read every person once and build the sealed timer index (seed-v2), so
            // that each phase starts as a bot that has run before, from the index.
            await new StartupScan(runtime.Store, settings.ToRules(), NullLogger<StartupScan>.Instance).TakeAsync(CancellationToken.None);

            // Likewise the one look at every subject's command menu that a first start makes (Messages.CommandMenuChecks):
            // after it, a start reads only the subjects marked since.
            await runtime.Store.RunAsync(db => CommandMenuChecks.Pending(db, settings.ToRules()));
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "complete"), today.ToString("O", CultureInfo.InvariantCulture));
        return dir;
    }

    // Coordinators first (enrolled as a redeemed invite makes them), then subjects in batches with an interval schedule
    // whose deadlines fall two to three days after the seeding (nothing is due while a phase runs unless it says so), then
    // the coordinators again with their subjects' ids.
    private static async Task SeedAsync(BotStore store, BenchPlan plan, DateTimeOffset now, Action<string> say)
    {
        var coordinators = new List<Person>(plan.Coordinators + 1);
        for (var from = 0; from <= plan.Coordinators; from += Batch)
        {
            var first = from;
            await store.RunAsync(db =>
            {
                for (var k = first; k < Math.Min(first + Batch, plan.Coordinators + 1); k++)
                {
                    var coordinator = NewPerson(db, Role.Coordinator, CoordinatorTelegramId(k), string.Create(CultureInfo.InvariantCulture, $"Coordinator {k}"), now);
                    db.People.Save(coordinator);
                    coordinators.Add(coordinator);
                }
            });
        }

        var schedule = Schedule.Interval(TimeSpan.FromDays(3), TimeSpan.FromMinutes(30));
        for (var from = 0; from < plan.Subjects; from += Batch)
        {
            var first = from;
            await store.RunAsync(db =>
            {
                for (var i = first; i < Math.Min(first + Batch, plan.Subjects); i++)
                {
                    var coordinator = coordinators[i < BenchPlan.OneCoordinatorSubjects ? plan.Coordinators : i % plan.Coordinators];
                    var subject = NewPerson(db, Role.Subject, SubjectTelegramId(i), string.Create(CultureInfo.InvariantCulture, $"Subject {i}"), now);
                    subject.Checkin = new CheckinState
                    {
                        Schedule = schedule,
                        ScheduleSetAt = now,
                        OwedDeadline = now + TimeSpan.FromDays(2) + TimeSpan.FromMinutes(i % 1440),
                    };
                    subject.CoordinatorIds.Add(coordinator.Id);
                    coordinator.SubjectIds.Add(subject.Id);
                    db.People.Save(subject);
                }
            });
            if ((from / Batch) % 10 == 9 || from + Batch >= plan.Subjects)
            {
                say(string.Create(CultureInfo.InvariantCulture, $"  seeded {Math.Min(from + Batch, plan.Subjects):N0} of {plan.Subjects:N0} subjects"));
            }
        }

        for (var from = 0; from < coordinators.Count; from += Batch)
        {
            var batch = coordinators.Skip(from).Take(Batch).ToList();
            await store.RunAsync(db => batch.ForEach(db.People.Save));
        }
    }

    // As EnrollmentService.Redeem makes a person from an invite (an invite per person would make seeding quadratic: CreateInvite checks every pending name).
    private static Person NewPerson(DataSession db, Role role, long telegramId, string name, DateTimeOffset now) => new()
    {
        Id = db.NewId("p"),
        Role = role,
        TelegramUserId = telegramId,
        ChatId = telegramId,
        Name = name,
        Language = Language.En,
        TimeZone = "UTC",
        EnrolledAt = now,
    };
}
