using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Enrollment;

/// <summary>
/// A stranger sends /start CODE at <c>now</c>: the code is checked within the guessing limits (see
/// <see cref="EnrollmentService.Redeem"/>), and a valid one enrols them and welcomes them at once (see <see cref="WelcomeNewPerson"/>:
/// the newcomer is greeted, a new subject's coordinators told). A refused code tells nobody anything here: the stranger gets
/// the neutral reply every stranger gets, and the admin sees failed codes in distressbot people.
/// </summary>
public static class RedeemInvite
{
    /// <summary>Redeems <paramref name="typedCode"/> for Telegram user <paramref name="userId"/> in chat <paramref name="chatId"/>; the enrolled person when <see cref="RedeemOutcome.Enrolled"/>.</summary>
    public static (RedeemOutcome Outcome, Person? Person) Run(
        DataSession db, string? typedCode, long userId, long chatId, Language language, DateTimeOffset now, BotRules rules, StrangerLedger.Draft senders)
    {
        var (outcome, person) = EnrollmentService.Redeem(db, typedCode, userId, chatId, language, now, rules, senders);
        if (outcome == RedeemOutcome.Enrolled && person is not null)
        {
            WelcomeNewPerson.Run(db, person, now);
        }

        return (outcome, person);
    }
}
