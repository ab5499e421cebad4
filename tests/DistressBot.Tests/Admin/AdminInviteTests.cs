using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Hosting;
using DistressBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Admin;

/// <summary>`distressbot invite`: only the code on stdout (so it can be piped), everything else on stderr; refusals exit 1, a role that cannot be invited exits 2.</summary>
/// <remarks>The command runs against opened data in a temporary folder, as the CLI runs it with the bot stopped; no bot, no Telegram.</remarks>
public sealed class AdminInviteTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-admin-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private BotRuntime? _runtime;
    private AdminContext? _context;

    public async Task InitializeAsync()
    {
        var keys = Path.Combine(_root, "keys");
        OwnerOnly.CreateFolder(keys);
        OwnerOnly.CreateFolder(Path.Combine(_root, "data"));
        KeyFile.Create(Path.Combine(keys, "key"));
        var settings = BotSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(_root, "data"),
            ["Crypto:KeyringPath"] = Path.Combine(keys, "keyring.json"),
            ["Crypto:KeyFile"] = Path.Combine(keys, "key"),
        }).Build());
        using var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!);
        using (Keyring.Create(settings.KeyringPath, secret, _time))
        {
        }

        _runtime = await BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, _time);
        _context = new AdminContext(_runtime, settings.ToRules(), _time, new Dictionary<string, string>());
    }

    public async Task DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Invite_Coordinator_PrintsOnlyTheCodeOnStdout()
    {
        var result = await Admin("invite", "coordinator", "--name", "Nina");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("^[0-9A-Z]{20}\n$", result.Output);
        Assert.Contains("/start " + result.Output.Trim(), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_ALookAlikeOrAnUnknownRole_IsRefusedWithTheReasonAndNoCode()
    {
        await Admin("invite", "coordinator", "--name", "Nina");

        var lookAlike = await Admin("invite", "coordinator", "--name", "\u039Dina"); // Greek capital Nu
        var role = await Admin("invite", "admin", "--name", "Vera");

        Assert.Equal(1, lookAlike.ExitCode);
        Assert.Contains("looks almost like the coordinator 'Nina'", lookAlike.Error, StringComparison.Ordinal);
        Assert.Equal("", lookAlike.Output);
        Assert.Equal(2, role.ExitCode);
        Assert.Contains("Cannot invite someone as 'admin': only a coordinator or a lawyer.", role.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("a 'admin'", role.Error, StringComparison.Ordinal);
        Assert.Equal("", role.Output);
    }

    [Fact]
    public async Task Invite_TheSameCoordinatorNameTwiceInAnyCase_IsRefused()
    {
        await Admin("invite", "coordinator", "--name", "Nina");

        var again = await Admin("invite", "coordinator", "--name", "nina");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("", again.Output);
        Assert.Contains("already a coordinator (or a pending invite for one) called 'nina'", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_CoordinatorNinaWhenALawyerNinaIsInvited_IsRefusedNamingTheLawyer()
    {
        await Admin("invite", "lawyer", "--name", "Nina");

        var coordinator = await Admin("invite", "coordinator", "--name", "NINA");

        Assert.Equal(1, coordinator.ExitCode);
        Assert.Equal("", coordinator.Output);
        Assert.Contains("already a lawyer (or a pending invite for one) called 'NINA'", coordinator.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was created.", coordinator.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "revoke", "Vera" }, 2, "Revoking removes 'Vera' from the bot at once")]
    [InlineData(new[] { "revoke", "--yes" }, 2, "Required argument 'NAME' missing")]
    [InlineData(new[] { "revoke", "Vera", "--yes", "--now" }, 2, "Unrecognized command or argument '--now'.")]
    [InlineData(new[] { "revoke", "Vera", "Olga", "--yes" }, 2, "Unrecognized command or argument 'Olga'.")]
    [InlineData(new[] { "revoke", "Vera", "--of" }, 2, "Required argument missing for option: '--of'.")]
    [InlineData(new[] { "revoke", "Vera", "--yes" }, 1, "Nobody is called 'Vera' (distressbot people lists everyone). Nothing was changed.")]
    public async Task Revoke_UnconfirmedMalformedOrUnknown_ChangesNothing(string[] args, int exitCode, string says)
    {
        var result = await Admin(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(says, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    private Task<AdminResult> Admin(params string[] args) => AdminCommands.ExecuteAsync(args, _context!, CancellationToken.None);
}
