using System.Text;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>What an admin command printed and its exit code; the same whether it ran in the bot's process or in its own.</summary>
/// <param name="ExitCode">0 on success.</param>
/// <param name="Output">Standard output: only the result scripts capture (an enrollment code).</param>
/// <param name="Error">Standard error: explanations and errors.</param>
public sealed record AdminResult(int ExitCode, string Output, string Error)
{
    /// <summary>A usage or input error (exit 2).</summary>
    public static AdminResult Usage(string message) => new(2, "", message + "\n");

    /// <summary>A refusal (exit 1).</summary>
    public static AdminResult Fail(string message) => new(1, "", message + "\n");
}

/// <summary>What an admin command runs against: the opened data of the one process that owns the data directory.</summary>
/// <param name="Runtime">Opened keyring, case keys and store.</param>
/// <param name="Rules">Validated domain settings.</param>
/// <param name="Time">The clock.</param>
/// <param name="Secrets">Secrets the command line collected for this command (a new passphrase); never logged.</param>
/// <param name="AfterRotation">Wakes background re-encryption after a rotation, when the bot runs.</param>
/// <param name="AfterCoverChange">Wakes the command-menu updater after a subject's wording changed, when the bot runs.</param>
public sealed record AdminContext(
    BotRuntime Runtime,
    BotRules Rules,
    TimeProvider Time,
    IReadOnlyDictionary<string, string> Secrets,
    Action? AfterRotation = null,
    Action? AfterCoverChange = null);

/// <summary>The admin commands that touch the data: run by the live bot (handed over its socket) or, with the bot stopped, by the CLI itself.</summary>
public static class AdminCommands
{
    /// <summary>True for the commands handled here.</summary>
    public static bool Handles(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] is "invite" or "assign" or "policy" or "people" or "keys" or "cases" or "backup" or "cover" or "export-case" or "draft";

