using DistressBot.Domain;
using DistressBot.Enrollment;
using Telegram.Bot.Types;

namespace DistressBot.Telegram;

/// <summary>One update as received: its id, its raw JSON and the parsed update (null when it did not parse).</summary>
/// <param name="Id">Telegram's update id.</param>
/// <param name="Json">The update exactly as received.</param>
/// <param name="Update">The parsed update, or null when malformed.</param>
public sealed record ReceivedUpdate(long Id, string Json, Update? Update)
{
    /// <summary>The Telegram user who sent it (message, edit or button press), or null (malformed, or no sender).</summary>
    public long? SenderId => (Update?.Message?.From ?? Update?.EditedMessage?.From ?? Update?.CallbackQuery?.From)?.Id;
}

/// <summary>What one unit of work took of a getUpdates batch: what to do after the commit, whether it stored any update in the inbox, and how many it took.</summary>
/// <param name="Handled">What to do after the commit for each update handled inline.</param>
/// <param name="Stored">True when at least one update was stored to be handled from the inbox.</param>
/// <param name="Taken">How many of the updates, from the first, this unit handled or stored; the rest are for the next unit.</param>
public sealed record TakenBatch(IReadOnlyList<HandledUpdate> Handled, bool Stored, int Taken);

/// <summary>What one unit of work did with stored updates: what to do after the commit, and how many of the first ones it took.</summary>
/// <param name="Handled">What to do after the commit for each update handled.</param>
/// <param name="Taken">How many of the updates, from the first, left the inbox in this unit (handled, or set aside as malformed).</param>
public sealed record TakenInbox(IReadOnlyList<HandledUpdate> Handled, int Taken);

/// <summary>How much one unit of work handles before the rest wait for the next: a count of updates and a time, from its start.</summary>
/// <remarks>
/// The store has one thread: while a unit handles updates, a batch of alarms (and the outbox's sends) waits behind it. A
/// check-in or a stranger's message costs about a millisecond; a PIN verification about 6 ms (Argon2id), so 100 updates
/// carrying PINs would hold the thread 0.6 s. Bounded by <see cref="MaxTime"/> (50 ms), checked before each update, a unit
/// holds the store for that plus the one update started last (6 ms for a PIN) plus its commit: an alarm batch queued
/// meanwhile waits well under 100 ms. Updates past the bound are not lost: the next unit takes them.
/// </remarks>
public sealed class HandlingBound(TimeProvider clock)
{
    /// <summary>Most updates handled in one unit of work (a getUpdates batch holds at most 100).</summary>
    public const int MaxUpdates = 100;

    /// <summary>Once this much time has gone into a unit of work's updates, no further one is started in it.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromMilliseconds(50);

    private readonly long _startedAt = clock.GetTimestamp();
    private int _counted;

    /// <summary>True while another update may be handled in this unit of work.</summary>
    public bool Allows => _counted < MaxUpdates && clock.GetElapsedTime(_startedAt) < MaxTime;

    /// <summary>Counts one update handled.</summary>
    public void Count() => _counted++;
}

/// <summary>
/// Takes a getUpdates batch in as few units of work as its <see cref="HandlingBound"/> allows (usually one): every update is
/// handled there, with the offset moved past it, so one commit (one fsync) serves many updates; an enrolled person's update
/// waits in the inbox instead while earlier ones may wait there. Strangers' updates are never stored.
/// </summary>
/// <remarks>
/// Nothing is acted on before it is stored: an update handled inline is durable, with its effects and replies, in the same
/// commit as the offset that confirms it, so a crash before the commit loses nothing (Telegram sends it again) and after it
/// nothing is done twice.
/// </remarks>
public static class InboundBatch
{
    /// <summary>
    /// Handles or stores <paramref name="updates"/> from the first until <paramref name="bound"/> is used (at least one); an
    /// enrolled person's is stored instead of handled when <paramref name="inboxHoldsEarlier"/> (order: the inbox's come first).
    /// </summary>
    public static TakenBatch Take(
        DataSession db,
        IReadOnlyList<ReceivedUpdate> updates,
        UpdateRouter router,
        StrangerLedger.Draft strangers,
        DateTimeOffset now,
        HandlingBound bound,
        bool inboxHoldsEarlier)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(bound);
        var handled = new List<HandledUpdate>();
        var stored = false;
        var taken = 0;
        while (taken < updates.Count && (taken == 0 || bound.Allows))
        {
            var received = updates[taken++];

            // A malformed update is kept too: the inbox sets it aside for the admin. Whether the sender is enrolled is asked
            // again for every update: a stranger who redeems a code early in a batch is enrolled for the rest of it.
            if (received.Update is not { } update || (inboxHoldsEarlier && IsFromEnrolled(db, update)))
            {
                db.Inbox.Save(received.Id, received.Json);
                stored = true;
                continue;
            }

            handled.Add(HandleOne(db, update, router, strangers, now));
            bound.Count();
        }

        return new TakenBatch(handled, stored, taken);
    }

    /// <summary>
    /// Handles stored updates from the first, in order, until <paramref name="bound"/> is used (at least one), each leaving the
    /// inbox in this unit of work; a malformed one is set aside. <paramref name="reached"/> is told the index of each before
    /// it is handled, so a caller whose unit failed knows which update it failed on.
    /// </summary>
    public static TakenInbox HandleStored(
        DataSession db,
        IReadOnlyList<ReceivedUpdate> pending,
        UpdateRouter router,
        StrangerLedger.Draft strangers,
        DateTimeOffset now,
        HandlingBound bound,
        Action<int>? reached = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(bound);
        var handled = new List<HandledUpdate>();
        var taken = 0;
        while (taken < pending.Count && (taken == 0 || bound.Allows))
        {
            var received = pending[taken];
            reached?.Invoke(taken);
            if (received.Update is { } update)
            {
                handled.Add(HandleOne(db, update, router, strangers, now));
                db.Inbox.Remove(received.Id);
            }
            else
            {
                db.Inbox.MoveToFailed(received.Id, received.Json, "malformed update", now, senderId: null);
            }

            bound.Count();
            taken++;
        }

        return new TakenInbox(handled, taken);
    }

    private static HandledUpdate HandleOne(DataSession db, Update update, UpdateRouter router, StrangerLedger.Draft strangers, DateTimeOffset now)
    {
        // Each update is its own message for the case log: the one handled before it in this unit must not lend it its date.
        db.Handling = null;
        return router.Handle(db, update, now, strangers);
    }

    private static bool IsFromEnrolled(DataSession db, Update update)
    {
        var sender = update.Message?.From ?? update.EditedMessage?.From ?? update.CallbackQuery?.From;
        return sender is not null && db.People.FindByTelegramUser(sender.Id) is not null;
    }
}
