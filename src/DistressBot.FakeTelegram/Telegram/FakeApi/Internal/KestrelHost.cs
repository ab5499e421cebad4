using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Starts a bare Kestrel on 127.0.0.1 with an OS-chosen port, serving one request delegate.</summary>
internal static class KestrelHost
{
    /// <summary>The largest request body taken: Telegram's 50 MB upload limit read as MiB, plus 1 MiB for the other fields; a larger one is read to its end and answered 413.</summary>
    public const long MaxRequestBodyBytes = (50L + 1) * 1024 * 1024;

    // Kestrel resets a connection whose body is over its own limit before the client has sent it all, so the client sees
    // a broken connection, not Telegram's 413; up to this size the fake reads the body and answers as Telegram does.
    private const long DrainedBodyBytes = 4 * MaxRequestBodyBytes;

    /// <summary>Starts the server and returns it with the address it listens on.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(RequestDelegate handle, bool logging, CancellationToken ct)
    {
        // The empty builder reads no appsettings, environment or command line, and watches no files: the fake must behave
        // the same wherever it runs, and tests start many of them.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Kestrel's default (30,000,000 bytes) would refuse documents Telegram takes.
            kestrel.Limits.MaxRequestBodySize = DrainedBodyBytes;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        // The default console lifetime would take Ctrl+C for itself; the process that hosts the fake (the demo, a test
        // run) owns shutdown and disposes the fake.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        if (logging)
        {
            // Request logs print the URL, and the URL carries the token: keep them out even when asked for logs.
            builder.Logging.AddConsole().AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        }

        var app = builder.Build();
        app.Run(handle);
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return (app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A host lifetime that neither listens for signals nor prints anything.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
