using DistressBot.Cli;
using DistressBot.Storage;

// Before anything is created: every file and folder this process makes is owner-only from birth.
OwnerOnly.RestrictProcessUmask();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await CommandLine.RunAsync(args, stop.Token);
