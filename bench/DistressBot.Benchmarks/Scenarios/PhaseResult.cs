using System.Text.Json;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>What one phase measured: named figures (seconds, per-second rates, MiB, cores; NaN when not reached) and notes for the report.</summary>
internal sealed class PhaseResult
{
    /// <summary>Named figures.</summary>
    public Dictionary<string, double> Figures { get; init; } = new(StringComparer.Ordinal);

    /// <summary>What the reader must know about how the figures came about (caps hit, deadlines that fell before watching).</summary>
    public List<string> Notes { get; init; } = [];

    /// <summary>The figure, or NaN when the phase did not give it.</summary>
    public double this[string name] => Figures.TryGetValue(name, out var value) ? value : double.NaN;

    /// <summary>Writes the result for the parent process.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a child's result; an empty one when the child left none (it was stopped, or failed).</summary>
    public static PhaseResult Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<PhaseResult>(File.ReadAllText(path), Json) ?? new PhaseResult() : new PhaseResult();

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
