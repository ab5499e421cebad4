namespace DistressBot.Telegram.FakeApi;

/// <summary>What a transcript entry carries.</summary>
public enum FakeEntryKind
{
    /// <summary>A text message.</summary>
    Text,

    /// <summary>A document (file) with an optional caption.</summary>
    Document,

    /// <summary>A sticker sent by a person.</summary>
    Sticker,

    /// <summary>A location, possibly live, sent by a person.</summary>
    Location,

    /// <summary>A person pressed an inline button; <see cref="FakeChatEntry.MessageId"/> is the message that carried it.</summary>
    ButtonPress,
}
