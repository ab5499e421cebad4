using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>`distressbot verify PATH [--key VKEY|FILE] [--lang ru|en]`: the offline check of a case bundle; needs no data directory, keyring or settings.</summary>
public static class VerifyCommand
{
    /// <summary>The usage line printed with every argument error.</summary>
    public const string Usage = "Usage: distressbot verify PATH [--key VKEY|FILE] [--lang ru|en]   (PATH a bundle folder or .zip; --key the log's verifier key you received earlier, as text or a file)";

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
        string? key = null;
        string? lang = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--key" or "--lang")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    return Refuse(error, $"{arg} needs a value.");
                }

                if ((arg == "--key" ? key : lang) is not null)
                {
                    return Refuse(error, $"{arg} is given twice.");
                }

                if (arg == "--key")
                {
                    key = args[++i];
                }
                else
                {
                    lang = args[++i];
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
        if (key is not null && !TryReadKey(key, out pinned, out var keyProblem))
        {
            return Refuse(error, keyProblem);
        }

        var verdict = BundleVerifier.Verify(path, new BundleTrust(pinned));
        output.Write(verdict.Describe(language));
        return verdict.Verified ? 0 : CommandLine.ExitRefused;
    }

    // --key takes the verifier key text itself or a file holding it (one line).
    private static bool TryReadKey(string value, out NoteVerifier? key, out string problem)
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
                    problem = $"--key {value}: the file is larger than a verifier key ({BundleVerifier.MaxKeyBytes} bytes at most).";
                    return false;
                }

                text = Encoding.UTF8.GetString(File.ReadAllBytes(value)).TrimEnd('\n', '\r', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = $"--key {value}: the file does not read ({ex.Message}).";
                return false;
            }
        }

        try
        {
            key = NoteVerifier.Parse(text);
            return true;
        }
        catch (FormatException ex)
        {
            problem = $"--key {value}: neither a verifier key nor a file holding one ({ex.Message})";
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
