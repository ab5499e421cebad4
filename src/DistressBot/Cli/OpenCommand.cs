using DistressBot.Evidence;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot open BUNDLE.sealed --key FILE --out ZIP`: opens a bundle sealed to a lawyer's key (docs/evidence.md,
/// "Sealed bundles") on the lawyer's machine; needs no data directory, keyring or settings.
/// </summary>
public static class OpenCommand
{
    /// <summary>The usage line printed with every argument error.</summary>
    public const string Usage = "Usage: distressbot open BUNDLE.sealed --key FILE --out ZIP   (--key the private key file from distressbot lawyer-key;"
        + " --out a new file for the bundle's zip, which distressbot verify then checks)";

    /// <summary>Most bytes of a sealed bundle read: 512 MiB.</summary>
    public const long MaxSealedBytes = 512L * 1024 * 1024;

    /// <summary>Most bytes of a key file read: 1 KiB (the key is one line of base64).</summary>
    public const int MaxKeyFileBytes = 1024;

    /// <summary>
    /// Opens the sealed bundle named by <paramref name="args"/> (the words after "open") and writes its zip: 0 written,
    /// 1 the file does not open (nothing written), 2 bad arguments; messages go to <paramref name="error"/>, the result to <paramref name="output"/>.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, ["--key", "--out"], out var path, out var options, out var problem))
        {
            return Refuse(error, problem, Usage);
        }

        if (path is null)
        {
            return Refuse(error, "Name the sealed bundle to open.", Usage);
        }

        if (!options.TryGetValue("--key", out var keyFile) || !options.TryGetValue("--out", out var target))
        {
            return Refuse(error, "--key and --out are both needed.", Usage);
        }

        if (!File.Exists(path))
        {
            return Refuse(error, $"{path}: there is no such file.", Usage);
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            return Refuse(error, $"{target} exists already; give a new file name. Nothing was written.", Usage);
        }

        if (!TryReadPrivateKey(keyFile, out var privateKey, out problem))
        {
            return Refuse(error, problem, Usage);
        }

        byte[] sealedBytes;
        try
        {
            if (new FileInfo(path).Length > MaxSealedBytes)
            {
                error.WriteLine($"{path} is larger than {MaxSealedBytes} bytes, more than a sealed bundle from the bot can be. Nothing was written.");
                return CommandLine.ExitRefused;
            }

            sealedBytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path} does not read ({ex.Message}). Nothing was written.");
            return CommandLine.ExitRefused;
        }

        if (!SealedBundle.TryOpen(sealedBytes, privateKey, out var zip, out problem))
        {
            error.WriteLine($"{path}: {problem} Nothing was written.");
            return CommandLine.ExitRefused;
        }

        if (!TryWriteNew(target, zip, out problem))
        {
            error.WriteLine(problem);
            return CommandLine.ExitRefused;
        }

        output.WriteLine($"Opened: {target} ({zip.Length} bytes). Check it with: distressbot verify {target}");
        return 0;
    }

    /// <summary>Reads a lawyer's private key file: one line, the 32 raw X25519 private key bytes in standard base64.</summary>
    internal static bool TryReadPrivateKey(string file, out byte[] privateKey, out string problem)
    {
        privateKey = [];
        problem = "";
        try
        {
            if (!File.Exists(file))
            {
                problem = $"--key {file}: there is no such file.";
                return false;
            }

            if (new FileInfo(file).Length > MaxKeyFileBytes)
            {
                problem = $"--key {file}: the file is larger than a key file ({MaxKeyFileBytes} bytes at most).";
                return false;
            }

            var text = File.ReadAllText(file).Trim();
            if (Base64.Decode(text) is not { Length: SealedBundle.KeyBytes } bytes)
            {
                problem = $"--key {file}: not a key file (one line: {SealedBundle.KeyBytes} bytes of an X25519 private key in base64).";
                return false;
            }

            privateKey = bytes;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"--key {file}: the file does not read ({ex.Message}).";
            return false;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to the new, owner-only file <paramref name="target"/>; false with the reason when it cannot, leaving no file.</summary>
    internal static bool TryWriteNew(string target, ReadOnlySpan<byte> bytes, out string problem)
    {
        problem = "";
        try
        {
            using var file = Storage.OwnerOnly.CreateFile(target);
            try
            {
                file.Write(bytes);
                file.Flush(true);
            }
            catch (IOException)
            {
                file.Dispose();
                File.Delete(target);
                throw;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{target} cannot be written ({ex.Message}). Nothing was written.";
            return false;
        }
    }

    /// <summary>Reads one positional word and the single-value <paramref name="allowed"/> options; false with the reason for anything else.</summary>
    internal static bool TryParse(IReadOnlyList<string> args, string[] allowed, out string? path, out Dictionary<string, string> options, out string problem)
    {
        path = null;
        problem = "";
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (allowed.Contains(arg, StringComparer.Ordinal))
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    problem = $"{arg} needs a value.";
                    return false;
                }

                if (!options.TryAdd(arg, args[++i]))
                {
                    problem = $"{arg} is given twice.";
                    return false;
                }
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                problem = $"Unknown option '{arg}'.";
                return false;
            }
            else if (path is not null)
            {
                problem = $"One file at a time: '{arg}' is one argument too many.";
                return false;
            }
            else
            {
                path = arg;
            }
        }

        return true;
    }

    /// <summary>Says why and how to call, on <paramref name="error"/>; returns the exit code for bad arguments.</summary>
    internal static int Refuse(TextWriter error, string message, string usage)
    {
        error.WriteLine(message);
        error.WriteLine(usage);
        return CommandLine.ExitUsage;
    }
}
