using System.CommandLine;
using DistressBot.Enrollment;

namespace DistressBot.Cli;

/// <summary>`distressbot assign`'s options: exactly one of <paramref name="Subject"/> and <paramref name="OfCoordinator"/>.</summary>
/// <param name="Kind">"coordinator", "backup" or "lawyer".</param>
/// <param name="Name">The helper's name.</param>
/// <param name="Subject">The subject's alias (for one subject).</param>
/// <param name="Of">A coordinator the subject already has, when several subjects share the alias.</param>
/// <param name="OfCoordinator">A coordinator all of whose subjects get the lawyer (lawyers only).</param>
public sealed record AssignOptions(string Kind, string Name, string? Subject, string? Of, string? OfCoordinator);

/// <summary>`distressbot assign coordinator|backup|lawyer NAME --subject ALIAS [--of NAME]` or `assign lawyer NAME --coordinator NAME`.</summary>
public static class AssignCommand
{
    /// <summary>The `assign` command.</summary>
    public static Command Build(IAdminSide side)
    {
        var kind = CliArguments.Choice(
            "KIND",
            "coordinator (another primary coordinator, level 1), backup (a backup coordinator, level 2) or lawyer (level 2)",
            typed => $"'{typed}' cannot be assigned: coordinator, backup or lawyer.",
            "coordinator",
            "backup",
            "lawyer");
        var name = new Argument<string>("NAME") { Description = "the helper's name, e.g. \"Olga\"" };
        var subject = CliArguments.Name("--subject", "the subject's alias, e.g. \"Salek\"", required: false);
        var of = CliArguments.Name("--of", "a coordinator the subject already has, when several subjects share the alias", required: false);
        var coordinator = CliArguments.Name("--coordinator", "assign lawyer only: for all of this coordinator's subjects, now and later", required: false);
        var command = new Command("assign", "give a subject another coordinator, a backup coordinator or a lawyer; or a lawyer for all of a coordinator's subjects") { kind, name, subject, of, coordinator };
        command.Validators.Add(result =>
        {
            var (forSubject, forCoordinator) = (result.GetResult(subject) is not null, result.GetResult(coordinator) is not null);
            if (forSubject == forCoordinator)
            {
                result.AddError("Give either --subject ALIAS (one subject) or --coordinator NAME (all of a coordinator's subjects; lawyers only).");
            }
            else if (forCoordinator && result.GetValue(kind) is not (null or "lawyer"))
            {
                result.AddError("--coordinator goes with 'assign lawyer' only.");
            }
            else if (forCoordinator && result.GetResult(of) is not null)
            {
                result.AddError("--of goes with --subject only.");
            }
        });
        return command.WithAdminAction(
            side,
            parse => new AssignOptions(parse.GetValue(kind)!, parse.GetValue(name)!, parse.GetValue(subject), parse.GetValue(of), parse.GetValue(coordinator)),
            ExecuteAsync);
    }

    /// <summary>Assigns the helper; exit 1 when a person named is not found.</summary>
    public static async Task<AdminResult> ExecuteAsync(AssignOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Runtime.Store;
        var (kind, name) = (options.Kind, options.Name);
        var role = kind == "lawyer" ? "lawyer" : "coordinator";
        if (options.OfCoordinator is { } ofCoordinator)
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

        var alias = options.Subject!;
        var assigned = await store.RunAsync(
            db => kind switch
            {
                "coordinator" => AssignCoordinator.Run(db, CoordinatorLevel.Primary, name, alias, options.Of),
                "backup" => AssignCoordinator.Run(db, CoordinatorLevel.Backup, name, alias, options.Of),
                _ => AssignLawyer.Run(db, name, alias, options.Of),
            },
            ct);
        return assigned switch
        {
            { Outcome: AssignOutcome.NoSuchHelper } => AdminResult.Fail($"No {role} is called '{name}'. 'distressbot people' lists them."),
            { Outcome: AssignOutcome.Added, Subject: { } subject, Helper: { } helper } => new AdminResult(0, "", $"'{subject.Name}' now has {kind} '{helper.Name}'.\n"),
            { Outcome: AssignOutcome.AlreadyAssigned, Subject: { } subject, Helper: { } helper } => new AdminResult(0, "", $"'{subject.Name}' already had {kind} '{helper.Name}'; nothing changed.\n"),
            { Lookup: { } lookup } => AdminResult.Fail(AdminCommands.SubjectNotFound(lookup, alias, options.Of)),
            _ => throw new InvalidOperationException("An assignment without its people: " + assigned.Outcome),
        };
    }
}
