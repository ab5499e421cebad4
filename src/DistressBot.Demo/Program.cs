using DistressBot.Demo;
using DistressBot.Storage;

// As in the bot itself: every file and folder the demo makes (its temporary keys and data) is owner-only from birth.
OwnerOnly.RestrictProcessUmask();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await DemoCommand.RunAsync(Console.Out, stop.Token);
