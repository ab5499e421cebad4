namespace DistressBot.Crypto;

/// <summary>Reads a passphrase from the terminal key by key, with no echo, into a buffer that can be wiped.</summary>
public sealed class ConsolePassphrasePrompt : IPassphrasePrompt
{
    /// <inheritdoc/>
    public bool IsInteractive => !Console.IsInputRedirected;

    /// <inheritdoc/>
    public char[] ReadPassphrase(string prompt)
    {
        // The prompt goes to stderr so stdout stays clean for command output.
        Console.Error.Write(prompt);
        var buffer = new char[64];
        var length = 0;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    length = Math.Max(0, length - 1);
                    buffer[length] = '\0';
                    continue;
                }

                if (char.IsControl(key.KeyChar))
                {
                    continue;
                }

                if (length == buffer.Length)
                {
                    var larger = new char[buffer.Length * 2];
                    buffer.CopyTo(larger, 0);
                    SecretBytes.Wipe(buffer);
                    buffer = larger;
                }

                buffer[length++] = key.KeyChar;
            }

            return buffer[..length];
        }
        finally
        {
            SecretBytes.Wipe(buffer);
            Console.Error.WriteLine();
        }
    }
}