    /// <summary>Runs one admin command against the opened data.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Runtime.Store;
        try
        {
            return args[0] switch
            {
                "invite" => await InviteAsync(args, store, context.Rules, context.Time, ct),
                "assign" => await AssignAsync(args, store, ct),
                "policy" => await PolicyAsync(args, store, context.Rules, ct),
                "people" => await PeopleAsync(store, context.Time.GetUtcNow(), ct),
                "keys" => await KeyCommands.ExecuteAsync(args, context, ct),
                "cases" => await CaseCommands.ExecuteAsync(args, context, ct),
                "backup" => await BackupCommand.ExecuteAsync(args, context, ct),
                "cover" => await CoverAsync(args, context, ct),
                "export-case" => await ExportCaseCommand.ExecuteAsync(args, context, ct),
                "draft" => await DraftCommand.ExecuteAsync(args, context, ct),
                _ => AdminResult.Usage($"Unknown admin command '{args[0]}'. Run 'distressbot help'."),
            };
        }
        catch (Crypto.RecordIntegrityException ex)
        {
            return AdminResult.Fail("A stored record failed authentication (" + ex.Address + "); nothing was changed. Check the keyring and the data file.");
        }
    }

    private static async Task<AdminResult> InviteAsync(IReadOnlyList<string> args, BotStore store, BotRules rules, TimeProvider time, CancellationToken ct)
    {
        const string UsageLine = "Usage: distressbot invite coordinator|lawyer --name \"Nina\"";
        if (args.Count < 2 || Option(args, "--name") is not { } name)
        {
            return AdminResult.Usage(UsageLine);
        }

        Role role;
        switch (args[1])
        {
            case "coordinator":
                role = Role.Coordinator;
                break;
            case "lawyer":
                role = Role.Lawyer;
                break;
            default:
                return AdminResult.Usage($"Cannot invite someone as '{args[1]}': only a coordinator or a lawyer. {UsageLine}\n(Subjects are invited by their coordinator in Telegram: /invite Alias.)");
        }

        var now = time.GetUtcNow();
        var result = await store.RunAsync(db => CreateInvite.Run(db, role, name, null, now, rules.InviteLifetime), ct);
        return result.Refusal switch
        {
            InviteRefusal.NameInvalid => AdminResult.Usage("The name may have letters in any script (with their accents), digits, spaces, dots and hyphens, 1 to 32 characters; no control or invisible characters."),
            InviteRefusal.NameTaken => AdminResult.Fail($"There is already a {args[1]} (or a pending invite) called '{result.Name}'. Choose another name."),
            InviteRefusal.NameConfusable => AdminResult.Fail($"'{result.Name}' looks almost like the {args[1]} '{result.LooksLike}' (letters from another alphabet that look the same, or 0/O, 1/l, rn/m). Alerts could be mixed up: choose a name that looks different."),
            _ => new AdminResult(
                0,
                result.Code + "\n",
                $"One-time enrollment code for {args[1]} '{result.Invite!.Name}', valid until {result.Invite.ExpiresAt:yyyy-MM-dd HH:mm} UTC.\n" +
                $"Hand it over in person; they send the bot: /start {result.Code}\n"),
        };
    }

    private static async Task<AdminResult> AssignAsync(IReadOnlyList<string> args, BotStore store, CancellationToken ct)
    {
        const string UsageLine = """
            Usage: distressbot assign coordinator "Olga" --subject "Salek" [--of "Nina"]   another primary coordinator (level 1)
                   distressbot assign backup "Olga" --subject "Salek" [--of "Nina"]        a backup coordinator (level 2)
                   distressbot assign lawyer "Alexander" --subject "Salek" [--of "Nina"]   a lawyer for one subject (level 2)
                   distressbot assign lawyer "Alexander" --coordinator "Nina"              for all of Nina's subjects, now and later
            (--of names a coordinator the subject already has, when several subjects share the alias.)
            """;
        if (args.Count < 3 || args[1] is not ("coordinator" or "backup" or "lawyer"))
        {
            return AdminResult.Usage(UsageLine);
        }

        var kind = args[1];
        var name = args[2];
        var alias = Option(args, "--subject");
        var ofCoordinator = Option(args, "--coordinator");
        if ((alias is null) == (ofCoordinator is null) || (ofCoordinator is not null && kind != "lawyer"))
        {
            return AdminResult.Usage(UsageLine);
        }

        var role = kind == "lawyer" ? "lawyer" : "coordinator";
        var of = Option(args, "--of");
        if (ofCoordinator is not null)
        {
            var result = await store.RunAsync(db => AssignLawyer.RunForCoordinator(db, name, ofCoordinator), ct);
            return result switch
            {
                { Outcome: AssignOutcome.NoSuchHelper } => AdminResult.Fail($"No lawyer is called '{name}'. 'distressbot people' lists them."),
                { Outcome: AssignOutcome.NoSuchCoordinator } => AdminResult.Fail($"No coordinator is called '{ofCoordinator}'."),
                { Lawyer: { } lawyer, Coordinator: { } coordinator } => new AdminResult(0, "", $"Lawyer '{lawyer.Name}' is assigned to {result.SubjectsAdded} more of {coordinator.Name}'s subjects, and to every subject {coordinator.Name} enrols from now on.\n"),
                _ => throw new InvalidOperationException("An assignment without its people: " + result.Outcome),
            };
        }

        var assigned = await store.RunAsync(
            db => kind switch
            {
                "coordinator" => AssignCoordinator.Run(db, CoordinatorLevel.Primary, name, alias!, of),
                "backup" => AssignCoordinator.Run(db, CoordinatorLevel.Backup, name, alias!, of),
                _ => AssignLawyer.Run(db, name, alias!, of),
            },
            ct);
        return assigned switch
        {
            { Outcome: AssignOutcome.NoSuchHelper } => AdminResult.Fail($"No {role} is called '{name}'. 'distressbot people' lists them."),
            { Outcome: AssignOutcome.Added, Subject: { } subject, Helper: { } helper } => new AdminResult(0, "", $"'{subject.Name}' now has {kind} '{helper.Name}'.\n"),
            { Outcome: AssignOutcome.AlreadyAssigned, Subject: { } subject, Helper: { } helper } => new AdminResult(0, "", $"'{subject.Name}' already had {kind} '{helper.Name}'; nothing changed.\n"),
            { Lookup: { } lookup } => AdminResult.Fail(SubjectNotFound(lookup, alias!, of)),
            _ => throw new InvalidOperationException("An assignment without its people: " + assigned.Outcome),
        };
    }

    private static async Task<AdminResult> PolicyAsync(IReadOnlyList<string> args, BotStore store, BotRules rules, CancellationToken ct)
    {
        const string UsageLine = "Usage: distressbot policy \"Salek\" [--of \"Nina\"] [--ack-timeout 5m] [--repeat 5m] [--acked-reminder 20m] | --reset";
        if (args.Count < 2)
        {
            return AdminResult.Usage(UsageLine);
        }

        TimeSpan? Duration(string option, out bool bad)
        {
            bad = false;
            if (Option(args, option) is not { } text)
            {
                return null;
            }

            if (DurationParser.TryParse(text, out var value))
            {
                return value;
            }

            bad = true;
            return null;
        }

        var ack = Duration("--ack-timeout", out var badAck);
        var repeat = Duration("--repeat", out var badRepeat);
        var acked = Duration("--acked-reminder", out var badAcked);
        var reset = args.Contains("--reset");
        if (badAck || badRepeat || badAcked || (!reset && ack is null && repeat is null && acked is null))
        {
            return AdminResult.Usage(UsageLine + "\nDurations: 30s, 5m, 1h30m, 2d.");
        }

        return await store.RunAsync(
            db =>
            {
                var of = Option(args, "--of");
                var lookup = PeopleByName.Subject(db, args[1], of);
                if (lookup.Subject is not { } subject)
                {
                    return AdminResult.Fail(SubjectNotFound(lookup, args[1], of));
                }

                var effective = reset
                    ? Escalation.SetPolicy.Reset(db, subject, rules.Escalation)
                    : Escalation.SetPolicy.Run(db, subject, new EscalationPolicyOverride(ack, repeat, acked), rules.Escalation);
                return new AdminResult(0, "", $"'{subject.Name}': level 2 after {DurationToken.Format(effective.AcknowledgeTimeout)}, repeats every {DurationToken.Format(effective.RepeatEvery)}, quiet acknowledgement reminded after {DurationToken.Format(effective.AcknowledgedReminder)}.\n");
            },
            ct);
    }

    // One subject's cover wording; the bot sets their chat's command menu when it runs (at once, if it is running now).
    private static async Task<AdminResult> CoverAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        const string UsageLine = "Usage: distressbot cover \"Salek\" on|off [--of \"Nina\"]   cover wording for one subject's chat";
        if (args.Count < 3 || args[2] is not ("on" or "off"))
        {
            return AdminResult.Usage(UsageLine);
        }

        var on = args[2] == "on";
        var result = await context.Runtime.Store.RunAsync(
            db =>
            {
                var of = Option(args, "--of");
                var lookup = PeopleByName.Subject(db, args[1], of);
                if (lookup.Subject is not { } subject)
                {
                    return AdminResult.Fail(SubjectNotFound(lookup, args[1], of));
                }

                var was = subject.CoverWording;
                subject.CoverWording = on;
                db.People.Save(subject);
                var state = on ? "on" : "off";
                var told = was == on ? $"'{subject.Name}': cover wording was already {state}; nothing changed.\n" : $"'{subject.Name}': cover wording {state}. Their command menu follows when the bot runs.\n";
                return new AdminResult(0, "", told + (!on && context.Rules.CoverWording ? "Privacy:CoverWording is true, so every subject still reads cover wording.\n" : ""));
            },
            ct);
        if (result.ExitCode == 0)
        {
            context.AfterCoverChange?.Invoke();
        }

        return result;
    }

    // Why no single subject was found by alias (and --of).
    private static string SubjectNotFound(SubjectLookup lookup, string alias, string? of) => lookup.Outcome switch
    {
        SubjectLookupOutcome.NoSuchCoordinator => $"No coordinator is called '{of}'.",
        SubjectLookupOutcome.Ambiguous => $"{lookup.Count} subjects are called '{alias}': add --of with one of their coordinators' names.",
        _ => $"No subject is called '{alias}'" + (of is null ? "." : $" among {of}'s subjects."),
    };

    private static async Task<AdminResult> PeopleAsync(BotStore store, DateTimeOffset now, CancellationToken ct)
    {
        var (text, codes) = await store.RunAsync(
            db =>
            {
                var people = db.People.All().ToList();
                var byId = people.ToDictionary(p => p.Id);
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
                    }

                    if (person.UnreachableSince is { } since)
                    {
                        output.Append("\tUNREACHABLE since ").Append(since.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC (").Append(person.UnreachableReason).Append(')');
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

        static string At(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
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

    internal static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
