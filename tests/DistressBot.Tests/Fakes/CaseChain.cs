using DistressBot.Domain;

namespace DistressBot.Tests.Fakes;

/// <summary>The people of <see cref="DomainWorld.WithCaseChain"/>, as enrolled (use <see cref="DomainWorld.Fresh"/> for their stored state).</summary>
public sealed record CaseChain(Person Nina, Person Olga, Person Boris, Person Salek)
{
    /// <summary>11:30 UTC, 14:30 Moscow: when Salek's 14:00 deadline and its 30 minutes' grace have passed.</summary>
    public static readonly DateTimeOffset Opening = new(2026, 11, 2, 11, 30, 0, TimeSpan.Zero);
}
