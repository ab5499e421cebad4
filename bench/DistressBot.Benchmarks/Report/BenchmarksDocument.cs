namespace DistressBot.Benchmarks.Report;

/// <summary>docs/benchmarks.md: the prose stays, the part between the results markers is replaced by the new table.</summary>
internal static class BenchmarksDocument
{
    /// <summary>Opens the replaced part.</summary>
    public const string Start = "<!-- results:start (written by the benchmark program; edits here are overwritten) -->";

    /// <summary>Closes it.</summary>
    public const string End = "<!-- results:end -->";

    /// <summary>Replaces the results part of <paramref name="path"/> with <paramref name="table"/> (appending the part when the file has none).</summary>
    public static void WriteTable(string path, string table)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var block = Start + "\n" + table.TrimEnd() + "\n" + End;
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + End.Length)..]
            : text.TrimEnd() + "\n\n## Results\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}
