namespace DistressBot.Domain;

/// <summary>A one-time enrollment code's record; found by a keyed hash of the code, the code itself is never stored.</summary>
public sealed class Invite
{
    /// <summary>Store id ("i5").</summary>
    public required string Id { get; init; }

    /// <summary>The role the code enrols into.</summary>
    public required Role Role { get; init; }

    /// <summary>Name (coordinator, lawyer) or alias (subject).</summary>
    public required string Name { get; init; }

    /// <summary>For a subject: the inviting coordinator's id.</summary>
    public string? CoordinatorId { get; init; }

    /// <summary>When the code was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this instant the code is refused.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was used: set only in records kept by versions before invites were deleted on use; such a code is refused, and the record removed by the next invite made.</summary>
    public DateTimeOffset? UsedAt { get; init; }
}
