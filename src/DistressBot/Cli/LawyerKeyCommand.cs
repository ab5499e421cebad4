using DistressBot.Evidence;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot lawyer-key --out FILE`: makes a lawyer's X25519 private key file (owner-only) on the lawyer's machine and
/// prints the public key to send to the bot with /lawyerkey; needs no data directory, keyring or settings.
/// </summary>
public static class LawyerKeyCommand
{
    /// <summary>The usage line printed with every argument error.</summary>
    public const string Usage = "Usage: distressbot lawyer-key --out FILE   (a new private key file, kept on your machine; the public key it prints goes to the bot as /lawyerkey KEY)";

    /// <summary>Makes the key file named by --out in <paramref name="args"/>: 0 made (the public key on <paramref name="output"/>), 1 the file cannot be made, 2 bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!OpenCommand.TryParse(args, ["--out"], out var extra, out var options, out var problem))
        {
            return OpenCommand.Refuse(error, problem, Usage);
        }

        if (extra is not null)
        {
            return OpenCommand.Refuse(error, $"'{extra}' is not an argument of lawyer-key.", Usage);
        }

        if (!options.TryGetValue("--out", out var target))
        {
            return OpenCommand.Refuse(error, "--out is needed: the file the private key goes to.", Usage);
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            return OpenCommand.Refuse(error, $"{target} exists already; a key file is never overwritten. Nothing was written.", Usage);
        }

        var privateKey = SealedBundle.NewPrivateKey();
        var publicKey = SealedBundle.PublicKeyOf(privateKey);
        if (!OpenCommand.TryWriteNew(target, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(privateKey) + "\n"), out problem))
        {
            error.WriteLine(problem);
            return CommandLine.ExitRefused;
        }

        error.WriteLine($"The private key is in {target} (only you can read it): keep it, and a copy somewhere safe; without it sealed bundles do not open.");
        error.WriteLine($"Send the bot this line (fingerprint {SealedBundle.Fingerprint(publicKey)}):");
        output.WriteLine($"/lawyerkey {Convert.ToBase64String(publicKey)}");
        return 0;
    }
}
