namespace DistressBot.Crypto;

/// <summary>Asks a person for a passphrase without echoing it; faked in tests.</summary>
public interface IPassphrasePrompt
{
    /// <summary>True when a person can answer (stdin is a terminal).</summary>
    bool IsInteractive { get; }

    /// <summary>Shows <paramref name="prompt"/> and reads a line without echo; the caller wipes the returned characters.</summary>
    char[] ReadPassphrase(string prompt);
}
