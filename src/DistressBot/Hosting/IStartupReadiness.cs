namespace DistressBot.Hosting;

/// <summary>A part of the bot the service manager's READY=1 waits for: <see cref="Ready"/> completes once that part does its job (never faults).</summary>
public interface IStartupReadiness
{
    /// <summary>Completes once the part serves (the deadlines are loaded and watched; the admin socket listens).</summary>
    Task Ready { get; }
}
