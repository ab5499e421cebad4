using System.CommandLine;
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

    /// <summary>The `keys` command and its sub-commands.</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var now = new Option<bool>("--now") { Description = "re-encrypt every older record at once, instead of in the background" };
        var rotate = new Command("rotate", "add a data key for all new writes; re-encrypt older records in the background (or at once with --now); resumable after a crash") { now }
            .WithAdminAction(side, parse => new KeysRotateOptions(parse.GetValue(now)), (options, context, ct) => RotateAsync(options.Now, context, ct));
        var status = new Command("status", "the current data key, how many records are still under older keys, and the log key")
            .WithAdminAction(side, _ => new KeysStatusOptions(), (_, context, ct) => StatusAsync(context, ct));
        var logKey = new Command("log-key", "print only the log's verifier key (it signs every case log), e.g. > log.vkey")
            .WithAdminAction(side, _ => new LogKeyOptions(), (_, context, _) => Task.FromResult(LogKey(context)));
        var newKeyFile = CliArguments.PathOption("--new-key-file", "PATH", "unlock the keyring with a new random key file made at PATH instead of a new passphrase", required: false);
        var changePassphrase = new Command("change-passphrase", "re-wrap the keyring under a new passphrase (asked twice, or DISTRESSBOT_NEW_PASSPHRASE) or a new random key file; the data is untouched") { newKeyFile }
            .WithAdminAction(
                side,
                parse => new ChangePassphraseOptions(parse.GetValue(newKeyFile) is { } path ? CliArguments.FullPath(path, side.WorkingDirectory) : null),
                (_, context, _) => Task.FromResult(ChangeSecret(context)));
        return new Command("keys", "the keyring: status, rotate, change-passphrase, log-key") { status, rotate, changePassphrase, logKey };
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

/// <summary>`distressbot keys rotate`'s options.</summary>
/// <param name="Now">Re-encrypt every older record before returning.</param>
public sealed record KeysRotateOptions(bool Now);

/// <summary>`distressbot keys status`'s options: none.</summary>
public sealed record KeysStatusOptions;

/// <summary>`distressbot keys log-key`'s options: none.</summary>
public sealed record LogKeyOptions;

/// <summary>`distressbot keys change-passphrase`'s options; the new secret itself is collected by the command line, never an argument.</summary>
/// <param name="NewKeyFile">The absolute path of the new key file to make, or null for a new passphrase.</param>
public sealed record ChangePassphraseOptions(string? NewKeyFile);
