namespace DistressBot.Evidence;

/// <summary>One signature line of a signed note: key name, 32-bit key id (big-endian on the wire) and signature bytes.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature);

/// <summary>
/// A C2SP signed note (signed-note v1.0.0, "Format"), split but not verified: the text (ending in newline, the signed
/// message) and its signature lines. Its text must be ignored until a <see cref="NoteVerifier"/> has verified it.
/// </summary>
public sealed class SignedNote
{
    /// <summary>The separator of text and signatures: the last empty line.</summary>
    private const string Separator = "\n\n";

    /// <summary>The dash that opens every signature line: em dash U+2014 and a space.</summary>
    internal const string SignaturePrefix = "\u2014 ";

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The note text including its final newline, without the blank separator line: the signed message.</summary>
    public string Text { get; }

    /// <summary>The signature lines, in order (one or more, at most <see cref="NoteText.MaxSignatures"/>).</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>
    /// Splits a signed note at its last empty line; <see cref="FormatException"/> naming the rule when it is not
    /// UTF-8 without control characters, has no blank line, or a signature line is not "— name base64(id ‖ sig)".
    /// </summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (NoteText.CharacterProblem(note) is { } problem)
        {
            throw new FormatException($"Not a signed note: {problem}.");
        }

        if (!note.EndsWith('\n'))
        {
            throw new FormatException("Not a signed note: it does not end in a newline.");
        }

        var split = note.LastIndexOf(Separator, StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("Not a signed note: no blank line separates the text from the signatures.");
        }

        var text = note[..(split + 1)];
        if (split + Separator.Length >= note.Length)
        {
            throw new FormatException("Not a signed note: no signature line follows the blank line.");
        }

        var lines = note[(split + Separator.Length)..^1].Split('\n');
        if (lines.Length > NoteText.MaxSignatures)
        {
            throw new FormatException($"Not a signed note: more than {NoteText.MaxSignatures} signatures.");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            signatures.Add(ParseSignatureLine(line));
        }

        return new SignedNote(text, signatures);
    }

    /// <summary>The signature line for a signature (without its newline).</summary>
    internal static string SignatureLine(string keyName, uint keyId, ReadOnlySpan<byte> signature)
    {
        var bytes = new byte[4 + signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, keyId);
        signature.CopyTo(bytes.AsSpan(4));
        return $"{SignaturePrefix}{keyName} {Convert.ToBase64String(bytes)}";
    }

    /// <summary>One signature line (without its newline) split into name, key id and signature; <see cref="FormatException"/> naming the fault.</summary>
    internal static NoteSignature ParseSignatureLine(string line)
    {
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            throw new FormatException("Not a signed note: a signature line does not start with an em dash (U+2014) and a space.");
        }

        var rest = line[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new FormatException("Not a signed note: a signature line has no space between key name and signature.");
        }

        var name = rest[..space];
        if (!NoteText.IsKeyName(name))
        {
            throw new FormatException("Not a signed note: a signature line's key name is empty or holds a space or plus.");
        }

        var encoded = rest[(space + 1)..];
        var bytes = Base64.Decode(encoded);
        if (bytes is null || bytes.Length < 5)
        {
            throw new FormatException($"Not a signed note: the signature of {name} is not base64 of a key id and a signature.");
        }

        var keyId = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return new NoteSignature(name, keyId, bytes[4..]);
    }
}
