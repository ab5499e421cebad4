using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistressBot.Crypto;

/// <summary>The keyring file as JSON: format version, how the key-encryption key is derived, and the wrapped keys.</summary>
internal sealed class KeyringDocument
{
    /// <summary>The format of a keyring with a log key, which this build writes.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The format of a keyring made before log keys existed: no log key. Read, and written only until a log key is added.</summary>
    public const int FormatWithoutLogKey = 1;

    /// <summary>Format version; a reader refuses versions it does not know.</summary>
    public int Format { get; set; }

    /// <summary>How the key-encryption key is derived.</summary>
    public KdfDocument? Kdf { get; set; }

    /// <summary>Id of the data key new records are sealed with.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Data keys, the lookup key and the log key, each wrapped by the key-encryption key.</summary>
    public IList<WrappedKeyDocument>? Keys { get; init; }

    /// <summary>Serialises as indented camelCase JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonFormat.Options);
}

/// <summary>Key-encryption key derivation as stored: kind, algorithm, salt and cost.</summary>
internal sealed class KdfDocument
{
    /// <summary>"passphrase" or "keyFile".</summary>
    public string? Kind { get; set; }

    /// <summary>"argon2id" for passphrases, "hkdf-sha256" for key files.</summary>
    public string? Algorithm { get; set; }

    /// <summary>16-byte salt, base64.</summary>
    public string? Salt { get; set; }

    /// <summary>Argon2id memory in KiB (passphrase only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MemoryKiB { get; set; }

    /// <summary>Argon2id passes (passphrase only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Passes { get; set; }

    /// <summary>Argon2id lanes; always 1 (passphrase only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Parallelism { get; set; }
}

/// <summary>One wrapped key as stored.</summary>
internal sealed class WrappedKeyDocument
{
    /// <summary>Short id ("k1", "l1", "s1", or a case id in the case-key file).</summary>
    public string? Id { get; set; }

    /// <summary>"data", "lookup" or "log" in the keyring; "case" in the case-key file.</summary>
    public string? Role { get; set; }

    /// <summary>When the key was made.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>Id of the key that wraps this one (case-key file only; the keyring's keys are wrapped by the key-encryption key).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WrappedBy { get; set; }

    /// <summary>Nonce, ciphertext and tag, base64.</summary>
    public string? Wrapped { get; set; }
}

/// <summary>JSON settings shared by the keyring and case-key files.</summary>
internal static class JsonFormat
{
    /// <summary>camelCase property names, indented so an admin can read the file.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Parses <paramref name="content"/> or throws a <see cref="KeyringException"/> naming <paramref name="path"/>.</summary>
    public static T Parse<T>(byte[] content, string path, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content, Options)
                ?? throw new KeyringException($"The {what} {path} is empty (JSON null).");
        }
        catch (JsonException ex)
        {
            throw new KeyringException($"The {what} {path} is not valid JSON ({ex.Message}); restore it from a backup.", ex);
        }
    }

    /// <summary>Decodes base64 or throws a <see cref="KeyringException"/> naming the field.</summary>
    public static byte[] Base64(string? value, string path, string field)
    {
        if (value is null)
        {
            throw new KeyringException($"The file {path} has no {field}.");
        }

        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException ex)
        {
            throw new KeyringException($"The file {path} has an invalid {field} (not base64).", ex);
        }
    }
}
