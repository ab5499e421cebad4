using System.Globalization;
using System.Text.RegularExpressions;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.Resilience;

/// <summary>The crash test's invariants, each a function of what Telegram saw and what the bot left on disk; each returns the violations found.</summary>
internal static partial class CrashChecks
{
    /// <summary>A reply that tells the subject their check-in was recorded (on time, early, or without a schedule).</summary>
    public static bool IsConfirmation(string? text) =>
        text is not null && (text.StartsWith("Отметка принята", StringComparison.Ordinal) || text.StartsWith("Checked in", StringComparison.Ordinal));

    /// <summary>A missed-check-in alert (the alarm itself, not the later "checked in late" note).</summary>
    public static bool IsMissedAlert(string? text) =>
        text is not null && (text.Contains("не отметился", StringComparison.Ordinal) || text.Contains("missed a check-in", StringComparison.Ordinal));

    /// <summary>
    /// The check-ins the bot confirmed in the subject's chat so far, matched by order (the bot handles updates in order and
    /// answers each check-in once), leaving out <paramref name="resends"/>.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Confirmations(FakeBotApiServer telegram, SubjectScript subject, IReadOnlySet<(long Chat, int MessageId)> resends) =>
        [.. subject.Checkins.Take(Answers(telegram, subject, resends))];

    /// <summary>How many check-in answers the subject got, leaving out <paramref name="resends"/>.</summary>
    public static int Answers(FakeBotApiServer telegram, SubjectScript subject, IReadOnlySet<(long Chat, int MessageId)> resends) =>
        telegram.Transcript(subject.User.Id).Count(e => e.Direction == Direction.FromBot && IsConfirmation(e.Text) && !resends.Contains((e.ChatId, e.MessageId)));

    /// <summary>
    /// The message a killed run was sending when it died, if the bot will send it again: the last message Telegram accepted
    /// from that run, when the outbox that the run left still holds a row for it (Telegram accepted it, the row was not deleted).
    /// </summary>
    /// <remarks>Sends are one at a time, so only a run's last message can be caught between the send and the delete.</remarks>
    public static (long Chat, int MessageId)? CaughtInFlight(DataSnapshot data, FakeBotApiServer telegram, IEnumerable<long> chats, BotProcess run) =>
        CaughtInFlight(data, chats.SelectMany(telegram.Transcript).Where(e => e.Direction == Direction.FromBot && e.SentAt >= run.StartedAt));

    /// <summary>As above, given the messages Telegram accepted from the killed run.</summary>
    public static (long Chat, int MessageId)? CaughtInFlight(DataSnapshot data, IEnumerable<FakeChatEntry> sentByRun)
    {
        var last = sentByRun.MaxBy(e => e.Sequence);
        return last is not null && data.Outbox.Any(row => IsRowOf(data, row, last))
            ? (last.ChatId, last.MessageId)
            : null;
    }

    // Whether outbox row `row` is the one Telegram accepted as `sent`. A row of texts is worded as the dispatcher words it; an
    // earlier version's row has its words; an alert is worded
    // when it is sent (its row holds none), so it is known by its chat and case, and by the case not recording `sent` as delivered
    // (the dispatcher records an alert in the commit that deletes its row, so a recorded one was not caught in flight).
    private static bool IsRowOf(DataSnapshot data, OutgoingMessage row, FakeChatEntry sent)
    {
        if (row.ChatId != sent.ChatId || row.QueuedAt > sent.SentAt || row.EditMessageId is not null)
        {
            return false;
        }

        if (row.Content is { Kind: MessageKind.Texts } content)
        {
            // Worded when sent, for the reader as stored (a stranger reads the language chosen when queued, else the default).
            var readers = data.People.FirstOrDefault(p => p.Id == row.PersonId) is { } person
                ? [Reader.Of(person)]
                : Enum.GetValues<Language>().Select(l => new Reader(content.Language ?? l, "UTC"));
            return readers.Any(reader => OutgoingMessage.Fit(Wording.Render(content, reader)) == sent.Text);
        }

        if (row.Content is not { Kind: MessageKind.CaseAlert })
        {
            return row.Text == sent.Text;
        }

        var @case = data.Cases.FirstOrDefault(c => c.Id == row.CaseId);
        var delivery = "telegram message " + sent.MessageId.ToString(CultureInfo.InvariantCulture);
        return @case is not null
            && CaseIdIn(sent.Text ?? "") == @case.Id
            && !@case.Timeline.Any(e => e.Kind == CaseEntryKind.AlertDelivered && e.PersonId == row.PersonId && e.Detail == delivery);
    }

