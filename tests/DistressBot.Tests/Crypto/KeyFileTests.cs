using DistressBot.Crypto;

namespace DistressBot.Tests.Crypto;

public sealed class KeyFileTests : IDisposable
{
    private readonly TestFolders _folders = new();

    private string PathOf(string name) => Path.Combine(_folders.KeysDirectory, name);

    private static void WriteOwnerOnly(string path, byte[] content)
    {
        File.WriteAllBytes(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Create_NewPath_Writes32RandomBytesOwnerOnly()
    {
        var path = PathOf("a.key");
        KeyFile.Create(path);
        KeyFile.Create(PathOf("b.key"));

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(32, bytes.Length);
        Assert.NotEqual(bytes, File.ReadAllBytes(PathOf("b.key")));
        Assert.NotEqual(new byte[32], bytes);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Create_ExistingFile_RefusesAndKeepsIt()
    {
        var path = PathOf("a.key");
        KeyFile.Create(path);
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<KeyringException>(() => KeyFile.Create(path));

        Assert.Contains("refusing to overwrite", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(44)]
    public void FromKeyFile_WrongLength_ThrowsNamingPathAndLength(int length)
    {
        var path = PathOf("bad.key");
        WriteOwnerOnly(path, new byte[length]);

        var ex = Assert.Throws<KeyringException>(() => KeyEncryptionSecret.FromKeyFile(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"is {length} bytes long", ex.Message, StringComparison.Ordinal);
        Assert.Contains("exactly 32 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKeyFile_Missing_ThrowsNamingPath()
    {
        var path = PathOf("missing.key");

        var ex = Assert.Throws<KeyringException>(() => KeyEncryptionSecret.FromKeyFile(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKeyFile_ReadableByOthers_IsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = PathOf("loose.key");
        KeyFile.Create(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var ex = Assert.Throws<KeyringException>(() => KeyEncryptionSecret.FromKeyFile(path));

        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKeyFile_Valid_HasKindAndSourceButNoSecretInSource()
    {
        var path = PathOf("a.key");
        KeyFile.Create(path);

        using var secret = KeyEncryptionSecret.FromKeyFile(path);

        Assert.Equal(KeyEncryptionSecretKind.KeyFile, secret.Kind);
        Assert.Equal($"key file {path}", secret.Source);
    }

    public void Dispose() => _folders.Dispose();
}
