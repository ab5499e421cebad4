using DistressBot.Crypto;

namespace DistressBot.Domain;

/// <summary>Store collection names and the purposes of lookup hashes, in one place.</summary>
public static class Collections
{
    /// <summary>Enrolled people.</summary>
    public const string People = "people";

    /// <summary>One-time enrollment codes.</summary>
    public const string Invites = "invites";

    /// <summary>Cases (each sealed under its own case key).</summary>
    public const string Cases = "cases";

    /// <summary>Messages waiting to be sent.</summary>
    public const string Outbox = "outbox";

    /// <summary>Telegram updates received but not yet handled.</summary>
    public const string Inbox = "inbox";

    /// <summary>Updates whose handling failed repeatedly, kept for the admin.</summary>
    public const string FailedUpdates = "failed_updates";

    /// <summary>Small named values (the Telegram offset).</summary>
    public const string Meta = "meta";

    /// <summary>Messages in subjects' chats still to be deleted.</summary>
    public const string Deletions = "deletions";

    /// <summary>Each subject's latest reminder, held until answered or replaced, by the subject's id (at most one each).</summary>
    public const string HeldDeletions = "deletions_held";

    /// <summary>Case log entries, "C-0042:00000017" (sealed under the case key).</summary>
    public const string CaseLog = "case_log";

    /// <summary>Where each case's log stands, by case number (sealed under the case key).</summary>
    public const string CaseLogHeads = "case_log_heads";

    /// <summary>Signed checkpoints of case logs, "C-0042:000003" (sealed under the case key).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Checkpoints still to be written to the witness directory, witness and timestamp authority.</summary>
    public const string CheckpointQueue = "checkpoint_queue";

    /// <summary>The bytes of queued documents, in parts "{outbox id}.{n}", each sealed like its outbox row.</summary>
    public const string OutboxFiles = "outbox_files";

    /// <summary>Evidence files kept with a case, in parts sealed under the case's key: id "C-0042:&lt;sha256 hex&gt;.0".</summary>
    public const string EvidenceFiles = "evidence_files";

    /// <summary>Evidence files waiting to be downloaded from Telegram (<see cref="PendingEvidence"/>), sealed under the case's key.</summary>
    public const string EvidenceIntake = "evidence_intake";

    /// <summary>Which case each delivered message was about (<see cref="CaseReply"/>), "C-0042.000000000017", sealed under the case's key.</summary>
    public const string CaseReplies = "case_replies";

    /// <summary>The sealed timer index: every subject's and open case's next look, in shards "s0000" … and a header "head" (<see cref="TimerIndexStore"/>).</summary>
    public const string TimerIndex = "timer_index";

    /// <summary>Every collection whose records are sealed whole in field <see cref="DataField"/>.</summary>

    public static IReadOnlyList<string> All { get; } = [People, Invites, Cases, Outbox, Inbox, FailedUpdates, Meta, Deletions, HeldDeletions, OutboxFiles, CaseLog, CaseLogHeads, Checkpoints, CheckpointQueue, EvidenceFiles, EvidenceIntake, CaseReplies, TimerIndex, .. CaseKeyStore.Collections];

    /// <summary>The field name every whole-record blob is bound to.</summary>
    public const string DataField = "data";

    /// <summary>Lookup purpose: a person by Telegram user id.</summary>
    public const string TelegramUserLookup = "telegram-user";

    /// <summary>Lookup purpose: an invite by its code.</summary>
    public const string InviteCodeLookup = "invite-code";

    /// <summary>Hash purpose: which timer index shard holds a person's or case's look.</summary>
    public const string TimerShardLookup = "timer-shard";

    /// <summary>Lookup purpose: a delivered case message by "chat:message id".</summary>
    public const string CaseReplyLookup = "case-reply";

    /// <summary>Lookup purpose: the queued messages about a case, by case number (not unique).</summary>
    public const string OutboxCaseLookup = "outbox-case";

    /// <summary>Lookup purpose: a queued deletion by "chat:message id".</summary>
    public const string DeletionLookup = "deletion";
}
