using System.Globalization;
using System.Text;
using DistressBot.Benchmarks.Harness;
using DistressBot.Benchmarks.Scenarios;

namespace DistressBot.Benchmarks.Report;

/// <summary>One row of the table: its name (as issue 15 names it), the goal, the figure as measured, and whether the goal was met.</summary>
internal sealed record ResultRow(string Name, string Goal, string Figure, string Met);

/// <summary>Turns the phases' figures into the table of docs/benchmarks.md, rows in the order and with the names of issue 15.</summary>
internal static class ResultTable
{
    /// <summary>The rows for <paramref name="results"/> (phase name → result; a phase not run reads "not run").</summary>
    public static List<ResultRow> Rows(BenchPlan plan, IReadOnlyDictionary<string, PhaseResult> results)
    {
        PhaseResult Of(string phase) => results.TryGetValue(phase, out var r) ? r : new PhaseResult();
        var rows = new List<ResultRow>();

        var ingest = Of("ingest");
        var baseline = ingest["baseline_per_s"];
        rows.Add(!double.IsNaN(ingest["bot_per_s"])
            ? Row("ingest ratio", "≥ 0.5", F($"{ingest["bot_per_s"] / baseline:0.00} (bot {ingest["bot_per_s"]:N0} check-ins/s ÷ LiteDB {baseline:N0} inserts/s)"), ingest["bot_per_s"] / baseline >= 0.5)
            : !double.IsNaN(ingest["bot_per_s_at_most"])
                ? Row("ingest ratio", "≥ 0.5", F($"≤ {ingest["bot_per_s_at_most"] / baseline:0.00} (> cap: {ingest["handled"]:0} of {ingest["checkins"]:0} handled in {plan.Cap("ingest").TotalSeconds:0} s; LiteDB {baseline:N0}/s)"), ingest["bot_per_s_at_most"] / baseline >= 0.5 ? null : false)
                : NotMeasured("ingest ratio", "≥ 0.5", ingest));

        rows.Add(AlarmLatency("alarm latency p50/p99/max (100k, spread)", Of("spread"), plan, "spread", withP50: true));
        rows.Add(AlarmLatency("alarm latency p99 (1k at once)", Of("burst-own"), plan, "burst-own", withP50: false));
        rows.Add(BurstRatio("burst ratio (1k at once, own coordinators)", Of("burst-own"), plan, "burst-own"));
        rows.Add(BurstRatio("burst ratio (1k at once, one coordinator)", Of("burst-one"), plan, "burst-one"));
        rows.Add(AlarmLatency("reminder flood: alarm latency p99 (100k reminders due at once + 100 alarms)", Of("reminders"), plan, "reminders", withP50: false));

        var strangers = Of("strangers");
        rows.Add(!double.IsNaN(strangers["confirm_p99_s"])
            ? Row("stranger flood: check-in confirmation p99", "< 2 s (the project's aim; the issue sets none)", F($"{strangers["confirm_p99_s"]:0.00} s (p50 {strangers["confirm_p50_s"]:0.00} s; {strangers["samples"]:0} check-ins among {plan.StrangerMessages:N0} strangers' messages)"), strangers["confirm_p99_s"] < 2)
            : !double.IsNaN(strangers["samples"])
                ? Row("stranger flood: check-in confirmation p99", "< 2 s (the project's aim; the issue sets none)", F($"> cap {plan.Cap("strangers").TotalSeconds:0} s ({strangers["answered"]:0} of {strangers["samples"]:0} confirmed)"), false)
                : NotMeasured("stranger flood: check-in confirmation p99", "< 2 s (the project's aim)", strangers));

        var start = Of("start");
        rows.Add(!double.IsNaN(start["watching_s"])
            ? Row("start to watching (100k)", "< 5 s", F($"{start["watching_s"]:0.0} s (default 25 s long poll)"), start["watching_s"] < 5)
            : NotMeasured("start to watching (100k)", "< 5 s", start, F($"> cap {plan.Cap("start").TotalSeconds:0} s")));
        rows.Add(!double.IsNaN(start["rss_mib"])
            ? Row("RSS idle (100k)", "< 200 MiB", F($"{start["rss_mib"]:0} MiB"), start["rss_mib"] < 200)
            : NotMeasured("RSS idle (100k)", "< 200 MiB", start));
        rows.Add(!double.IsNaN(start["idle_cores"])
            ? Row("CPU idle (100k)", "< 1% of a core", F($"{start["idle_cores"] * 100:0.00}% of a core over {plan.IdleWindow.TotalSeconds:0} s"), start["idle_cores"] < 0.01)
            : NotMeasured("CPU idle (100k)", "< 1% of a core", start));
        var unreachable = Of("unreachable");
        rows.Add(!double.IsNaN(unreachable["unreachable_cores"])
            ? Row("CPU with Telegram unreachable (10k queued)", "< 0.05 core", F($"{unreachable["unreachable_cores"]:0.000} core over {plan.IdleWindow.TotalSeconds:0} s ({unreachable["queued"]:N0} queued)"), unreachable["unreachable_cores"] < 0.05)
            : NotMeasured("CPU with Telegram unreachable (10k queued)", "< 0.05 core", unreachable));

        var micro = Of("micro");
        foreach (var (method, name) in new[] { ("SealRecord", "seal a record (300 B)"), ("OpenRecord", "open a record (300 B)"), ("LookupHash", "lookup hash"), ("VerifyPin", "PIN verification (Argon2id)") })
        {
            var ns = micro["ns_" + method];
            rows.Add(double.IsNaN(ns)
                ? NotMeasured("BenchmarkDotNet: " + name, "—", micro)
                : new ResultRow("BenchmarkDotNet: " + name, "—", ns >= 1_000_000 ? F($"{ns / 1_000_000:0.00} ms ({1e9 / ns:N0}/s on one core)") : F($"{ns / 1000:0.00} µs ({1e9 / ns:N0}/s on one core)"), "—"));
        }

        return rows;
    }