    /// <summary>The second copies of messages <see cref="CaughtInFlight(DataSnapshot, IEnumerable{FakeChatEntry})"/>: the first later message in the chat with the same text.</summary>
    /// <remarks>
    /// When another queued row had the very same text, its message is taken for the resend: so this may count more resends than
    /// there were (harmless where it only narrows what counts as confirmed), never fewer.
    /// </remarks>
    public static IReadOnlySet<(long Chat, int MessageId)> Resends(FakeBotApiServer telegram, IEnumerable<(long Chat, int MessageId)> caughtInFlight)
    {
        var resends = new HashSet<(long, int)>();
        foreach (var (chat, messageId) in caughtInFlight.Distinct())
        {
            var transcript = telegram.Transcript(chat).Where(e => e.Direction == Direction.FromBot).ToList();
            var first = transcript.FindIndex(e => e.MessageId == messageId);
            var again = transcript.Skip(first + 1).FirstOrDefault(e => e.Text == transcript[first].Text && !resends.Contains((chat, e.MessageId)));
            if (again is not null)
            {
                resends.Add((chat, again.MessageId));
            }
        }

        return resends;
    }

    /// <summary>Every confirmed check-in is in the stored state: its date is at most the subject's stored last check-in.</summary>
    public static IEnumerable<string> ConfirmedCheckinsStored(DataSnapshot data, FakeBotApiServer telegram, IEnumerable<SubjectScript> subjects, IReadOnlySet<(long Chat, int MessageId)> resends)
    {
        var stored = data.SubjectsByTelegramId;
        foreach (var subject in subjects)
        {
            var confirmed = Confirmations(telegram, subject, resends);
            if (confirmed.Count == 0)
            {
                continue;
            }

            var last = stored.GetValueOrDefault(subject.User.Id)?.Checkin?.LastCheckinAt;
            var latest = confirmed.Max();
            if (last is null || last < latest)
            {
                yield return $"{subject.Alias}: check-in of {Iso(latest)} was confirmed, but the stored last check-in is {(last is null ? "none" : Iso(last.Value))}";
            }
        }
    }

    /// <summary>
    /// No alert is lost at a crash: for every case and recipient, each queued alert is either recorded as delivered or still in the
    /// outbox; each recorded copy is a message Telegram holds; each alert a coordinator saw belongs to a stored case; a missed
    /// subject's case holds the alarm for the deadline they missed.
    /// </summary>
    public static IEnumerable<string> AlertsAccountedFor(DataSnapshot data, FakeBotApiServer telegram)
    {
        foreach (var @case in data.Cases)
        {
            var recipients = @case.Timeline.Where(e => e.Kind == CaseEntryKind.AlertQueued).Select(e => e.PersonId!).Distinct();
            foreach (var personId in recipients)
            {
                var queued = @case.Timeline.Count(e => e.Kind == CaseEntryKind.AlertQueued && e.PersonId == personId);
                var copies = @case.Copies.Count(c => c.PersonId == personId);
                var pending = data.Outbox.Count(m => m.CaseId == @case.Id && m.PersonId == personId && m.TrackCopy);
                var dropped = @case.Timeline.Count(e => e.Kind == CaseEntryKind.AlertDropped && e.PersonId == personId && e.Detail is not null); // alerts a resolution made moot
                if (queued != copies + pending + dropped)
                {
                    yield return $"{@case.Id} → {personId}: {queued} alerts queued, but {copies} recorded as delivered and {pending} still in the outbox";
                }
            }

            foreach (var copy in @case.Copies)
            {
                var seen = telegram.Transcript(copy.ChatId).Any(e => e.Direction == Direction.FromBot && e.MessageId == copy.MessageId && e.Text?.Contains(@case.Id, StringComparison.Ordinal) == true);
                if (!seen)
                {
                    yield return $"{@case.Id} → {copy.PersonId}: recorded as delivered as message {copy.MessageId}, which Telegram does not hold";
                }
            }
        }

        var caseIds = data.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var coordinator in data.People.Where(p => p.Role == Role.Coordinator))
        {
            foreach (var alert in telegram.Transcript(coordinator.ChatId).Where(e => e.Direction == Direction.FromBot && IsMissedAlert(e.Text)))
            {
                var id = CaseIdIn(alert.Text!);
                if (id is null || !caseIds.Contains(id))
                {
                    yield return $"{coordinator.Name} was alerted about {id ?? "a case without a number"}, which is not stored";
                }
            }
        }

