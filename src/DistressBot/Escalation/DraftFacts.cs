using System.Collections.Frozen;

namespace DistressBot.Escalation;

/// <summary>
/// The keys a lawyer or coordinator may set with /fact for the draft filings: the UN Working Group on Enforced or Involuntary
/// Disappearances' minimum (identity, date and place of the arrest or last contact, who is believed responsible, steps taken by
/// relatives and lawyers, the submitter), what a police report adds (a description) and what interim measures need (the state
/// that might hand the person over, the risk).
/// </summary>
public static class DraftFacts
{
    /// <summary>Full name, as the lawyer knows it.</summary>
    public const string FullName = "full_name";

    /// <summary>Date of birth.</summary>
    public const string DateOfBirth = "date_of_birth";

    /// <summary>Nationality.</summary>
    public const string Nationality = "nationality";

    /// <summary>Identity document: kind and number.</summary>
    public const string IdDocument = "id_document";

    /// <summary>Physical description and clothing.</summary>
    public const string Description = "description";

    /// <summary>Last known whereabouts.</summary>
    public const string LastKnownPlace = "last_known_place";

    /// <summary>Date, time and place of the arrest or last contact, as the lawyer knows it.</summary>
    public const string DeprivedAt = "deprived_at";

    /// <summary>Who is believed to have taken the person, or to be responsible.</summary>
    public const string DeprivedBy = "deprived_by";

    /// <summary>Steps the relatives have taken.</summary>
    public const string RelativesSteps = "relatives_steps";

    /// <summary>Steps the lawyers have taken.</summary>
    public const string LawyerSteps = "lawyer_steps";

    /// <summary>The state that might hand the person over (interim measures).</summary>
    public const string HostState = "host_state";

    /// <summary>What the person faces if handed over (interim measures).</summary>
    public const string Risk = "risk";

    /// <summary>Who files it: name and contacts.</summary>
    public const string Submitter = "submitter";

    /// <summary>A value is kept up to this many UTF-16 code units, cut on whole characters.</summary>
    public const int MaxValueLength = 1000;

    private static readonly FrozenSet<string> Known = new[]
    {
        FullName, DateOfBirth, Nationality, IdDocument, Description, LastKnownPlace, DeprivedAt, DeprivedBy, RelativesSteps,
        LawyerSteps, HostState, Risk, Submitter,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every key, in the order /fact lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        FullName, DateOfBirth, Nationality, IdDocument, Description, LastKnownPlace, DeprivedAt, DeprivedBy, RelativesSteps,
        LawyerSteps, HostState, Risk, Submitter,
    ];

    /// <summary>The key <paramref name="typed"/> names (any case of letters, "-" for "_"), or null when it names none.</summary>
    public static string? Find(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var key = typed.Trim().ToLowerInvariant().Replace('-', '_');
        return Known.Contains(key) ? key : null;
    }
}
