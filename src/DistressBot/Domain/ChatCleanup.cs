namespace DistressBot.Domain;

/// <summary>What is due for deletion in one pass: the deletions to send now, how many were given up, and when the next one falls due.</summary>
/// <param name="Due">Deletions whose instant has come, oldest first.</param>
/// <param name="GivenUp">Deletions dropped because Telegram no longer allows them (older than <see cref="ChatCleaning.DeletableFor"/>).</param>
/// <param name="NextAt">The earliest instant a queued deletion falls due (domain time); null when none waits.</param>
/// <param name="HeldNextAt">When the held reminders were read: the earliest instant one of them must go at the latest; null when none is held or they were not read.</param>
public sealed record DueDeletions(IReadOnlyList<PendingDeletion> Due, int GivenUp, DateTimeOffset? NextAt, DateTimeOffset? HeldNextAt = null);

/// <summary>One deleteMessages call: up to <see cref="ChatCleanup.BatchLimit"/> messages of one chat.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Deletions">The queued deletions it carries.</param>
public sealed record DeletionBatch(long ChatId, IReadOnlyList<PendingDeletion> Deletions);

/// <summary>Keeps subjects' chats clean: which messages are deleted when, the latest reminder held until answered or replaced.</summary>
public static class ChatCleanup
{
    /// <summary>Telegram's deleteMessages takes at most this many ids.</summary>
    public const int BatchLimit = 100;

    /// <summary>A message <paramref name="sender"/> sent (Telegram's date <paramref name="sentAt"/>) was handled: a subject's is deleted at once when the settings say so.</summary>
    public static void SubjectMessage(DataSession db, Person sender, long chatId, int messageId, DateTimeOffset sentAt, DateTimeOffset now, ChatCleaning rules, bool carriesPin = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(rules);
        // A message that carries a PIN goes at once whatever the settings say: the phone may be read later by someone else.
        if (sender.Role == Role.Subject && (rules.DeleteSubjectMessages || carriesPin))
        {
            db.Deletions.Now(chatId, messageId, sentAt, now);
        }

        if (sender.Role == Role.Subject)
        {
            Answered(db, sender, now, rules);
        }
    }

