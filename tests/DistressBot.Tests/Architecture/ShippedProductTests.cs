using System.Reflection;
using DistressBot.Cli;
using DistressBot.Hosting;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.EndToEnd;
using DistressBot.Transport;

namespace DistressBot.Tests.Architecture;

/// <summary>The `distressbot` executable we install on a server ships only the bot: no fake Telegram, no sandbox, no demo, no test hooks.</summary>
public sealed class ShippedProductTests
{
    private static readonly Assembly Product = typeof(CommandLine).Assembly;

    [Fact]
    public void ProductAssembly_HoldsNoFakeTelegram_NoSandbox_NoDemo()
    {
        var names = Product.GetTypes().Select(t => t.FullName ?? t.Name).ToList();

        Assert.NotSame(Product, typeof(FakeBotApiServer).Assembly);
        Assert.NotSame(Product, typeof(BotSandbox).Assembly);
        Assert.DoesNotContain(names, n => n.StartsWith("DistressBot.Telegram.FakeApi", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Sandbox", StringComparison.Ordinal) || n.Contains("Demo", StringComparison.Ordinal));
    }

    [Fact]
    public void ProductAssembly_RunsOnTheBareRuntime_WithoutAspNetCore()
    {
        var runtimeConfig = File.ReadAllText(Path.ChangeExtension(Product.Location, ".runtimeconfig.json"));

        Assert.Contains("Microsoft.NETCore.App", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain(Product.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicTypes_ExposeNoSignals_TestsReachThemAsInternals()
    {
        var exposed = Product.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(p => (Type: t, Property: p)))
            .Where(x => typeof(AsyncSignal).IsAssignableFrom(x.Property.PropertyType))
            .Select(x => x.Type.Name + "." + x.Property.Name);

        Assert.Empty(exposed);
    }

    [Fact]
    public async Task Demo_InTheInstalledBot_SaysWhereTheDemoLives_Exit2_StartsNothing()
    {
        var run = await DistressbotProcess.RunAsync(new Dictionary<string, string>(), "demo");

        Assert.Equal(CommandLine.ExitUsage, run.ExitCode);
        Assert.Contains("dotnet run --project src/DistressBot.Demo", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