        foreach (var subject in data.People.Where(p => p.Checkin is { Missed: true }))
        {
            var state = subject.Checkin!;
            var @case = state.OpenCaseId is { } open ? data.Cases.FirstOrDefault(c => c.Id == open) : null;
            if (@case is null || state.MissedDeadline is not { } missed || !AlarmDeadlines(@case).Contains(missed))
            {
                yield return $"{subject.Name} is stored as missed ({(state.MissedDeadline is { } d ? Iso(d) : "no deadline")}) without a case holding that alarm";
            }
        }

        foreach (var orphan in data.People.Where(p => p.Role == Role.Subject && p.CoordinatorIds.Count == 0))
        {
            yield return $"{orphan.Name} lost their coordinators";
        }
    }

    /// <summary>
    /// Messages about cases (alerts and the notes that follow them) that Telegram holds but no case records as delivered:
    /// exact duplicates, since the dispatcher records every accepted case message's id in the case, in the commit that deletes its row.
    /// </summary>
    public static IReadOnlyList<FakeChatEntry> UnrecordedCaseMessages(DataSnapshot data, FakeBotApiServer telegram)
    {
        var people = data.People.ToDictionary(p => p.Id);
        var recorded = new HashSet<(long Chat, int MessageId)>();
        foreach (var @case in data.Cases)
        {
            foreach (var entry in @case.Timeline.Where(e => e.Kind == CaseEntryKind.AlertDelivered && e.PersonId is not null))
            {
                var messageId = int.Parse(entry.Detail!["telegram message ".Length..], CultureInfo.InvariantCulture);
                recorded.Add((people[entry.PersonId!].ChatId, messageId));
            }
        }

        return [.. data.People.Where(p => p.Role == Role.Coordinator)
            .SelectMany(p => telegram.Transcript(p.ChatId))
            .Where(e => e.Direction == Direction.FromBot && CaseIdIn(e.Text ?? "") is not null && !recorded.Contains((e.ChatId, e.MessageId)))];
    }

    /// <summary>The deadlines of the missed-check-in alarms a case holds (the one that opened it and every one that joined it).</summary>
    public static IReadOnlyList<DateTimeOffset> AlarmDeadlines(Case @case)
    {
        const string Marker = "MissedCheckin: deadline ";
        return [.. @case.Timeline
            .Where(e => e.Kind is CaseEntryKind.Opened or CaseEntryKind.Joined && e.Detail?.StartsWith(Marker, StringComparison.Ordinal) == true)
            .Select(e => DateTimeOffset.Parse(e.Detail![Marker.Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))];
    }

    /// <summary>The case number in a message, "C-0042", or null.</summary>
    public static string? CaseIdIn(string text) => CaseNumber().Match(text) is { Success: true } m ? m.Value : null;

    public static string Iso(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"C-\d{4,}")]
    private static partial Regex CaseNumber();
}
