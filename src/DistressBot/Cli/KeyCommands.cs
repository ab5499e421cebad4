using DistressBot.Crypto;
using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>`distressbot keys rotate | change-passphrase | status | log-key`, run by the process that owns the data.</summary>
public static class KeyCommands
{
    /// <summary>Secret name: a new passphrase collected by the command line.</summary>
    public const string NewPassphrase = "newPassphrase";

    /// <summary>Secret name: the path of a new key file the command line created.</summary>
    public const string NewKeyFile = "newKeyFile";

    private const string Usage = "Usage: distressbot keys rotate [--now] | keys change-passphrase [--new-key-file PATH] | keys status | keys log-key";

    /// <summary>Runs a keys sub-command.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count < 2)
        {
            return AdminResult.Usage(Usage);
        }

        // Nothing beyond what each sub-command takes: a misspelt option must not run the command without it.
        var allowed = args[1] switch { "rotate" => new[] { "--now" }, "status" or "log-key" => [], _ => null };
        if (allowed is not null && args.Skip(2).FirstOrDefault(a => !allowed.Contains(a)) is { } extra)
        {
            return AdminResult.Usage($"keys {args[1]} does not take '{extra}'. Nothing was changed.\n{Usage}");
        }

        return args[1] switch
        {
            "rotate" => await RotateAsync(args.Contains("--now"), context, ct),
            "change-passphrase" => ChangeSecret(context),
            "status" => await StatusAsync(context, ct),
            "log-key" => LogKey(context),
            _ => AdminResult.Usage(Usage),
        };
    }

    private static async Task<AdminResult> RotateAsync(bool now, AdminContext context, CancellationToken ct)
    {
        var runtime = context.Runtime;
        var keyId = runtime.Keyring.Rotate();
        var explanation = $"New data key {keyId}: every new write uses it; case keys are records and are re-sealed with the others.\n";
        if (now)
        {
            var count = await ReencryptionService.RunAllAsync(runtime, ReencryptionService.BatchSize, ct);
            explanation += $"Re-encrypted {count} records; none is left under an older key.\n";
        }
        else if (context.AfterRotation is { } wake)
        {
            wake();
            explanation += "The running bot re-encrypts the older records in the background ('distressbot keys status' shows progress).\n";
        }
        else
        {
            explanation += "Older records are re-encrypted when the bot next starts; add --now to do it at once.\n";
        }

        explanation += "Back up the keyring file again: it now holds the new key.\n";
        return new AdminResult(0, keyId + "\n", explanation);
    }

    private static AdminResult ChangeSecret(AdminContext context)
    {
        KeyEncryptionSecret secret;
        if (context.Secrets.TryGetValue(NewKeyFile, out var keyFile))
        {
            secret = KeyEncryptionSecret.FromKeyFile(keyFile);
        }
        else if (context.Secrets.TryGetValue(NewPassphrase, out var passphrase))
        {
            secret = KeyEncryptionSecret.FromPassphrase(passphrase, "new passphrase");
        }
        else
        {
            return AdminResult.Usage("No new passphrase or key file was given.");
        }

        using (secret)
        {
            context.Runtime.Keyring.ChangeSecret(secret);
        }

        return new AdminResult(0, "", "The keyring is now unlocked by the new " + (keyFile is null ? "passphrase" : "key file " + keyFile) +
            "; the data was not touched. Back up the keyring again and retire the old secret" +
            (keyFile is null ? "." : " (give the bot the new key file as Crypto:KeyFile or its systemd credential).") + "\n");
    }

    private static async Task<AdminResult> StatusAsync(AdminContext context, CancellationToken ct)
    {
        var runtime = context.Runtime;
        var cipher = runtime.Keyring.Cipher;
        var stale = await runtime.Records.ExecuteAsync(
            session => Domain.Collections.All.Sum(c => session.All(c).Count(r => !cipher.IsSealedWithCurrentKey(r.Blob))),
            ct);
        var output = $"current data key: {runtime.Keyring.CurrentKeyId}\nall data keys: {string.Join(", ", runtime.Keyring.KeyIds)}\nrecords under older keys: {stale}\n" +
            $"log key: {runtime.Keyring.LogSigner.VerifierKey}\nlog key created: {runtime.Keyring.LogKeyCreated?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC\n";
        return new AdminResult(0, output, "");
    }

    // Only the verifier key line on stdout, so `distressbot keys log-key > log.vkey` writes the file a lawyer pins.
    private static AdminResult LogKey(AdminContext context) => new(0, context.Runtime.Keyring.LogSigner.VerifierKey + "\n", "");
}
