namespace DistressBot.Telegram.FakeApi;

/// <summary>A file carried by a message: its name, the bytes uploaded (empty when sent by file id) and the caption.</summary>
public sealed record FakeDocument(string? FileName, ReadOnlyMemory<byte> Content, string? Caption, string FileId);