    /// <summary>
    /// Releases <paramref name="subject"/>'s held reminder when they checked in since it was sent (as stored in this unit of
    /// work): it goes the settings' delay after it was sent, not at the next look at every held reminder.
    /// </summary>
    public static void Answered(DataSession db, Person subject, DateTimeOffset now, ChatCleaning rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        if (subject.Checkin?.LastCheckinAt is { } checkedIn && db.Deletions.HeldFor(subject.Id) is { } held && checkedIn >= held.SentAt)
        {
            Release(db, held, now, rules.DeleteBotMessagesAfter ?? TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The bot's message of <paramref name="priority"/> reached <paramref name="recipient"/> as <paramref name="messageId"/> (Telegram's date
    /// <paramref name="sentAt"/>): to a subject it is deleted after the settings' delay, except a reminder, which is held while it is
    /// the latest (and releases the one it replaces).
    /// </summary>
    public static void Delivered(DataSession db, Person recipient, MessagePriority priority, long chatId, int messageId, DateTimeOffset sentAt, DateTimeOffset now, ChatCleaning rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(rules);
        if (recipient.Role != Role.Subject || rules.DeleteBotMessagesAfter is not { } delay)
        {
            return;
        }

        if (priority != MessagePriority.Reminder)
        {
            db.Deletions.After(chatId, messageId, sentAt, sentAt + delay);
            return;
        }

        if (db.Deletions.HeldFor(recipient.Id) is { } replaced)
        {
            Release(db, replaced, now, delay);
        }

        // Already answered: the check-in committed while Telegram was taking the reminder. Held, it would stay on the phone
        // until the next reminder or the next look at every held one (a day), since no check-in is coming to release it.
        if (recipient.Checkin?.LastCheckinAt is { } checkedIn && checkedIn >= sentAt)
        {
            db.Deletions.After(chatId, messageId, sentAt, Later(sentAt + delay, now));
            return;
        }

        db.Deletions.Hold(chatId, messageId, sentAt, recipient.Id);
    }

    /// <summary>
    /// The deletions due at <paramref name="now"/>; drops, and counts, what Telegram no longer allows. With
    /// <paramref name="held"/> (the look at every held reminder, when one of them must go and at least daily: it reads each held
    /// reminder and its subject), it first releases
    /// held reminders that were answered (a check-in since), whose subject is gone, or that would soon outlive Telegram's
    /// window; <see cref="DueDeletions.NextAt"/> then includes when a held one must go at the latest.
    /// </summary>
    public static DueDeletions Due(DataSession db, DateTimeOffset now, ChatCleaning rules, bool held = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var delay = rules.DeleteBotMessagesAfter ?? TimeSpan.Zero;
        DateTimeOffset? next = null;
        DateTimeOffset? heldNext = null;
        if (held)
        {
            foreach (var reminder in db.Deletions.Held())
            {
                var subject = db.People.Find(reminder.HeldFor!);
                var answered = subject?.Checkin?.LastCheckinAt is { } checkedIn && checkedIn >= reminder.SentAt;
                if (subject is null || answered || now >= reminder.SentAt + ChatCleaning.HeldAtMost)
                {
                    Release(db, reminder, now, delay);
                }
                else
                {
                    heldNext = Earliest(heldNext, reminder.SentAt + ChatCleaning.HeldAtMost);
                }
            }
        }

        var due = new List<PendingDeletion>();
        var givenUp = 0;
        foreach (var deletion in db.Deletions.All())
        {
            if (now - deletion.SentAt >= ChatCleaning.DeletableFor)
            {
                db.Deletions.Remove(deletion.Id);
                givenUp++;
                continue;
            }

            if (deletion.HeldFor is { } subjectId)
            {
                // Held by a version that kept held reminders among the queued ones: held in their own place from now on,
                // unless a later reminder of the subject's is held already.
                db.Deletions.Remove(deletion.Id);
                if (db.Deletions.HeldFor(subjectId) is null)
                {
                    db.Deletions.Hold(deletion.ChatId, deletion.MessageId, deletion.SentAt, subjectId);
                    next = Earliest(next, now);
                }
                else
                {
                    db.Deletions.After(deletion.ChatId, deletion.MessageId, deletion.SentAt, Later(deletion.SentAt + delay, now));
                    next = Earliest(next, now);
                }

                continue;
            }

            if (deletion.NotBefore <= now)
            {
                due.Add(deletion);
            }
            else
            {
                next = Earliest(next, deletion.NotBefore);
            }
        }

        return new DueDeletions(due, givenUp, Earliest(next, heldNext), heldNext);
    }

    /// <summary>
    /// <paramref name="due"/> as deleteMessages calls: per chat in the order of its oldest deletion, at most <see cref="BatchLimit"/>
    /// messages each; a deletion Telegram refused in a batch goes alone.
    /// </summary>
    public static IReadOnlyList<DeletionBatch> Batches(IEnumerable<PendingDeletion> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var batches = new List<DeletionBatch>();
        foreach (var chat in due.OrderBy(d => d.Id, StringComparer.Ordinal).GroupBy(d => d.ChatId))
        {
            batches.AddRange(chat.Where(d => d.Alone).Select(d => new DeletionBatch(chat.Key, [d])));
            batches.AddRange(chat.Where(d => !d.Alone).Chunk(BatchLimit).Select(c => new DeletionBatch(chat.Key, c)));
        }

        return batches;
    }

    // A released message goes once the settings' delay after it was sent has passed, and not before now.
    private static void Release(DataSession db, PendingDeletion held, DateTimeOffset now, TimeSpan delay) =>
        db.Deletions.Release(held, Later(held.SentAt + delay, now));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
