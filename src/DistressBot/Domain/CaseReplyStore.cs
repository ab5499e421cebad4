using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>A message the bot delivered about a case: a file sent in reply to it in that chat is evidence for that case.</summary>
public sealed class CaseReply
{
    /// <summary>The case the message was about.</summary>
    public required string CaseId { get; init; }

    /// <summary>The person it was delivered to.</summary>
    public required string PersonId { get; init; }

    /// <summary>The chat it was delivered in.</summary>
    public required long ChatId { get; init; }

    /// <summary>Telegram's id of the delivered message in that chat.</summary>
    public required int MessageId { get; init; }
}

/// <summary>
/// Which case each delivered message was about, found by (chat, Telegram message id) through a keyed lookup, in one unit of
/// work (<c>case_replies</c>, "C-0042.000000000017", sealed under the case's key, so a purge shreds them). Only what the bot
/// itself recorded when it sent a message counts: the text of the message replied to is never read, so a forwarded or
/// edited text cannot redirect evidence.
/// </summary>
public sealed class CaseReplyStore
{
    private readonly IRecordSession _session;
    private readonly SealedCollection<CaseReply> _rows;

    internal CaseReplyStore(IRecordSession session, CryptoContext crypto)
    {
        _session = session;
        _rows = new SealedCollection<CaseReply>(session, crypto, Collections.CaseReplies, Collections.CaseReplyLookup);
    }

    /// <summary>Records that <paramref name="message"/>, delivered as Telegram message <paramref name="telegramId"/>, was about its case (<see cref="OutgoingMessage.CaseId"/>, else its content's <see cref="MessageContent.About"/>); nothing for a message about no case or to nobody enrolled.</summary>
    public void Delivered(OutgoingMessage message, int telegramId)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((message.CaseId ?? message.Content?.About) is not { } caseId || message.PersonId is not { } personId || message.EditMessageId is not null)
        {
            return;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{caseId}.{_session.NextSequence("case_reply"):D12}");
        _rows.Put(id, new CaseReply { CaseId = caseId, PersonId = personId, ChatId = message.ChatId, MessageId = telegramId }, Key(message.ChatId, telegramId), caseId);
    }

    /// <summary>The case message delivered as <paramref name="messageId"/> in <paramref name="chatId"/>, or null (none, or its case purged).</summary>
    public CaseReply? Find(long chatId, int messageId)
    {
        try
        {
            return _rows.FindByLookup(Key(chatId, messageId));
        }
        catch (RecordIntegrityException)
        {
            return null; // its case was purged: a reply to it finds nothing
        }
    }

    /// <summary>Deletes every record of case <paramref name="caseId"/> (its purge); how many there were.</summary>
    public int Delete(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var deleted = 0;
        foreach (var record in _rows.Records().Where(r => r.Id.StartsWith(caseId + ".", StringComparison.Ordinal)))
        {
            deleted += _rows.Delete(record.Id) ? 1 : 0;
        }

        return deleted;
    }

    private static string Key(long chatId, int messageId) => string.Create(CultureInfo.InvariantCulture, $"{chatId}:{messageId}");
}
