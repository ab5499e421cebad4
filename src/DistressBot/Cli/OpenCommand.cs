using System.CommandLine;
using DistressBot.Evidence;

namespace DistressBot.Cli;

/// <summary>
/// `distressbot open BUNDLE.sealed --key FILE --out ZIP`: opens a bundle sealed to a lawyer's key (docs/evidence.md,
/// "Sealed bundles") on the lawyer's machine; needs no data directory, keyring or settings.
/// </summary>
public static class OpenCommand
{
    /// <summary>Most bytes of a sealed bundle read: 512 MiB.</summary>
    public const long MaxSealedBytes = 512L * 1024 * 1024;

    /// <summary>Most bytes of a key file read: 1 KiB (the key is one line of base64).</summary>
    public const int MaxKeyFileBytes = 1024;

    /// <summary>The `open` command (runs only in the caller's own process; reads no settings, data or keyring).</summary>
    public static Command Build()
    {
        var bundle = CliArguments.Path("BUNDLE.sealed", "the sealed bundle (the bot's /export to a lawyer with a key)");
        var key = CliArguments.PathOption("--key", "FILE", "the private key file from distressbot lawyer-key", required: true);
        var output = CliArguments.PathOption("--out", "ZIP", "a new file for the bundle's zip, which distressbot verify then checks", required: true);
        return new Command("open", "open a sealed bundle with that key file and write its zip (then verify it); no settings needed; exit 0 written, 1 does not open (nothing written), 2 bad arguments") { bundle, key, output }
            .WithLocalAction((parse, _) => Task.FromResult(Run(
                new OpenOptions(parse.GetValue(bundle)!, parse.GetValue(key)!, parse.GetValue(output)!),
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error)));
    }

    /// <summary>
    /// Opens the sealed bundle and writes its zip: 0 written; 1 refused, nothing written (the target exists, the key file holds
    /// no key, the bundle does not open); 2 a file named, or the folder --out names, is not there. Messages go to <paramref name="error"/>, the result to <paramref name="output"/>.
    /// </summary>
    public static int Run(OpenOptions options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (path, keyFile, target) = (options.Bundle, options.KeyFile, options.Target);
        if (!File.Exists(path))
        {
            return Refuse(error, new FileProblem($"{path}: there is no such file.", CommandLine.ExitUsage));
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            return Refuse(error, new FileProblem($"{target} exists already; give a new file name. Nothing was written.", CommandLine.ExitRefused));
        }

        if (MissingFolder(target) is { } missing)
        {
            return Refuse(error, missing);
        }

        if (!TryReadPrivateKey(keyFile, out var privateKey, out var keyProblem))
        {
            return Refuse(error, keyProblem);
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

        if (!SealedBundle.TryOpen(sealedBytes, privateKey, out var zip, out var problem))
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
    internal static bool TryReadPrivateKey(string file, out byte[] privateKey, out FileProblem problem)
    {
        privateKey = [];
        problem = default;
        try
        {
            if (!File.Exists(file))
            {
                problem = new($"--key {file}: there is no such file.", CommandLine.ExitUsage);
                return false;
            }

            if (new FileInfo(file).Length > MaxKeyFileBytes)
            {
                problem = new($"--key {file}: the file is larger than a key file ({MaxKeyFileBytes} bytes at most). Nothing was written.", CommandLine.ExitRefused);
                return false;
            }

            var text = File.ReadAllText(file).Trim();
            if (Base64.Decode(text) is not { Length: SealedBundle.KeyBytes } bytes)
            {
                problem = new($"--key {file}: not a key file (one line: {SealedBundle.KeyBytes} bytes of an X25519 private key in base64). Nothing was written.", CommandLine.ExitRefused);
                return false;
            }

            privateKey = bytes;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = new($"--key {file}: the file does not read ({ex.Message}). Nothing was written.", CommandLine.ExitRefused);
            return false;
        }
    }

    /// <summary>The exit-2 problem when the folder of the new file <paramref name="target"/> is not there (a file named that is not there is a command line that cannot be followed); null when it is.</summary>
    internal static FileProblem? MissingFolder(string target)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target));
        return folder is null || Directory.Exists(folder)
            ? null
            : new FileProblem($"--out {target}: the folder {folder} is not there; make it first, or give a file in a folder that is. Nothing was written.", CommandLine.ExitUsage);
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

    /// <summary>Says what is wrong on <paramref name="error"/> (with where to read how to call, for a bad argument); returns its exit code.</summary>
    internal static int Refuse(TextWriter error, FileProblem problem, string command = "open")
    {
        error.WriteLine(problem.Message);
        if (problem.ExitCode == CommandLine.ExitUsage)
        {
            error.WriteLine($"'distressbot {command} --help' shows how to call it.");
        }

        return problem.ExitCode;
    }
}

/// <summary>`distressbot open`'s options.</summary>
/// <param name="Bundle">The sealed bundle file.</param>
/// <param name="KeyFile">The lawyer's private key file.</param>
/// <param name="Target">The new zip file to write.</param>
public sealed record OpenOptions(string Bundle, string KeyFile, string Target);
