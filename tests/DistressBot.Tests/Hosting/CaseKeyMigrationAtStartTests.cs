using DistressBot.Crypto;
using DistressBot.Tests.Crypto;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.Hosting;

/// <summary>Opening the data of an earlier version moves its case-keys.json into the data file before anything reads a case.</summary>
public sealed class CaseKeyMigrationAtStartTests : IDisposable
{
    private static readonly RecordAddress CaseAddress = new("cases", "C-0001", "data");

    private readonly InitializedData _data = InitializedData.Create("keymigration", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OpenAsync_WithAnEarlierVersionsCaseKeyFile_ImportsItLogsOnlyTheCount_AndRemovesIt()
    {
        LegacyCaseKeyFile legacy;
        using (var secret = KeyEncryptionSecret.FromKeyFile(_data.KeyFilePath))
        using (var keyring = Keyring.Open(_data.Settings.KeyringPath, secret, _data.Time))
        {
            DistressBot.Storage.OwnerOnly.CreateFolder(_data.Settings.DataDirectory);
            legacy = new LegacyCaseKeyFile(_data.Settings.CaseKeysPath, keyring, ["C-0001"], ["C-0002"]);
        }

        var blob = legacy.Seal("C-0001", "from before"u8, CaseAddress);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));

        await using (var runtime = await _data.OpenAsync(loggers))
        {
            Assert.False(File.Exists(_data.Settings.CaseKeysPath));
            Assert.Equal("from before"u8.ToArray(), runtime.Keyring.Cipher.Open(blob, CaseAddress));
            Assert.False(runtime.CaseKeys.Exists("C-0002"));
        }

        var imported = Assert.Single(logs.Entries, e => e.EventId == 3640);
        Assert.Equal("2", imported["Count"]);
        Assert.DoesNotContain("C-000", imported.Everything, StringComparison.Ordinal);

        // The next start finds the keys in the data file alone.
        await using var again = await _data.OpenAsync();
        Assert.Equal("from before"u8.ToArray(), again.Keyring.Cipher.Open(blob, CaseAddress));
    }

    public void Dispose() => _data.Dispose();
}
