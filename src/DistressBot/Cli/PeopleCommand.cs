using System.CommandLine;
using System.Globalization;
using System.Text;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Escalation;

namespace DistressBot.Cli;

/// <summary>`distressbot people`'s options: none.</summary>
public sealed record PeopleOptions;

/// <summary>`distressbot people`: the enrolled people (names and aliases only), subjects no coordinator can reach marked UNREACHABLE, and how enrollment codes fared.</summary>
public static class PeopleCommand
{
    /// <summary>The `people` command.</summary>
    public static Command Build(IAdminSide side) =>
        new Command("people", "list enrolled people (names and aliases only), and enrollment codes that did not work")
            .WithAdminAction(side, _ => new PeopleOptions(), ExecuteAsync);

    /// <summary>Lists the people on stdout; failed enrollment codes (counts and times) on stderr.</summary>
    public static async Task<AdminResult> ExecuteAsync(PeopleOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Time.GetUtcNow();
        var (text, codes) = await context.Runtime.Store.RunAsync(
            db =>
            {
                var people = db.People.All().ToList();
                var byId = people.ToDictionary(p => p.Id);
                var gaps = PersonReachability.CoverageGaps(people).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
                var output = new StringBuilder();
                foreach (var person in people.OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
                {
                    output.Append(person.Role.ToString().ToLowerInvariant()).Append('\t').Append(person.Name);
                    if (person.Role == Role.Subject)
                    {
                        string Names(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => byId.TryGetValue(id, out var c) ? c.Name : id));
                        output.Append("\tcoordinators: ").Append(Names(person.CoordinatorIds));
                        output.Append("\tbackups: ").Append(Names(person.BackupCoordinatorIds));
                        output.Append("\tlawyers: ").Append(Names(person.LawyerIds));
                        if (gaps.Contains(person.Id))
                        {
                            // The mark `distressbot status` points to when it counts coverage gaps.
                            output.Append("\tUNREACHABLE: no coordinator can reach them; assign one (distressbot assign coordinator NAME --subject ").Append(person.Name).Append(')');
                        }
                    }

                    if (person.UnreachableSince is { } since)
                    {
                        output.Append("\tUNREACHABLE since ").Append(since.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC (").Append(person.UnreachableReason).Append(')');
                    }

                    output.Append('\n');
                }

                return (output.ToString(), Describe(db.Meta.RedemptionReport(), now));
            },
            ct);
        return new AdminResult(0, text, (text.Length == 0 ? "Nobody is enrolled yet.\n" : "") + codes);
    }

    // Failed enrollment codes are told to the admin, never to the sender: counts and times only.
    private static string Describe(RedemptionReport report, DateTimeOffset now)
    {
        if (report.Failed == 0 && report.RefusedUnchecked == 0)
        {
            return "";
        }

        static string At(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var output = new StringBuilder();
        output.Append("Enrollment codes that did not work: ").Append(report.Failed).Append(", the last at ").Append(At(report.LastFailedAt)).Append('.');
        if (report.RefusedUnchecked > 0)
        {
            output.Append(" Refused unchecked for guessing: ").Append(report.RefusedUnchecked).Append('.');
        }

        output.Append('\n');
        if (report.SendersHeldBack > 0)
        {
            output.Append("GUESSING: a sender was held back after ").Append(StrangerLedger.FailuresPerSender).Append(" wrong codes in an hour ")
                .Append(report.SendersHeldBack).Append(report.SendersHeldBack == 1 ? " time" : " times").Append(", the last at ").Append(At(report.LastHeldBackAt)).Append(".\n");
        }

        if (report.Pauses > 0)
        {
            output.Append("GUESSING: ").Append(RedemptionReport.OverallLimit).Append(" wrong codes came within an hour ").Append(report.Pauses)
                .Append(report.Pauses == 1 ? " time" : " times").Append(", the last at ").Append(At(report.LastPausedAt)).Append("; for the rest of that hour a code from anyone who already sent a wrong one is refused unchecked (a sender's first code is still checked).");
            if (report.PausedUntil(now) is { } until)
            {
                output.Append(" Guessers' codes are refused now, until ").Append(At(until)).Append('.');
            }

            output.Append('\n');
        }

        return output.ToString();
    }
}