    /// <summary>The Markdown: a heading line of facts, the table, then the run's notes.</summary>
    public static string Markdown(IEnumerable<ResultRow> rows, string facts, IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine(facts).AppendLine();
        text.AppendLine("| row | goal (issue 15) | figure | goal met |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Goal} | {row.Figure} | {row.Met} |");
        }

        var said = notes.ToList();
        if (said.Count > 0)
        {
            text.AppendLine().AppendLine("Notes of this run:");
            foreach (var note in said)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }

    private static ResultRow AlarmLatency(string name, PhaseResult r, BenchPlan plan, string phase, bool withP50)
    {
        const string Goal = "p99 < 1 s (queued)";
        if (!double.IsNaN(r["queued_p99_s"]))
        {
            var sent = double.IsNaN(r["accepted_p99_s"]) ? F($"{r["accepted"]:N0} of {r["alarms"]:N0} within the cap") : F($"p99 {r["accepted_p99_s"]:0.00} s");
            var figure = withP50
                ? F($"queued p50 {r["queued_p50_s"]:0.00} s / p99 {r["queued_p99_s"]:0.00} s / max {r["queued_max_s"]:0.00} s ({r["alarms"]:N0} alarms); accepted by Telegram: {sent}")
                : F($"queued p99 {r["queued_p99_s"]:0.00} s ({r["alarms"]:N0} alarms); accepted by Telegram: {sent}");
            return Row(name, Goal, figure, r["queued_p99_s"] < 1);
        }

        return !double.IsNaN(r["alarms"])
            ? Row(name, Goal, F($"> cap {plan.Cap(phase).TotalSeconds:0} s ({r["queued"]:N0} of {r["alarms"]:N0} queued by then)"), false)
            : NotMeasured(name, Goal, r);
    }

    private static ResultRow BurstRatio(string name, PhaseResult r, BenchPlan plan, string phase)
    {
        const string Goal = "≤ 1.2 × floor";
        var floor = r["floor_s"];
        if (!double.IsNaN(r["all_accepted_s"]))
        {
            return Row(name, Goal, F($"{r["all_accepted_s"] / floor:0.00} (all accepted {r["all_accepted_s"]:0.0} s after the instant; floor {floor:0.#} s)"), r["all_accepted_s"] / floor <= 1.2);
        }

        if (double.IsNaN(floor))
        {
            return NotMeasured(name, Goal, r);
        }

        // Not all accepted by the cap: the ratio is at least cap / floor, which decides the verdict only when above 1.2;
        // otherwise the rate seen so far gives a projection, said as such.
        var within = r["accepted_within_s"];
        var atLeast = within / floor;
        var projected = r["accepted"] >= 2 ? F($"; at the rate seen, all would take about {r["alarms"] / (r["accepted"] / within):N0} s, ratio ≈ {r["alarms"] / (r["accepted"] / within) / floor:0.0}") : "";
        return Row(name, Goal, F($"> cap: {r["accepted"]:N0} of {r["alarms"]:N0} accepted {within:0} s after the instant (floor {floor:0.#} s, so ratio > {atLeast:0.00}{projected})"), atLeast > 1.2 ? false : null);
    }

    // A phase that ran and gave no figure says why in the notes; one that did not run gives neither figures nor notes.
    private static ResultRow NotMeasured(string name, string goal, PhaseResult r, string? figure = null) =>
        r.Notes.Count == 0 && r.Figures.Count == 0 ? new(name, goal, "not run", "—")
        : figure is not null ? new(name, goal, figure, "missed")
        : new(name, goal, "not measured (see notes)", "—");

    private static ResultRow Row(string name, string goal, string figure, bool? met) =>
        new(name, goal, figure, met switch { true => "met", false => "missed", null => "unknown" });

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
