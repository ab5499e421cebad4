using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DistressBot.Cli;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.EndToEnd;

/// <summary>The running bot's admin socket stays usable whatever its other connections do (issue 8.6).</summary>
public sealed class AdminSocketTests
{
    private static readonly string[] ChangePassphrase = ["keys", "change-passphrase"];

    [Fact]
    public async Task AdminSocket_IdleConnections_AnOversizedRequest_AndACommandThatThrows_NeverStopItServingTheNextCommand()
    {
        var logs = new CapturingLoggerProvider();
        await using var s = await Scenario.StartAsync(logging: b => b.AddProvider(logs));

        // Twenty connections that send nothing do not hold up a command.
        var idle = new List<Socket>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                idle.Add(await ConnectAsync(s));
            }

            var people = await s.AdminAsync("people").WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(0, people.ExitCode);
            Assert.All(idle, socket => Assert.True(socket.Connected));
        }
        finally
        {
            idle.ForEach(socket => socket.Dispose());
        }

        // 64 MiB offered with no newline: the bot answers after the cap and closes, so the sender is cut off long before the end.
        using (var socket = await ConnectAsync(s))
        await using (var stream = new NetworkStream(socket))
        {
            var sending = SendUntilRefusedAsync(stream, 64 * 1024 * 1024);
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            var answer = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            var sent = await sending.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.NotNull(answer);
            Assert.Contains("larger than 64 KiB", answer, StringComparison.Ordinal);
            Assert.Contains("\"ExitCode\":2", answer, StringComparison.Ordinal);
            Assert.True(sent < 64 * 1024 * 1024, $"the bot read all {sent} bytes");
        }

        Assert.Equal(0, (await s.AdminAsync("people")).ExitCode);

        // A key file that is not there makes the keyring throw its own exception type, which the handler did not expect.
        var missing = Path.Combine(s.Sandbox.DataDirectory, "no-such-folder-Salek", "key");
        using (var socket = await ConnectAsync(s))
        await using (var stream = new NetworkStream(socket))
        {
            var request = JsonSerializer.Serialize(new { Args = ChangePassphrase, Secrets = new Dictionary<string, string> { [KeyCommands.NewKeyFile] = missing } });
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request + "\n"));
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            var answer = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.NotNull(answer);
            Assert.Contains("\"ExitCode\":1", answer, StringComparison.Ordinal);
            Assert.Contains("KeyringException", answer, StringComparison.Ordinal);
        }

        var failed = Assert.Single(logs.Entries, e => e.EventId == 2503);
        Assert.Equal("KeyringException", failed["Kind"]);
        Assert.All(logs.Entries, e => Assert.DoesNotContain("no-such-folder-Salek", e.Everything, StringComparison.Ordinal));
        Assert.Equal(0, (await s.AdminAsync("people")).ExitCode);
    }

    private static async Task<Socket> ConnectAsync(Scenario s)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(AdminSocketPath.For(s.Sandbox.DataDirectory)));
        return socket;
    }

    // Returns how many bytes went out before the bot closed the connection.
    private static async Task<long> SendUntilRefusedAsync(Stream stream, long total)
    {
        var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        long sent = 0;
        try
        {
            while (sent < total)
            {
                await stream.WriteAsync(chunk);
                sent += chunk.Length;
            }
        }
        catch (IOException)
        {
        }

        return sent;
    }
}
