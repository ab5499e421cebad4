using DistressBot.Benchmarks.Harness;
using DistressBot.Domain;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>Sets seeded subjects' check-in state for a phase, through the store's units of work (batches of <see cref="Seeder.Batch"/>).</summary>
internal static class SubjectPrep
{
    /// <summary>Applies <paramref name="set"/> to each subject by index and saves them; returns index → person id.</summary>
    public static async Task<Dictionary<int, string>> UpdateAsync(BotStore store, IReadOnlyList<int> indices, Action<int, CheckinState> set)
    {
        var ids = new Dictionary<int, string>(indices.Count);
        for (var from = 0; from < indices.Count; from += Seeder.Batch)
        {
            var batch = indices.Skip(from).Take(Seeder.Batch).ToList();
            var found = await store.RunAsync(db => batch.Select(i =>
            {
                var subject = db.People.FindByTelegramUser(Seeder.SubjectTelegramId(i)) ?? throw new InvalidOperationException($"Seeded subject {i} is missing.");
                set(i, subject.Checkin!);
                db.People.Save(subject);
                return (i, subject.Id);
            }).ToList());
            found.ForEach(f => ids[f.i] = f.Id);
        }

        return ids;
    }

    /// <summary>Index → person id, read only.</summary>
    public static Task<Dictionary<int, string>> IdsAsync(BotStore store, IReadOnlyList<int> indices) =>
        store.RunAsync(db => indices.ToDictionary(i => i, i => db.People.FindByTelegramUser(Seeder.SubjectTelegramId(i))?.Id ?? throw new InvalidOperationException($"Seeded subject {i} is missing.")));

    /// <summary>An alarm at <paramref name="at"/>: a one-day interval with a 10-minute grace whose deadline was <paramref name="at"/> minus the grace, both reminders already sent.</summary>
    public static void AlarmAt(CheckinState state, DateTimeOffset at)
    {
        var grace = TimeSpan.FromMinutes(10);
        state.Schedule = Schedule.Interval(TimeSpan.FromDays(1), grace);
        state.OwedDeadline = at - grace;
        state.LeadReminderSent = true;
        state.DeadlineReminderSent = true;
        state.Missed = false;
    }

    /// <summary>The reminder at the deadline due at <paramref name="at"/>, its alarm six hours later (after the phase).</summary>
    public static void ReminderAt(CheckinState state, DateTimeOffset at)
    {
        state.Schedule = Schedule.Interval(TimeSpan.FromDays(3), TimeSpan.FromHours(6));
        state.OwedDeadline = at;
        state.LeadReminderSent = true;
        state.DeadlineReminderSent = false;
        state.Missed = false;
    }
}
