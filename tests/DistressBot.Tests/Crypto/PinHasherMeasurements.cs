using System.Diagnostics;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Tests.Storage.Fakes;
using Xunit.Abstractions;

namespace DistressBot.Tests.Crypto;

/// <summary>What one PIN check costs (both hashes, as every check-in computes), printed for docs/pin.md: DISTRESSBOT_MEASURE=1 dotnet test --filter Category=Measure --logger "console;verbosity=detailed".</summary>
[Trait("Category", "Measure")]
public sealed class PinHasherMeasurements(ITestOutputHelper output) : IDisposable
{
    private readonly TestFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [MeasureFact]
    public void Match_BothHashesAtTheShippedCost_PrintsMillisecondsPerCheck()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);
        var vault = new PinVault(keyring.Lookups);
        var (salt, hash) = vault.Hash("482916");
        var pins = vault.Seal(salt, hash, "730154");
        vault.Match(pins, "000000");

        const int Rounds = 40;
        var times = new List<double>();
        foreach (var typed in Enumerable.Range(0, Rounds).Select(i => (i % 3) switch { 0 => "482916", 1 => "730154", _ => "111111" }))
        {
            var watch = Stopwatch.StartNew();
            vault.Match(pins, typed);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"Argon2id {PinHasher.Cost.MemoryKiB} KiB, {PinHasher.Cost.Passes} passes, two hashes per check: median {times[Rounds / 2]:F1} ms, slowest {times[^1]:F1} ms over {Rounds} checks");
    }
}
