using System.CommandLine;
using DistressBot.Evidence;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot lawyer-key --out FILE`: makes a lawyer's X25519 private key file (owner-only) on the lawyer's machine and
/// prints the public key to send to the bot with /lawyerkey; needs no data directory, keyring or settings.
/// </summary>
public static class LawyerKeyCommand
{
    /// <summary>The `lawyer-key` command (runs only in the caller's own process; reads no settings, data or keyring).</summary>
    public static Command Build()
    {
        var output = CliArguments.PathOption("--out", "FILE", "a new private key file, kept on your machine (owner-only)", required: true);
        return new Command("lawyer-key", "on a lawyer's machine: a new private key file and the /lawyerkey line to send the bot, which then seals that lawyer's /export bundles to it; no settings needed") { output }
            .WithLocalAction((parse, _) => Task.FromResult(Run(new LawyerKeyOptions(parse.GetValue(output)!), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)));
    }

    /// <summary>Makes the key file: 0 made (the /lawyerkey line on <paramref name="output"/>), 1 the file exists already or cannot be made, 2 its folder is not there (nothing written either way).</summary>
    public static int Run(LawyerKeyOptions options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var target = options.Target;
        if (File.Exists(target) || Directory.Exists(target))
        {
            return OpenCommand.Refuse(error, new FileProblem($"{target} exists already; a key file is never overwritten. Nothing was written.", CommandLine.ExitRefused), "lawyer-key");
        }

        if (OpenCommand.MissingFolder(target) is { } missing)
        {
            return OpenCommand.Refuse(error, missing, "lawyer-key");
        }

        var privateKey = SealedBundle.NewPrivateKey();
        var publicKey = SealedBundle.PublicKeyOf(privateKey);
        if (!OpenCommand.TryWriteNew(target, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(privateKey) + "\n"), out var problem))
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

/// <summary>`distressbot lawyer-key`'s options.</summary>
/// <param name="Target">The new private key file.</param>
public sealed record LawyerKeyOptions(string Target);
