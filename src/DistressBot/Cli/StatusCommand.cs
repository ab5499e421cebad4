using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;

namespace DistressBot.Cli;

/// <summary>The options of `distressbot status`.</summary>
/// <param name="Json">Print the report as one JSON object (stable field names, docs/operations.md) instead of text.</param>
public sealed record StatusOptions(bool Json);

/// <summary>`distressbot status [--json]`: is the bot running and well; exit 0 when all is well, 1 when something needs the admin. Never asks for a passphrase, so it can be a HEALTHCHECK.</summary>
public static class StatusCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The `status` command: in the admin's process it asks the running bot, or reads the stopped data without a prompt (<see cref="RunAsync"/>); inside the bot it reports live (<see cref="ExecuteAsync"/>).</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var json = new Option<bool>("--json") { Description = "one JSON object with stable field names (docs/operations.md) instead of text" };
        var command = new Command("status", "is the bot running and well: Telegram, outbox, scheduler lag, store, key ages, coverage gaps; exit 0 all well, 1 something needs the admin (listed); never asks for a passphrase, so it can be a HEALTHCHECK") { json };
        if (side is not ConsoleAdminSide)
        {
            return command.WithAdminAction(side, parse => new StatusOptions(parse.GetValue(json)), ExecuteAsync);
        }

        // Not through the console side's usual path: that one may ask for the keyring's passphrase, and a health check must never wait on a prompt.
        command.SetAction((parse, ct) => CommandLine.WithSettingsAsync(
            SettingsUse.Admin,
            parse,
            async (_, settings) => await (await RunAsync(new StatusOptions(parse.GetValue(json)), settings, Environment.GetEnvironmentVariable, TimeProvider.System, ct)).PrintAsync(parse, ct)));
        return command;
    }

    /// <summary>In the running bot (over the admin socket): the live report.</summary>
    public static async Task<AdminResult> ExecuteAsync(StatusOptions options, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Live is { } live
            ? await live.ReadAsync(ct)
            : await StatusReading.StoppedAsync(context.Runtime, context.Time.GetUtcNow(), ct);
        return Render(report, options);
    }

    /// <summary>From the command line: asks the running bot over its socket; when none answers, reads what it can without a prompt (the key from a key file, a systemd credential or the environment) and says "not running".</summary>
    public static async Task<AdminResult> RunAsync(StatusOptions options, BotSettings settings, Func<string, string?> environment, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        if (Directory.Exists(settings.DataDirectory)
            && await AdminSocketClient.TryExecuteAsync(settings.DataDirectory, options.Json ? ["status", "--json"] : ["status"], ct) is { } answer)
        {
            return answer;
        }

        return Render(await StoppedAsync(settings, environment, time, ct), options);
    }

    /// <summary>The report (text or JSON on stdout) and its exit code: 0 all well, 1 something needs the admin.</summary>
    public static AdminResult Render(StatusReport report, StatusOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var code = report.Problems.Count == 0 ? 0 : CommandLine.ExitRefused;
        return new AdminResult(code, options.Json ? JsonSerializer.Serialize(report, Indented) + "\n" : Text(report), "");
    }

    private static async Task<StatusReport> StoppedAsync(BotSettings settings, Func<string, string?> environment, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!Directory.Exists(settings.DataDirectory))
        {
            // Nothing is created: a health check must not make a data directory where none was. With a keyring there,
            // init would refuse: the path is probably mistyped, or the data is to be restored (MissingData says which to do).
            return StatusReading.Unopened(settings, running: false, now, MissingData.Problem(settings) ?? $"There is no data directory at {settings.DataDirectory}: run 'distressbot init', or set Storage:DataDirectory.");
        }

        if (NoDataProblem(settings) is { } noData)
        {
            // Never opened: opening would create an empty store (and a lock file), which `run` would then serve, and whose
            // scheduled backups would prune the real ones away.
            return StatusReading.Unopened(settings, running: false, now, noData);
        }

        KeyEncryptionSecret secret;
        try
        {
            // Never the console prompt: a HEALTHCHECK has no one to answer it and must not block.
            secret = new KeyMaterialResolver(environment, new NeverAskPrompt()).Resolve(settings.Crypto.KeyFile);
        }
        catch (KeyringException ex)
        {
            // Not running is the news; the key only limits what else can be said, and status never asks for a passphrase.
            var held = LockHeld(settings.DataDirectory);
            return StatusReading.Unopened(settings, running: held, now, held ? SilentOwner : "The data was not opened, as status never asks for a passphrase: " + ex.Message);
        }

        using (secret)
        {
            try
            {
                await using var runtime = await BotRuntime.OpenAsync(settings, secret, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, time);
                return await StatusReading.StoppedAsync(runtime, now, ct);
            }
            catch (DataDirectoryLockedException)
            {
                return StatusReading.Unopened(settings, running: true, now, SilentOwner);
            }
            catch (Exception ex) when (ex is KeyringException or DataFileOpenException or DataDirectoryPermissionsException)
            {
                return StatusReading.Unopened(settings, running: false, now, "The data does not open: " + ex.Message) with { Store = "damaged" };
            }
        }
    }

    // Why the data must not be opened: the directory holds no data file (with or without a keyring).
    private static string? NoDataProblem(BotSettings settings) =>
        MissingData.Problem(settings)
        ?? (File.Exists(Path.Combine(settings.DataDirectory, LiteRecordStore.DataFileName))
            ? null
            : $"The data directory {settings.DataDirectory} holds no data ({LiteRecordStore.DataFileName} is not there) and there is no keyring at {settings.KeyringPath}: run 'distressbot init', or set Storage:DataDirectory and Crypto:KeyringPath. Nothing was created.");

    private const string SilentOwner = "A process holds the data directory's lock but its admin socket does not answer: the bot may be hung; restart it and read its log.";

    private static bool LockHeld(string dataDirectory)
    {
        try
        {
            using (DataDirectoryLock.Acquire(dataDirectory))
            {
                return false;
            }
        }
        catch (DataDirectoryLockedException)
        {
            return true;
        }
    }

    private static string Text(StatusReport r)
    {
        var text = new StringBuilder();
        void Line(string name, string value) => text.Append(CultureInfo.InvariantCulture, $"{name,-15}{value}\n");
        static string Age(long? seconds) => seconds is { } s ? DurationToken.Format(TimeSpan.FromSeconds(s)) : "?";
        static string At(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        Line("running", r.Running ? "yes" : "no");
        Line("telegram", r.Telegram switch
        {
            "ok" => $"ok, last answer {Age(r.LastPollAgeSeconds)} ago ({At(r.LastPollAt)})",
            "failing" => $"FAILING for {Age(r.TelegramFailingSeconds)} ({r.TelegramError})" + (r.LastPollAt is null ? "" : $", last answer {At(r.LastPollAt)}"),
            "token_revoked" => "TOKEN REFUSED (401): revoked or wrong",
            "connecting" => "no answer yet since the start",
            _ => "unknown (the bot does not run)",
        });
        Line("outbox", r.OutboxLength is { } length ? length == 0 ? "empty" : $"{length} waiting, the oldest for {Age(r.OutboxOldestAgeSeconds)}" : "?");
        Line("scheduler lag", r.SchedulerLagSeconds is { } lag ? Age(lag) : "? (the bot does not run)");
        Line("store", r.Store switch
        {
            "ok" => "ok",
            "damaged" => "DAMAGED",
            _ => "not opened",
        } + (r.DataFileBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $", {bytes:N0} bytes") : ""));
        Line("keys", r.DataKeyAgeSeconds is null ? "? (not opened)" : $"data key {Age(r.DataKeyAgeSeconds)} old, log key {Age(r.LogKeyAgeSeconds)} old");
        Line("open cases", r.OpenCases?.ToString(CultureInfo.InvariantCulture) ?? "?");
        Line("coverage gaps", r.CoverageGaps?.ToString(CultureInfo.InvariantCulture) ?? "?");
        if (r.Problems.Count == 0)
        {
            text.Append("All well.\n");
        }
        else
        {
            text.Append("Needs the admin:\n");
            foreach (var problem in r.Problems)
            {
                text.Append("  - ").Append(problem).Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <summary>The prompt `status` hands the key resolver: nobody is ever asked, so a HEALTHCHECK never blocks on a terminal.</summary>
internal sealed class NeverAskPrompt : IPassphrasePrompt
{
    /// <inheritdoc/>
    public bool IsInteractive => false;

    /// <inheritdoc/>
    public char[] ReadPassphrase(string prompt) => throw new InvalidOperationException("status never asks for a passphrase.");
}
