using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot verify PATH [--key VKEY|FILE] [--witness-key VKEY|FILE] [--tsa-cert FILE] [--checkpoint FILE]... [--lang ru|en]`:
/// the offline check of a case bundle; needs no data directory, keyring or settings.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Most bytes of a --tsa-cert or --checkpoint file read: 64 KiB.</summary>
    public const int MaxFileBytes = 64 * 1024;

    private const string HelpPointer = "'distressbot verify --help' shows how to call it.";

    /// <summary>The `verify` command (runs only in the caller's own process; reads no settings, data or keyring).</summary>
    public static Command Build()
    {
        var path = CliArguments.Path("PATH", "a case bundle: its folder or its .zip");
        var key = new Option<string>("--key") { Description = "the log's verifier key you received earlier, as text or a file holding it", HelpName = "VKEY|FILE" };
        var witnessKey = new Option<string>("--witness-key") { Description = "the witness's key, as text or a file holding it", HelpName = "VKEY|FILE" };
        var tsaCert = new Option<string>("--tsa-cert") { Description = "the timestamp authority's certificate or its CA (PEM or DER)", HelpName = "FILE" };
        var checkpoints = new Option<string[]>("--checkpoint")
        {
            Description = "a checkpoint you kept (the file or the bot's message saved to a file); repeatable",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var language = CliArguments.Language("the verdict's language (default: Russian when LANG starts with ru, else English)");
        return new Command("verify", "check a case bundle offline, with its cosignatures and timestamp tokens; needs no settings, data or keyring; exit 0 verified, 1 a problem named") { path, key, witnessKey, tsaCert, checkpoints, language }
            .WithLocalAction((parse, _) => Task.FromResult(Run(
                new VerifyOptions(parse.GetValue(path)!, parse.GetValue(key), parse.GetValue(witnessKey), parse.GetValue(tsaCert), parse.GetValue(checkpoints) ?? [], parse.GetValue(language)),
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error,
                Environment.GetEnvironmentVariable)));
    }

    /// <summary>
    /// Checks the bundle and prints the verdict on <paramref name="output"/>: 0 verified; 1 a problem named (in the bundle, or in
    /// a file given that exists but is not what it should be); 2 a bad argument (a key text that is not a key, a file that is not there), said on <paramref name="error"/>.
    /// </summary>
    /// <param name="options">The bundle and what to pin.</param>
    /// <param name="output">Where the verdict goes.</param>
    /// <param name="error">Where argument and file problems go.</param>
    /// <param name="environment">Reads an environment variable (LANG picks Russian when it starts with "ru").</param>
    public static int Run(VerifyOptions options, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        var path = options.Path;
        var language = options.Language
            ?? (environment("LANG") is { } locale && locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? Language.Ru : Language.En);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            return Refuse(error, new FileProblem($"{path} names no folder or file.", CommandLine.ExitUsage));
        }

        NoteVerifier? pinned = null;
        if (options.Key is { } key && !TryReadKey("--key", key, NoteVerifier.Parse, out pinned, out var keyProblem))
        {
            return Refuse(error, keyProblem);
        }

        CosignatureVerifier? witness = null;
        if (options.WitnessKey is { } witnessKey && !TryReadKey("--witness-key", witnessKey, CosignatureVerifier.Parse, out witness, out var witnessProblem))
        {
            return Refuse(error, witnessProblem);
        }

        var keptCheckpoints = new List<KeptCheckpoint>();
        foreach (var file in options.Checkpoints)
        {
            if (!TryReadFile("--checkpoint", file, out var bytes, out var keptProblem))
            {
                return Refuse(error, keptProblem);
            }

            keptCheckpoints.Add(new KeptCheckpoint(file, bytes));
        }

        X509Certificate2? authority = null;
        if (options.TsaCert is { } certificate && !TryReadCertificate(certificate, out authority, out var certificateProblem))
        {
            return Refuse(error, certificateProblem);
        }

        using (authority)
        {
            var verdict = BundleVerifier.Verify(path, new BundleTrust(pinned, witness, authority, keptCheckpoints));
            output.Write(verdict.Describe(language));
            return verdict.Verified ? 0 : CommandLine.ExitRefused;
        }
    }

    // --key and --witness-key take the verifier key text itself or a file holding it (one line): text that is neither is a
    // bad argument (2); a file that is there but holds no key, or does not read, is refused (1).
    private static bool TryReadKey<T>(string option, string value, Func<string, T> parse, out T? key, out FileProblem problem)
        where T : class
    {
        key = null;
        problem = default;
        var text = value;
        var isFile = File.Exists(value);
        if (isFile)
        {
            try
            {
                if (new FileInfo(value).Length > BundleVerifier.MaxKeyBytes)
                {
                    problem = new($"{option} {value}: the file is larger than a verifier key ({BundleVerifier.MaxKeyBytes} bytes at most).", CommandLine.ExitRefused);
                    return false;
                }

                text = Encoding.UTF8.GetString(File.ReadAllBytes(value)).TrimStart('\uFEFF').TrimEnd('\n', '\r', ' '); // a BOM from a Windows editor is not part of the key
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = new($"{option} {value}: the file does not read ({ex.Message}).", CommandLine.ExitRefused);
                return false;
            }
        }

        try
        {
            key = parse(text);
            return true;
        }
        catch (FormatException ex)
        {
            problem = isFile
                ? new($"{option} {value}: the file holds no verifier key ({ex.Message})", CommandLine.ExitRefused)
                : new($"{option} {value}: neither a verifier key nor a file holding one ({ex.Message})", CommandLine.ExitUsage);
            return false;
        }
    }

    // --checkpoint and --tsa-cert name files of at most MaxFileBytes: one that is not there is a bad argument (2), one that
    // is too large or does not read is refused (1).
    private static bool TryReadFile(string option, string file, out byte[] bytes, out FileProblem problem)
    {
        bytes = [];
        problem = default;
        try
        {
            if (!File.Exists(file))
            {
                problem = new($"{option} {file}: there is no such file.", CommandLine.ExitUsage);
                return false;
            }

            if (new FileInfo(file).Length > MaxFileBytes)
            {
                problem = new($"{option} {file}: the file is larger than {MaxFileBytes} bytes, more than a {(option == "--checkpoint" ? "checkpoint" : "certificate")} needs.", CommandLine.ExitRefused);
                return false;
            }

            bytes = File.ReadAllBytes(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = new($"{option} {file}: the file does not read ({ex.Message}).", CommandLine.ExitRefused);
            return false;
        }
    }

    // --tsa-cert: a PEM certificate (the authority's own or its CA's); DER is read too. A file that is neither is refused (1).
    private static bool TryReadCertificate(string file, out X509Certificate2? certificate, out FileProblem problem)
    {
        certificate = null;
        if (!TryReadFile("--tsa-cert", file, out var bytes, out problem))
        {
            return false;
        }

        try
        {
            var text = Encoding.ASCII.GetString(bytes);
            certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(bytes);
            return true;
        }
        catch (CryptographicException ex)
        {
            problem = new($"--tsa-cert {file}: not a certificate in PEM (-----BEGIN CERTIFICATE-----) or DER ({ex.Message})", CommandLine.ExitRefused);
            return false;
        }
    }

    private static int Refuse(TextWriter error, FileProblem problem)
    {
        error.WriteLine(problem.Message);
        if (problem.ExitCode == CommandLine.ExitUsage)
        {
            error.WriteLine(HelpPointer);
        }

        return problem.ExitCode;
    }
}

/// <summary>What is wrong with an argument or a file it names, and the exit code that says which: 2 the argument, 1 the file's content.</summary>
/// <param name="Message">The problem, naming the option and the file.</param>
/// <param name="ExitCode"><see cref="CommandLine.ExitUsage"/> or <see cref="CommandLine.ExitRefused"/>.</param>
internal readonly record struct FileProblem(string Message, int ExitCode);

/// <summary>`distressbot verify`'s options.</summary>
/// <param name="Path">The bundle: a folder or a .zip.</param>
/// <param name="Key">The log's verifier key, as text or a file holding it.</param>
/// <param name="WitnessKey">The witness's key, as text or a file holding it.</param>
/// <param name="TsaCert">The timestamp authority's certificate file.</param>
/// <param name="Checkpoints">Checkpoint files the caller kept.</param>
/// <param name="Language">The verdict's language; null: from LANG.</param>
public sealed record VerifyOptions(string Path, string? Key, string? WitnessKey, string? TsaCert, IReadOnlyList<string> Checkpoints, Language? Language);
