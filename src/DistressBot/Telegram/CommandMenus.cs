using DistressBot.Domain;
using DistressBot.Messages;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using TelegramCommand = Telegram.Bot.Types.BotCommand;

namespace DistressBot.Telegram;

/// <summary>The bot's public name and description, set at start when given (Privacy:BotName, Privacy:BotDescription).</summary>
/// <param name="Name">The public name, or null/empty to leave it.</param>
/// <param name="Description">The public description (long and short), or null/empty to leave it.</param>
public sealed record PublicProfile(string? Name, string? Description);

/// <summary>
/// Keeps each subject's chat menu in step with their wording (setMyCommands scoped to their chat): at start, when an admin
/// switches a subject's cover wording, and, with cover wording for the whole deployment, soon after someone enrols.
/// </summary>
public sealed partial class CommandMenus(
    ITelegramBotClient bot,
    BotStore store,
    BotRules rules,
    PublicProfile profile,
    CommandMenuSignal changed,
    OutboxSignal outbox,
    TransportClock transport,
    ILogger<CommandMenus> logger) : BackgroundService
{
    // New subjects are noticed through the outbox's signal (their welcome); a burst of traffic costs one look a second.
    private static readonly TimeSpan OutboxLookGap = TimeSpan.FromSeconds(1);

    // The look at every subject's menu that nothing asked for (a switch made while the bot was stopped) reads every person:
    // seconds at 100,000 on the store's one thread. It waits out the start-up (as the coverage check does), unless a switch or
    // an enrolment asks for a look sooner.
    private static readonly TimeSpan FirstLookAfter = TimeSpan.FromMinutes(10);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await SetProfileAsync(stoppingToken);
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var startLook = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = changed.NextAsync();
            var enrolled = rules.CoverWording ? outbox.NextAsync() : Task.Delay(Timeout.InfiniteTimeSpan, transport.Time, stoppingToken);
            if (startLook)
            {
                startLook = false;
                await Task.WhenAny(woken, enrolled, Task.Delay(FirstLookAfter, transport.Time, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
                woken = changed.NextAsync();
            }

            try
            {
                var failed = await SyncAsync(stoppingToken);
                if (failed == 0)
                {
                    backoff.Reset();
                }
                else
                {
                    // Telegram refused some: try again later (a blocked chat is retried only this slowly).
                    enrolled = Task.Delay(backoff.Next(), transport.Time, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(ex.GetType().Name);
                await Task.Delay(backoff.Next(), transport.Time, stoppingToken);
                continue;
            }

            var first = await Task.WhenAny(woken, enrolled, Task.Delay(Timeout.InfiniteTimeSpan, transport.Time, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
            if (first != woken)
            {
                await Task.Delay(OutboxLookGap, transport.Time, stoppingToken);
            }
        }
    }

    /// <summary>Sets the menu of every subject's chat that shows another one than their wording asks for; returns how many Telegram refused.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var pending = await store.RunAsync(
            db => db.People.All()
                .Where(p => p.Role == Role.Subject)
                .Select(p => (p.Id, p.ChatId, Menu: CommandMenu.For(p, rules), Person: p))
                .Where(x => CommandMenu.NeedsSetting(x.Person, x.Menu))
                .Select(x => (x.Id, x.ChatId, x.Menu))
                .ToList(),
            ct);
        var failed = 0;
        foreach (var (id, chatId, menu) in pending)
        {
            try
            {
                await bot.SetMyCommands(
                    menu.Commands.Select(c => new TelegramCommand { Command = c.Command, Description = c.Description }),
                    BotCommandScope.Chat(chatId),
                    cancellationToken: ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failed++;
                LogMenuFailed(ex.GetType().Name);
                continue;
            }

            await store.RunAsync(
                db =>
                {
                    if (db.People.Find(id) is { } subject)
                    {
                        subject.MenuShown = menu.Key;
                        db.People.Save(subject);
                    }
                },
                ct);
            LogMenuSet(menu.Cover ? "cover" : "plain");
        }

        return failed;
    }

    private async Task SetProfileAsync(CancellationToken ct)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(profile.Name))
            {
                await bot.SetMyName(profile.Name, cancellationToken: ct);
            }

            if (!string.IsNullOrWhiteSpace(profile.Description))
            {
                await bot.SetMyDescription(profile.Description, cancellationToken: ct);
                await bot.SetMyShortDescription(profile.Description, cancellationToken: ct);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The profile is cosmetic next to check-ins: report it and go on.
            LogProfileFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 3440, Level = LogLevel.Information, Message = "Set a subject's chat command menu ({Wording} wording)")]
    private partial void LogMenuSet(string wording);

    [LoggerMessage(EventId = 3441, Level = LogLevel.Warning, Message = "Telegram refused a subject's chat command menu ({Error}); it is tried again later")]
    private partial void LogMenuFailed(string error);

    [LoggerMessage(EventId = 3442, Level = LogLevel.Warning, Message = "The bot's public name or description (Privacy:BotName, Privacy:BotDescription) could not be set ({Error})")]
    private partial void LogProfileFailed(string error);

    [LoggerMessage(EventId = 3443, Level = LogLevel.Error, Message = "Reading subjects for their command menus failed ({Error}); retrying")]
    private partial void LogSyncFailed(string error);
}
