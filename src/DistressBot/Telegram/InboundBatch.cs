using DistressBot.Domain;
using DistressBot.Enrollment;
using Telegram.Bot.Types;

namespace DistressBot.Telegram;

/// <summary>One update as received: its id, its raw JSON and the parsed update (null when it did not parse).</summary>
/// <param name="Id">Telegram's update id.</param>
/// <param name="Json">The update exactly as received.</param>
/// <param name="Update">The parsed update, or null when malformed.</param>
public sealed record ReceivedUpdate(long Id, string Json, Update? Update);

/// <summary>
/// Takes one getUpdates batch inside one unit of work: what an enrolled person sent is stored to be handled on its own
/// (nothing they sent may be lost), everything else is handled at once and never stored.
/// </summary>
public static class InboundBatch
{
    /// <summary>Stores or handles each of <paramref name="updates"/>; returns what to do after the commit for those handled here.</summary>
    public static IReadOnlyList<HandledUpdate> Take(
        DataSession db, IReadOnlyList<ReceivedUpdate> updates, UpdateRouter router, StrangerLedger.Draft strangers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(router);
        var handled = new List<HandledUpdate>();
        foreach (var received in updates)
        {
            // A malformed update is kept too: the inbox sets it aside for the admin.
            if (received.Update is not { } update || IsFromEnrolled(db, update))
            {
                db.Inbox.Save(received.Id, received.Json);
            }
            else
            {
                handled.Add(router.Handle(db, update, now, strangers));
            }
        }

        return handled;
    }

    // Asked again for every update: a stranger who redeems a code early in a batch is enrolled for the rest of it.
    private static bool IsFromEnrolled(DataSession db, Update update)
    {
        var sender = update.Message?.From ?? update.EditedMessage?.From ?? update.CallbackQuery?.From;
        return sender is not null && db.People.FindByTelegramUser(sender.Id) is not null;
    }
}
