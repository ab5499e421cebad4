namespace DistressBot.Telegram.FakeApi;

/// <summary>A file carried by a message: its name, the bytes uploaded (empty when sent by file id) and the caption.</summary>
public sealed record FakeDocument(string? FileName, ReadOnlyMemory<byte> Content, string? Caption, string FileId)
{
    /// <summary>Its MIME type as Telegram states it, or null.</summary>
    public string? MimeType { get; init; }

    /// <summary>How a person's file reaches the bot.</summary>
    public FakeFileShape Shape { get; init; }
}
