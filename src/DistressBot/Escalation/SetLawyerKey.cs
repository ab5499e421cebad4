using DistressBot.Domain;
using DistressBot.Evidence;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>
/// A lawyer registers the X25519 public key their bundles are sealed to (/lawyerkey BASE64), or removes it (/lawyerkey off);
/// the answer names the key by its short fingerprint, which `distressbot lawyer-key` printed on their machine.
/// </summary>
public static class SetLawyerKey
{
    /// <summary>Sets, removes or (bare, or not a key) explains the lawyer's sealing key from <paramref name="argument"/>; replies to them.</summary>
    public static void Run(DataSession db, Person lawyer, string argument, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lawyer);
        ArgumentNullException.ThrowIfNull(argument);
        var word = argument.Trim();
        if (word.Length == 0)
        {
            Notify.Send(db, lawyer, MessagePriority.Reply, now, TextId.LawyerKeyUsage);
            return;
        }

        if (string.Equals(word, "off", StringComparison.OrdinalIgnoreCase))
        {
            var had = lawyer.SealingKey is not null;
            lawyer.SealingKey = null;
            db.People.Save(lawyer);
            Notify.Send(db, lawyer, MessagePriority.Reply, now, had ? TextId.LawyerKeyRemoved : TextId.LawyerKeyNone);
            return;
        }

        if (Base64.Decode(word) is not { } key || !SealedBundle.IsPublicKey(key))
        {
            Notify.Send(db, lawyer, MessagePriority.Reply, now, TextId.LawyerKeyInvalid);
            return;
        }

        lawyer.SealingKey = key;
        db.People.Save(lawyer);
        Notify.Send(db, lawyer, MessagePriority.Reply, now, TextId.LawyerKeySet, SealedBundle.Fingerprint(key));
    }
}
