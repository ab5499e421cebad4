namespace DistressBot.Domain;

/// <summary>What is due for deletion in one pass: the deletions to send now, how many were given up, and when the next one falls due.</summary>
/// <param name="Due">Deletions whose instant has come, oldest first.</param>
/// <param name="GivenUp">Deletions dropped because Telegram no longer allows them (older than <see cref="ChatCleaning.DeletableFor"/>).</param>
/// <param name="NextAt">The earliest instant a queued deletion falls due (domain time); null when none waits.</param>
public sealed record DueDeletions(IReadOnlyList<PendingDeletion> Due, int GivenUp, DateTimeOffset? NextAt);

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

        foreach (var replaced in db.Deletions.All().Where(d => d.HeldFor is not null && d.ChatId == chatId))
        {
            Release(db, replaced, now, delay);
        }

        db.Deletions.Hold(chatId, messageId, sentAt, recipient.Id);
    }

    /// <summary>
    /// The deletions due at <paramref name="now"/>. Releases held reminders that were answered (a check-in since), whose subject
    /// is gone, or that would soon outlive Telegram's window; drops, and counts, what Telegram no longer allows.
    /// </summary>
    public static DueDeletions Due(DataSession db, DateTimeOffset now, ChatCleaning rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var delay = rules.DeleteBotMessagesAfter ?? TimeSpan.Zero;
        var due = new List<PendingDeletion>();
        var givenUp = 0;
        DateTimeOffset? next = null;
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
                var subject = db.People.Find(subjectId);
                var answered = subject?.Checkin?.LastCheckinAt is { } checkedIn && checkedIn >= deletion.SentAt;
                if (subject is null || answered || now >= deletion.SentAt + ChatCleaning.HeldAtMost)
                {
                    Release(db, deletion, now, delay);
                }
                else
                {
                    next = Earliest(next, deletion.SentAt + ChatCleaning.HeldAtMost);
                    continue;
                }
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

        return new DueDeletions(due, givenUp, next);
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
    private static void Release(DataSession db, PendingDeletion deletion, DateTimeOffset now, TimeSpan delay)
    {
        var at = deletion.SentAt + delay;
        deletion.NotBefore = at > now ? at : now;
        deletion.HeldFor = null;
        db.Deletions.Update(deletion);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
