namespace DistressBot.Evidence;

/// <summary>The <c>kind</c> values a case log entry may have (docs/evidence.md, "Kinds"); readers must accept kinds they do not know.</summary>
public static class CaseLogKinds
{
    /// <summary>The case was opened: content says why (missed check-in and its deadline, SOS, missing report, drill, unreachable subject, duress); person is the subject.</summary>
    public const string Opened = "opened";

    /// <summary>Another alarm for the same subject joined the open case; content says which.</summary>
    public const string Joined = "joined";

    /// <summary>An alert was queued for the person; content is the reason (alarm, escalated, repeat, reopened).</summary>
    public const string AlertQueued = "alert_queued";

    /// <summary>Telegram accepted an alert: message_id and telegram_date are Telegram's answer, text the words sent.</summary>
    public const string AlertDelivered = "alert_delivered";

    /// <summary>Telegram refused an alert for good; content is Telegram's error.</summary>
    public const string AlertFailed = "alert_failed";

    /// <summary>The subject checked in while the case was open; telegram_date is the message's date.</summary>
    public const string CheckedIn = "checked_in";

    /// <summary>The case went to level 2 (backup coordinators and lawyers); content says why.</summary>
    public const string Escalated = "escalated";

    /// <summary>Recipients who had not acknowledged were told again.</summary>
    public const string Repeated = "repeated";

    /// <summary>The actor took responsibility for the case.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>The person who acknowledged was reminded to act.</summary>
    public const string AcknowledgedReminder = "acknowledged_reminder";

    /// <summary>The actor added a note; content is its text.</summary>
    public const string Note = "note";

    /// <summary>The subject shared a location; content is "latitude, longitude" (five decimals) and an OpenStreetMap link.</summary>
    public const string Location = "location";

    /// <summary>The actor resolved the case; content is the outcome and note.</summary>
    public const string Resolved = "resolved";

    /// <summary>The person cannot be reached on Telegram; content is Telegram's error.</summary>
    public const string RecipientUnreachable = "recipient_unreachable";

    /// <summary>The bot or its link to Telegram was down while the case ran; content gives the interval.</summary>
    public const string Outage = "outage";

    /// <summary>A queued message was not sent because the case was resolved first.</summary>
    public const string AlertDropped = "alert_dropped";

    /// <summary>An alert was due while another still waited for the person; the waiting one went instead.</summary>
    public const string AlertMerged = "alert_merged";

    /// <summary>The actor read the case (/case).</summary>
    public const string Read = "read";

    /// <summary>The actor exported the case's bundle (/export or the admin's export-case).</summary>
    public const string Exported = "exported";

    /// <summary>The actor asked for the case and was refused (not on the case); they were told there is no such case.</summary>
    public const string AccessRefused = "access_refused";

    /// <summary>The actor set a fact for the draft filings (/fact); content is "key: value".</summary>
    public const string Fact = "fact";

    /// <summary>The actor (or the admin, draft) made a draft filing; content is "kind language sha256=hex" of the .docx made.</summary>
    public const string Draft = "draft";
    /// <summary>The admin released the resolved case from legal hold; it is purged (its key destroyed) after the retention period.</summary>
    public const string Released = "released";

    /// <summary>The actor sent a file as evidence; content is "sha256=hex bytes=n type=mime name=file name", and the bundle holds the file as evidence/hex.</summary>
    public const string Evidence = "evidence";

    /// <summary>The admin removed the person named from the bot (distressbot revoke) while the case was open; content is null.</summary>
    public const string Revoked = "revoked";
}
