using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Resilience;

/// <summary>What a stopped bot left on disk, read with the bot's own code: people, cases, outbox, and every record opened and verified.</summary>
internal sealed record DataSnapshot(
    IReadOnlyList<Person> People,
    IReadOnlyList<Case> Cases,
    IReadOnlyList<OutgoingMessage> Outbox,
    int InboxCount,
    long MessagesEverQueued,
    int RecordsVerified)
{
    /// <summary>
    /// Copies the data directory (so the next run of the bot recovers its own crash, untouched by this reader), opens the
    /// copy with <see cref="BotRuntime.OpenAsync"/> and the key file, opens every sealed record of every collection
    /// (a record that fails authentication throws), and reads the domain state.
    /// </summary>
    public static async Task<DataSnapshot> ReadCopyAsync(string dataDirectory, string keyringPath, string keyFile, string scratch)
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        OwnerOnly.CreateFolder(scratch); // the bot refuses a data directory others can open
        foreach (var file in Directory.GetFiles(dataDirectory))
        {
            // The admin socket of a killed bot is not a file that can be copied, and a lock is not data.
            if (file.EndsWith(".db", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = scratch,
            ["Crypto:KeyringPath"] = keyringPath,
            ["Crypto:KeyFile"] = keyFile,
        }).Build();
        var settings = BotSettings.Bind(configuration);
        using var secret = KeyEncryptionSecret.FromKeyFile(keyFile);
        await using var runtime = await BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, TimeProvider.System);

        var cipher = runtime.Keyring.Cipher;
        var (verified, everQueued) = await runtime.Records.ExecuteAsync(session =>
        {
            var count = 0;
            foreach (var collection in Collections.All)
            {
                foreach (var record in session.All(collection))
                {
                    // Throws RecordIntegrityException on a torn, stale or foreign blob: "the data file opens and verifies".
                    var plain = cipher.Open(record.Blob, new RecordAddress(collection, record.Id, Collections.DataField));
                    System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
                    count++;
                }
            }

            return (count, session.NextSequence("outbox") - 1); // a copy: taking one more number harms nothing
        });

        return await runtime.Store.RunAsync(db => new DataSnapshot(
            [.. db.People.All()],
            [.. db.Cases.All()],
            db.Outbox.All(),
            db.Inbox.All().Count,
            everQueued,
            verified));
    }

    /// <summary>The subjects, by Telegram user id.</summary>
    public IReadOnlyDictionary<long, Person> SubjectsByTelegramId =>
        People.Where(p => p.Role == Role.Subject).ToDictionary(p => p.TelegramUserId);
}
