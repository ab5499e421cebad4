using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DistressBot.Domain;

/// <summary>Why a file was refused when it was queued as a document.</summary>
public enum DocumentRefusal
{
    /// <summary>Over the Bot API's upload limit (<see cref="DocumentFile.MaxBytes"/>).</summary>
    TooLarge,

    /// <summary>No bytes at all (Telegram refuses an empty file).</summary>
    Empty,

    /// <summary>The file name is empty, too long, or has a path separator, a control or a format (bidi) character.</summary>
    BadFileName,

    /// <summary>The MIME type is not a bare "type/subtype".</summary>
    BadMimeType,
}

/// <summary>A file that cannot be sent as a document, refused before anything was queued; <see cref="Reason"/> says why.</summary>
public sealed class DocumentRefusedException : ArgumentException
{
    /// <summary>Refused for <paramref name="reason"/>, explained by <paramref name="message"/> (never the file's name or bytes).</summary>
    public DocumentRefusedException(DocumentRefusal reason, string message, string? paramName)
        : base(message, paramName) => Reason = reason;

    /// <inheritdoc/>
    public DocumentRefusedException()
    {
    }

    /// <inheritdoc/>
    public DocumentRefusedException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public DocumentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why it was refused.</summary>
    public DocumentRefusal Reason { get; }
}

/// <summary>A file to send as a Telegram document: a safe name, a MIME type and 1 to <see cref="MaxBytes"/> bytes, checked when made.</summary>
public sealed partial class DocumentFile
{
    /// <summary>The Bot API's upload limit for a document, "50 MB", taken as decimal megabytes (the smaller reading).</summary>
    public const int MaxBytes = 50_000_000;

    /// <summary>Longest file name, in UTF-8 bytes (what common file systems keep).</summary>
    public const int MaxFileNameBytes = 255;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _content;

    private DocumentFile(string fileName, string mimeType, byte[] content)
    {
        FileName = fileName;
        MimeType = mimeType;
        _content = content;
    }

    /// <summary>The name the reader sees and saves it under.</summary>
    public string FileName { get; }

    /// <summary>Its MIME type, "application/zip" (Telegram works the type out itself; kept for the record).</summary>
    public string MimeType { get; }

    /// <summary>Its size in bytes.</summary>
    public int Length => _content.Length;

    /// <summary>Its bytes.</summary>
    public ReadOnlySpan<byte> Content => _content;

    /// <summary>Lowercase hex SHA-256 of its bytes.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(SHA256.HashData(_content));

    /// <summary>Its bytes as a read-only stream (for the upload).</summary>
    public Stream OpenRead() => new MemoryStream(_content, writable: false);

    /// <summary>A copy of <paramref name="content"/> named <paramref name="fileName"/>, of type <paramref name="mimeType"/>.</summary>
    /// <exception cref="DocumentRefusedException">Too large, empty, an unsafe file name, or a malformed MIME type (<see cref="DocumentRefusedException.Reason"/>).</exception>
    public static DocumentFile Create(string fileName, string mimeType, ReadOnlySpan<byte> content)
    {
        Check(fileName, mimeType, content);
        return new DocumentFile(fileName, mimeType, content.ToArray());
    }

    /// <summary>A file read back from the store, checked again (the rules may have tightened since it was queued); <paramref name="content"/> is kept, not copied.</summary>
    internal static DocumentFile FromStored(string fileName, string mimeType, byte[] content)
    {
        Check(fileName, mimeType, content);
        return new DocumentFile(fileName, mimeType, content);
    }

    private static void Check(string fileName, string mimeType, ReadOnlySpan<byte> content)
    {
        var length = content.Length;
        if (length > MaxBytes)
        {
            throw new DocumentRefusedException(DocumentRefusal.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The file is {length:N0} bytes; Telegram takes documents of at most {MaxBytes:N0} bytes."), nameof(content));
        }

        if (length == 0)
        {
            throw new DocumentRefusedException(DocumentRefusal.Empty, "The file is empty; Telegram does not take an empty document.", nameof(content));
        }

        if (FileNameProblem(fileName) is { } problem)
        {
            throw new DocumentRefusedException(DocumentRefusal.BadFileName, "The file name cannot be used: " + problem + ".", nameof(fileName));
        }

        if (mimeType is null || !MimeTypeShape().IsMatch(mimeType))
        {
            throw new DocumentRefusedException(DocumentRefusal.BadMimeType, "The MIME type must be a bare \"type/subtype\" such as application/zip, without parameters.", nameof(mimeType));
        }
    }

    // What is wrong with a file name, in words that never repeat it (it may hold anything).
    private static string? FileNameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it is empty";
        }

        if (name is "." or "..")
        {
            return "it names a folder";
        }

        if (name.AsSpan().IndexOfAny('/', '\\') >= 0)
        {
            return "it has a path separator";
        }

        // A format character such as U+202E (right-to-left override) makes "x\u202Egpj.zip" read as "xpiz.jpg".
        if (name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return "it has a control or format character";
        }

        if (name.Trim().Length != name.Length)
        {
            return "it starts or ends with a space";
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            return "it is not well-formed Unicode";
        }

        return bytes > MaxFileNameBytes ? string.Create(CultureInfo.InvariantCulture, $"it is longer than {MaxFileNameBytes} bytes") : null;
    }

    // RFC 6838 restricted names: "type/subtype", no parameters.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\\z")]
    private static partial Regex MimeTypeShape();
}

/// <summary>What an outbox row keeps of a queued document: its name, type, size, hash and caption; the bytes are stored apart, in parts (see <see cref="OutboxStore"/>).</summary>
public sealed class QueuedDocument
{
    /// <summary>Telegram's limit for a caption; a longer one is cut and says so.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Bytes per stored part: a sealed part stays well under LiteDB 5's 16,683,050-byte document limit.</summary>
    public const int PartBytes = 8 * 1024 * 1024;

    /// <summary>The file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>The file's MIME type.</summary>
    public required string MimeType { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public required int Length { get; init; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes, checked when they are read back to be sent.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The caption, worded for the reader when sent; null for none.</summary>
    public MessageText? Caption { get; init; }

    /// <summary>How many parts the bytes are stored in.</summary>
    [JsonIgnore]
    public int Parts => (int)((Length + (long)PartBytes - 1) / PartBytes);

    /// <summary>The record of <paramref name="file"/> with <paramref name="caption"/>.</summary>
    public static QueuedDocument Of(DocumentFile file, MessageText? caption)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new QueuedDocument { FileName = file.FileName, MimeType = file.MimeType, Length = file.Length, Sha256 = file.Sha256Hex(), Caption = caption };
    }
}
