namespace DistressBot.Telegram.FakeApi;

/// <summary>How a file a person sends reaches the bot: as a document, a photo (Telegram's recompressed sizes) or a voice note.</summary>
public enum FakeFileShape
{
    /// <summary>A document, with its name and MIME type.</summary>
    Document,

    /// <summary>A photo: no name, no MIME type, one size.</summary>
    Photo,

    /// <summary>A voice note (audio/ogg), no name.</summary>
    Voice,
}
