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
    /// <summary>The usage line printed with every argument error.</summary>
    public const string Usage = "Usage: distressbot verify PATH [--key VKEY|FILE] [--witness-key VKEY|FILE] [--tsa-cert FILE] [--checkpoint FILE]... [--lang ru|en]"
        + "   (PATH a bundle folder or .zip; --key the log's verifier key you received earlier, --witness-key the witness's key, as text or a file;"
        + " --tsa-cert the timestamp authority's certificate or its CA, PEM; --checkpoint a checkpoint you kept, repeatable)";

    /// <summary>Most bytes of a --tsa-cert or --checkpoint file read: 64 KiB.</summary>
    public const int MaxFileBytes = 64 * 1024;

    private static readonly string[] SingleOptions = ["--key", "--witness-key", "--tsa-cert", "--lang"];

    /// <summary>
    /// Checks the bundle named by <paramref name="args"/> (the words after "verify") and prints the verdict on
    /// <paramref name="output"/>: 0 verified, 1 a problem named, 2 bad arguments (said on <paramref name="error"/>).
    /// </summary>
    /// <param name="args">PATH and options, in any order.</param>
    /// <param name="output">Where the verdict goes.</param>
    /// <param name="error">Where argument errors go.</param>
    /// <param name="environment">Reads an environment variable (LANG picks Russian when it starts with "ru").</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        string? path = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (SingleOptions.Contains(arg, StringComparer.Ordinal) || arg == "--checkpoint")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    return Refuse(error, $"{arg} needs a value.");
                }

                if (arg == "--checkpoint")
                {
                    kept.Add(args[++i]);
                }
                else if (!options.TryAdd(arg, args[++i]))
                {
                    return Refuse(error, $"{arg} is given twice.");
                }
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                return Refuse(error, $"Unknown option '{arg}'.");
            }
            else if (path is not null)
            {
                return Refuse(error, $"One bundle at a time: '{arg}' is one argument too many.");
            }
            else
            {
                path = arg;
            }
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return Refuse(error, "Name the bundle to check.");
        }

        Language language;
        var lang = options.GetValueOrDefault("--lang");
        if (lang is null)
        {
            language = environment("LANG") is { } locale && locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? Language.Ru : Language.En;
        }
        else if (!LanguagePicker.TryParse(lang, out language))
        {
            return Refuse(error, $"--lang takes ru or en, not '{lang}'.");
        }

        if (!Directory.Exists(path) && !File.Exists(path))
        {
            return Refuse(error, $"{path} names no folder or file.");
        }

        NoteVerifier? pinned = null;
        if (options.GetValueOrDefault("--key") is { } key && !TryReadKey("--key", key, NoteVerifier.Parse, out pinned, out var keyProblem))
        {
            return Refuse(error, keyProblem);
        }

        CosignatureVerifier? witness = null;
        if (options.GetValueOrDefault("--witness-key") is { } witnessKey && !TryReadKey("--witness-key", witnessKey, CosignatureVerifier.Parse, out witness, out var witnessProblem))
        {
            return Refuse(error, witnessProblem);
        }

        var keptCheckpoints = new List<KeptCheckpoint>();
        foreach (var file in kept)
        {
            if (!TryReadFile("--checkpoint", file, out var bytes, out var keptProblem))
            {
                return Refuse(error, keptProblem);
            }

            keptCheckpoints.Add(new KeptCheckpoint(file, bytes));
        }

        X509Certificate2? authority = null;
        if (options.GetValueOrDefault("--tsa-cert") is { } certificate && !TryReadCertificate(certificate, out authority, out var certificateProblem))
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

    // --key and --witness-key take the verifier key text itself or a file holding it (one line).
    private static bool TryReadKey<T>(string option, string value, Func<string, T> parse, out T? key, out string problem)
        where T : class
    {
        key = null;
        problem = "";
        var text = value;
        if (File.Exists(value))
        {
            try
            {
                if (new FileInfo(value).Length > BundleVerifier.MaxKeyBytes)
                {
                    problem = $"{option} {value}: the file is larger than a verifier key ({BundleVerifier.MaxKeyBytes} bytes at most).";
                    return false;
                }

                text = Encoding.UTF8.GetString(File.ReadAllBytes(value)).TrimStart('\uFEFF').TrimEnd('\n', '\r', ' '); // a BOM from a Windows editor is not part of the key
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = $"{option} {value}: the file does not read ({ex.Message}).";
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
            problem = $"{option} {value}: neither a verifier key nor a file holding one ({ex.Message})";
            return false;
        }
    }

    // --checkpoint and --tsa-cert name files of at most MaxFileBytes.
    private static bool TryReadFile(string option, string file, out byte[] bytes, out string problem)
    {
        bytes = [];
        problem = "";
        try
        {
            if (!File.Exists(file))
            {
                problem = $"{option} {file}: there is no such file.";
                return false;
            }

            if (new FileInfo(file).Length > MaxFileBytes)
            {
                problem = $"{option} {file}: the file is larger than {MaxFileBytes} bytes, more than a {(option == "--checkpoint" ? "checkpoint" : "certificate")} needs.";
                return false;
            }

            bytes = File.ReadAllBytes(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{option} {file}: the file does not read ({ex.Message}).";
            return false;
        }
    }

    // --tsa-cert: a PEM certificate (the authority's own or its CA's); DER is read too.
    private static bool TryReadCertificate(string file, out X509Certificate2? certificate, out string problem)
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
            problem = $"--tsa-cert {file}: not a certificate in PEM (-----BEGIN CERTIFICATE-----) or DER ({ex.Message})";
            return false;
        }
    }

    private static int Refuse(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return CommandLine.ExitUsage;
    }
}
