using DistressBot.Crypto;

namespace DistressBot.Tests.Fakes;

/// <summary>A prompt that answers from a queue, or reports that no terminal is attached.</summary>
public sealed class FakePassphrasePrompt(bool isInteractive, params string[] answers) : IPassphrasePrompt
{
    private readonly Queue<string> _answers = new(answers);

    /// <inheritdoc/>
    public bool IsInteractive => isInteractive;

    /// <summary>The prompts shown, in order.</summary>
    public List<string> Prompts { get; } = [];

    /// <inheritdoc/>
    public char[] ReadPassphrase(string prompt)
    {
        Prompts.Add(prompt);
        return _answers.Dequeue().ToCharArray();
    }
}
